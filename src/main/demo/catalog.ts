/** Word lists the demo data is built from: companies, people, titles, features and community platforms. */

// prettier-ignore
export const COMPANY_PREFIXES = [
  'Acme', 'Apex', 'Arcadia', 'Aurora', 'Banyan', 'Beacon', 'Birch', 'Blue Harbor', 'Bluefin', 'Bolt', 'Brightline',
  'Cascade', 'Cedar', 'Cobalt', 'Copper', 'Crescent', 'Crimson', 'Delta', 'Driftwood', 'Ember', 'Evergreen',
  'Falcon', 'Fathom', 'Fernway', 'Firefly', 'Foxglove', 'Granite', 'Greenfield', 'Halcyon', 'Harbor', 'Hawthorn',
  'Helix', 'Horizon', 'Indigo', 'Ironwood', 'Juniper', 'Keystone', 'Kinetic', 'Lakeside', 'Lantern', 'Larkspur',
  'Lumen', 'Maple', 'Meridian', 'Mesa', 'Monarch', 'Nimbus', 'Northwind', 'Nova', 'Oakridge', 'Obsidian', 'Onyx',
  'Orbit', 'Orchid', 'Pacific', 'Paragon', 'Pinnacle', 'Pioneer', 'Polaris', 'Prairie', 'Prism', 'Quartz',
  'Quill', 'Radiant', 'Redwood', 'Ridgeline', 'Riverbend', 'Sable', 'Saffron', 'Sage', 'Sequoia', 'Sierra',
  'Silverline', 'Solstice', 'Sparrow', 'Spruce', 'Stonebridge', 'Summit', 'Sunbeam', 'Tandem', 'Tangent',
  'Terra', 'Thistle', 'Tidewater', 'Timber', 'Topaz', 'Trailhead', 'Trident', 'True North', 'Tundra', 'Umber',
  'Upland', 'Vantage', 'Velvet', 'Vertex', 'Violet', 'Vista', 'Wavecrest', 'Westbrook', 'Willow', 'Zenith',
] as const;

// prettier-ignore
export const COMPANY_CORES = [
  'Analytics', 'Logistics', 'Health', 'Robotics', 'Software', 'Payments', 'Labs', 'Systems', 'Networks', 'Foods',
  'Energy', 'Security', 'Cloud', 'Data', 'Media', 'Bio', 'Capital', 'Learning', 'Retail', 'Mobility', 'Insurance',
  'Telecom', 'Devices', 'Materials', 'Studios', 'Travel', 'Freight', 'Clinics', 'Legal', 'Realty', 'Apparel',
  'Games', 'Genomics', 'Fintech', 'Marine', 'Aerospace', 'Pharma', 'Solar', 'Agritech', 'HR', 'Commerce',
  'Dynamics', 'Works', 'Partners', 'Holdings', 'Interactive', 'Consulting', 'Manufacturing', 'Motors', 'Ventures',
] as const;

/** Account domains use these; non-account companies use other endings, so they can never match an account. */
export const ACCOUNT_TLDS = ['com', 'io', 'co', 'ai', 'net'] as const;
export const OTHER_COMPANY_TLDS = ['dev', 'org', 'studio', 'xyz'] as const;

export const FREE_MAIL_DOMAINS = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'proton.me'] as const;

// prettier-ignore
export const FIRST_NAMES = [
  'Aaliyah', 'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alejandro', 'Alex', 'Alice', 'Amara', 'Amelia', 'Ana', 'Andre',
  'Anika', 'Arjun', 'Ava', 'Ben', 'Bianca', 'Brandon', 'Camila', 'Carlos', 'Carmen', 'Chen', 'Chloe', 'Daniel',
  'Daria', 'David', 'Diego', 'Elena', 'Eli', 'Emily', 'Emma', 'Ethan', 'Fatima', 'Felix', 'Fiona', 'Gabriel',
  'Grace', 'Hana', 'Hannah', 'Hiro', 'Ibrahim', 'Imani', 'Isaac', 'Isabel', 'Ivan', 'Jack', 'James', 'Jasmine',
  'Javier', 'Jin', 'Jonas', 'Julia', 'Kai', 'Karen', 'Kenji', 'Kofi', 'Laila', 'Lars', 'Laura', 'Leo', 'Liam',
  'Lina', 'Lucas', 'Luis', 'Maya', 'Mateo', 'Mei', 'Mia', 'Michael', 'Mohammed', 'Nadia', 'Naomi', 'Nathan',
  'Nia', 'Noah', 'Nora', 'Olivia', 'Omar', 'Oscar', 'Priya', 'Rafael', 'Ravi', 'Rosa', 'Ryan', 'Sakura', 'Samir',
  'Sara', 'Sean', 'Sofia', 'Sophie', 'Tariq', 'Thomas', 'Tomas', 'Valentina', 'Victor', 'Wei', 'Yara', 'Yusuf',
  'Zara', 'Zoe',
] as const;

// prettier-ignore
export const LAST_NAMES = [
  'Abbott', 'Adeyemi', 'Alvarez', 'Andersen', 'Bailey', 'Banerjee', 'Becker', 'Bennett', 'Brooks', 'Castillo',
  'Chang', 'Chen', 'Clarke', 'Cohen', 'Costa', 'Cruz', 'Dubois', 'Edwards', 'Eriksson', 'Evans', 'Fischer',
  'Flores', 'Foster', 'Garcia', 'Gonzalez', 'Gupta', 'Haddad', 'Hansen', 'Hayes', 'Hernandez', 'Hoffmann',
  'Hughes', 'Ibrahim', 'Ito', 'Jackson', 'Jensen', 'Johnson', 'Kaur', 'Kim', 'Kowalski', 'Kumar', 'Larsen',
  'Lee', 'Lopez', 'Martin', 'Meyer', 'Mendes', 'Miller', 'Moreau', 'Morris', 'Murphy', 'Nakamura', 'Nguyen',
  'Novak', 'Okafor', 'Olsen', 'Ortiz', 'Patel', 'Perez', 'Petrov', 'Quinn', 'Ramos', 'Reyes', 'Richter', 'Rivera',
  'Rossi', 'Russo', 'Sato', 'Schmidt', 'Shah', 'Silva', 'Singh', 'Smith', 'Sousa', 'Suzuki', 'Tanaka', 'Taylor',
  'Thompson', 'Torres', 'Tran', 'Turner', 'Vargas', 'Wagner', 'Walker', 'Wang', 'Watanabe', 'Weber', 'Williams',
  'Wilson', 'Wong', 'Yamamoto', 'Yilmaz', 'Young', 'Zhang', 'Zimmermann',
] as const;

/** Buying-committee functions; an internal referral goes from one function to another in the same account. */
export const TITLES_BY_FUNCTION = {
  marketing: ['VP Marketing', 'Head of Demand Generation', 'Marketing Operations Manager', 'Growth Marketer', 'CMO'],
  revops: ['Head of RevOps', 'Sales Operations Analyst', 'Director of Revenue Operations', 'CRM Administrator'],
  data: ['Data Engineer', 'Analytics Lead', 'Head of Data', 'BI Analyst', 'Analytics Engineer'],
  product: ['Product Manager', 'VP Product', 'Product Analyst', 'Director of Product'],
  finance: ['CFO', 'FP&A Manager', 'Controller', 'VP Finance'],
  executive: ['CEO', 'COO', 'Founder', 'General Manager'],
  community: ['Community Manager', 'Head of Community', 'Developer Advocate', 'Customer Success Manager'],
} as const;

export type ContactFunction = keyof typeof TITLES_BY_FUNCTION;
export const CONTACT_FUNCTIONS = Object.keys(TITLES_BY_FUNCTION) as ContactFunction[];

// prettier-ignore
export const FEATURE_NAMES = [
  'Salesforce bi-directional sync', 'HubSpot connector', 'SAML single sign-on', 'SCIM user provisioning',
  'Snowflake export', 'BigQuery export', 'Custom attribution windows', 'W-shaped model presets', 'Audit log',
  'Role-based access control', 'EU data residency', 'Scheduled CSV exports', 'Slack alerts', 'Dashboard sharing',
  'Cohort retention view', 'Multi-currency reporting', 'Pipeline forecasting', 'Campaign cost import',
  'LinkedIn Ads connector', 'Google Ads connector', 'Journey timeline view', 'Account hierarchy rollups',
  'Public API v2', 'Webhook triggers', 'Dark mode', 'Custom fields on touchpoints', 'Discourse integration',
  'Slack community integration', 'Circle integration', 'Markov model explorer', 'Shapley value report',
  'Sankey journey view', 'Bulk data deletion', 'Two-factor authentication', 'IP allow-listing', 'Annotations',
  'Goal tracking', 'Weekly email digest', 'Segment-level benchmarks', 'Fiscal calendar support',
  'Opportunity splits', 'Partner-sourced attribution', 'Event badge-scan import', 'Offline conversion upload',
  'dbt package', 'Looker blocks', 'Mobile dashboard', 'Sandbox workspaces',
] as const;

export const COMMUNITY_PLATFORMS = [
  ['Discourse', 5],
  ['Slack', 4],
  ['Circle', 2],
] as const;

/** How each platform's export names an action; kept in `action_type_raw` like an import would. */
export const RAW_ACTION_NAMES: Record<string, Record<string, string>> = {
  Discourse: { post: 'topic_created', reply: 'post_created', reaction: 'like', answer: 'solution_accepted' },
  Slack: { post: 'message', reply: 'thread_reply', reaction: 'reaction_added', answer: 'answer_marked' },
  Circle: { post: 'post', reply: 'comment', reaction: 'like', answer: 'best_answer' },
};

export const ENGAGEMENT_ACTIONS = [
  ['reply', 34],
  ['post', 22],
  ['reaction', 26],
  ['answer', 8],
  ['event_attended', 7],
  ['other', 3],
] as const;

export type EngagementAction = (typeof ENGAGEMENT_ACTIONS)[number][0];
