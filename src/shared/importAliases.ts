import type { DataKind } from './kinds';

/**
 * Header names real exports use for each kind's canonical columns (data.md: "any other header … is mapped once").
 * Headers are compared normalised (`normalizeHeader`: case, spaces, underscores, hyphens, dots, a BOM and
 * surrounding quotes ignored), so each alias is stored once and none repeats its canonical name: `Account ID`,
 * `AccountId` and `Account-ID` are all `account_id` already, as are `First Name`, `FirstName`, `Stage`, `Amount`,
 * `Email`, `Contact ID`, `Campaign Member Id` vs `CampaignMemberId` and so on.
 *
 * Order is priority: when several headers of one file match a column, the one whose alias comes first wins and the
 * column is reported as ambiguous. A bare `Id` / `Record ID` only names a row's own id, so it is listed only for the
 * kinds whose exports use it that way; it never maps a reference column.
 */
export type HeaderAliases = Record<DataKind, Record<string, readonly string[]>>;

export const HEADER_ALIASES: HeaderAliases = {
  accounts: {
    // Salesforce: `Id`/`Name`/`Website`/`NumberOfEmployees` (Data Loader), `Account Name`/`Employees` (reports);
    // HubSpot companies: `Record ID`, `Company name`, `Company Domain Name`, `Number of Employees`;
    // localised Salesforce reports saved from a European Excel (German, French, Dutch).
    account_id: ['Id', 'Record ID', 'Company ID', 'ID du compte'],
    name: ['Account Name', 'Company name', 'Company', 'Organization', 'Firmenname', 'Nom du compte', 'Bedrijfsnaam'],
    domain: ['Website', 'Company Domain Name', 'Domain Name', 'Website URL', 'URL', 'Site Web', 'Webseite'],
    segment: ['Customer Segment', 'Account Segment', 'Market Segment', 'Kundensegment', 'Segment client'],
    employees: [
      'Number of Employees',
      'Employee Count',
      'Headcount',
      'Mitarbeiter',
      'Anzahl Mitarbeiter',
      'Employés',
      'Effectif',
      'Medewerkers',
    ],
  },
  contacts: {
    // Salesforce contact/lead reports and Data Loader (`Id`, `AccountId`, `Title`, `CreatedDate`);
    // HubSpot contacts: `Record ID`, `Job Title`, `Became a Lead Date`, `Create Date`, `Associated Company IDs`.
    contact_id: ['Id', 'Record ID', 'Lead ID'],
    account_id: ['Associated Company IDs', 'Associated Company ID', 'Primary Associated Company ID', 'Company ID'],
    email: ['Email Address', 'Work Email', 'Business Email'],
    first_name: ['Given Name'],
    last_name: ['Surname', 'Family Name'],
    title: ['Job Title', 'Position'],
    // The lead date is the journey cut (spec 1), so a dedicated lead date beats the record's creation date.
    lead_created_at: ['Lead Created Date', 'Became a Lead Date', 'Created Date', 'Create Date'],
  },
  opportunities: {
    // Salesforce opportunity reports (`Opportunity ID`, `Opportunity Name`, `Close Date`) and Data Loader
    // (`Id`, `StageName`, `CloseDate`, `CreatedDate`); HubSpot deals: `Record ID`, `Deal Name`, `Deal Stage`,
    // `Deal Type`, `Create Date`, `Associated Company IDs`.
    opportunity_id: ['Id', 'Record ID', 'Deal ID'],
    account_id: ['Associated Company IDs', 'Associated Company ID', 'Primary Associated Company ID', 'Company ID'],
    name: ['Opportunity Name', 'Deal Name'],
    type: ['Opportunity Type', 'Deal Type'],
    stage: ['Stage Name', 'Deal Stage', 'Opportunity Stage'],
    amount: ['Amount (converted)', 'Amount in company currency', 'Deal Amount'],
    created_at: ['Created Date', 'Create Date', 'Opportunity Created Date'],
    closed_at: ['Close Date', 'Closed Date'],
  },
  touchpoints: {
    // Salesforce campaign members (`Campaign Member ID`, `Member First Responded Date`, `Campaign Type`,
    // `Lead Source`; Data Loader `LeadOrContactId`, `FirstRespondedDate`); HubSpot contact/marketing-event exports
    // (`Original Source`, drill-downs, UTM parameters, `Event Date`/`Timestamp`); Marketo Measure (Bizible).
    touchpoint_id: ['Id', 'Record ID', 'Campaign Member ID', 'Buyer Touchpoint ID', 'Interaction ID'],
    contact_id: ['Lead or Contact ID', 'Lead ID', 'Associated Contact IDs', 'Associated Contact ID'],
    account_id: ['Associated Company IDs', 'Associated Company ID', 'Company ID'],
    occurred_at: [
      'Member First Responded Date',
      'First Responded Date',
      'Member First Associated Date',
      'First Associated Date',
      'Touchpoint Date',
      'Event Date',
      'Activity Date',
      'Timestamp',
      'Date',
    ],
    channel: ['Campaign Type', 'Original Source', 'Marketing Channel'],
    campaign: ['Campaign Name', 'UTM Campaign', 'Ad Campaign Name', 'Original Source Drill-Down 2'],
    source: ['Lead Source', 'Original Source Drill-Down 1', 'UTM Source', 'Touchpoint Source'],
    medium: ['UTM Medium', 'Campaign Medium'],
  },
  community_members: {
    // Discourse user export (`id,username,name,email,created_at,last_seen_at,trust_level,…`); Circle and Slack
    // member exports (`Member ID`/`User ID`, `Display name`, `Account created (UTC)`).
    member_id: ['Id', 'User ID', 'Community Member ID'],
    email: ['Email Address', 'Primary Email'],
    name: ['Full Name', 'Display Name', 'Username'],
    platform: ['Community', 'Community Platform'],
    company_domain: ['Company Domain Name', 'Company Website'],
    joined_at: [
      'Joined',
      'Join Date',
      'Joined Date',
      'Date Joined',
      'Member Since',
      'Created At',
      'Account created (UTC)',
    ],
  },
  community_actions: {
    // Discourse posts/activity (`post_id`, `user_id`, `created_at`, `topic_id`, `category`), Circle activity
    // (`activity_id`, `member_id`, `activity_type`, `space`), Slack analytics (`message_id`, `timestamp`,
    // `channel_name`). `topic_id` names a thread, not a channel, feature or deal, so it stays unmapped.
    action_id: ['Activity ID', 'Post ID', 'Comment ID', 'Message ID', 'Id'],
    member_id: ['User ID', 'Author ID', 'Community Member ID', 'Username'],
    occurred_at: ['Created At', 'Timestamp', 'Activity Date', 'Posted At', 'Event Date', 'Date'],
    action_type: ['Activity Type', 'Type', 'Action', 'Event Type'],
    channel: ['Channel Name', 'Category', 'Category Name', 'Space', 'Space Name'],
    target_email: ['Referred Email', 'Invitee Email', 'Invited Email'],
    target_domain: ['Referred Domain', 'Target Company Domain', 'New Company Domain'],
    feature_id: ['Requested Feature ID', 'Idea ID'],
    opportunity_id: ['Deal ID'],
  },
  features: {
    // Productboard (`Feature ID`, `Feature name`, `Release date`), Canny (`ID`, `Title`, `Completed At`),
    // Jira-backed roadmaps (`Issue key`, `Summary`, `Resolved`).
    feature_id: ['Id', 'Idea ID', 'Issue Key'],
    name: ['Feature Name', 'Title', 'Feature', 'Summary'],
    shipped_at: [
      'Released',
      'Release Date',
      'Released At',
      'Released On',
      'Shipped',
      'Shipped Date',
      'Completed At',
      'Resolved',
    ],
  },
  opportunity_features: {
    // A Salesforce junction object (`OpportunityId`, `Feature__c`) or a HubSpot deal-to-feature association.
    opportunity_id: ['Deal ID'],
    feature_id: ['Idea ID', 'Feature__c'],
  },
};
