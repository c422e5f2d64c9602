/**
 * What an anonymised copy does with each column of every table. A table or column missing here stops the copy
 * (a new migration must say what its columns hold before a copy can leave the premises).
 *
 * - keep: no personal data. Company data stays readable: account names and domains, and the domain part of every
 *   email, because identity resolution and CAR compare email domains with account domains and skip free-mail
 *   domains by name (data.md); hashing domains would need the free-mail list hashed with the same key, and a
 *   company's domain is not a person's data.
 * - drop: names and other free text about people, set to NULL (the UI already falls back to ids).
 * - email: the part before the first `@` becomes a keyed hash; the rest stays (see anonymiseEmail).
 * - member: community member ids (often a handle or an email) become `member-000001`… in their original order, so
 *   "smallest id wins" rules and sorted outputs are unchanged.
 * - contact: contact ids the same way, as `contact-000001`… (a simple CRM export may use the email as the id).
 * - custom: a row's custom fields (migration 0004), free text from any column of an export ("Sales Agent", "Notes"):
 *   each value becomes a keyed hash of itself, the field names stay, so equal values stay equal (a report scoped or
 *   grouped by a custom field covers the same rows in the copy) but none can be read.
 * - rewrite: replaced by a rule of its own below.
 */
export type Rule = 'keep' | 'drop' | 'email' | 'member' | 'contact' | 'custom' | 'rewrite';

export const ANONYMISATION_POLICY: Readonly<Record<string, Readonly<Record<string, Rule>>>> = {
  schema_migrations: { version: 'keep', name: 'keep', sha256: 'keep', applied_at: 'keep' },
  project_meta: { key: 'keep', value: 'keep' },
  accounts: {
    account_id: 'keep',
    name: 'keep',
    domain: 'keep',
    segment: 'keep',
    employees: 'keep',
    custom: 'custom',
  },
  contacts: {
    contact_id: 'contact',
    account_id: 'keep',
    email: 'email',
    first_name: 'drop',
    last_name: 'drop',
    title: 'drop',
    lead_created_at: 'keep',
    custom: 'custom',
  },
  opportunities: {
    opportunity_id: 'keep',
    account_id: 'keep',
    // Free text in a CRM ("Renewal – Jane Doe"); the UI shows the id instead.
    name: 'drop',
    type: 'keep',
    type_raw: 'keep',
    stage: 'keep',
    stage_raw: 'keep',
    amount: 'keep',
    created_at: 'keep',
    closed_at: 'keep',
    // An open deal's blank amount (migration 0004).
    amount_missing: 'keep',
    custom: 'custom',
  },
  touchpoints: {
    touchpoint_id: 'keep',
    contact_id: 'contact',
    account_id: 'keep',
    occurred_at: 'keep',
    channel: 'keep',
    campaign: 'keep',
    source: 'keep',
    medium: 'keep',
    custom: 'custom',
  },
  community_members: {
    member_id: 'member',
    email: 'email',
    name: 'drop',
    platform: 'keep',
    company_domain: 'keep',
    joined_at: 'keep',
    custom: 'custom',
  },
  community_actions: {
    action_id: 'keep',
    member_id: 'member',
    occurred_at: 'keep',
    action_type: 'keep',
    action_type_raw: 'keep',
    channel: 'keep',
    target_email: 'email',
    target_domain: 'keep',
    feature_id: 'keep',
    opportunity_id: 'keep',
    custom: 'custom',
  },
  features: { feature_id: 'keep', name: 'keep', shipped_at: 'keep' },
  // Channel-group rules (migration 0005) name channels, campaigns, sources and mediums, which copies keep; a rule
  // testing a custom field's value no longer matches it there, as the values are hashed.
  channel_group_rules: { position: 'keep', group_name: 'keep', conditions_json: 'keep' },
  // The names of the custom fields are the export's headers, kept like the mappings' headers.
  custom_fields: { kind: 'keep', name: 'keep', position: 'keep' },
  opportunity_features: { opportunity_id: 'keep', feature_id: 'keep' },
  imports: {
    import_id: 'keep',
    kind: 'keep',
    // A path on the user's disk (their login name) and a file name that may name a person.
    file_name: 'rewrite',
    // The digest of a file full of personal data confirms who holds that file: keyed like the rest.
    sha256: 'rewrite',
    rows_read: 'keep',
    rows_imported: 'keep',
    rows_rejected: 'keep',
    // Column headers and value maps (stage, type), never cell values.
    mapping_json: 'keep',
    strict: 'keep',
    started_at: 'keep',
    finished_at: 'keep',
  },
  // A rejected row's reason quotes the cell it could not read.
  import_issues: { import_id: 'keep', line: 'keep', column_name: 'keep', severity: 'keep', reason: 'rewrite' },
  // An unresolved member's reason names their email: written again from the anonymised one.
  member_identities: {
    member_id: 'member',
    contact_id: 'contact',
    account_id: 'keep',
    method: 'keep',
    reason: 'rewrite',
  },
  member_moves: { action_id: 'keep', member_id: 'member', moved_at: 'keep', to_domain: 'keep', to_account_id: 'keep' },
  mappings: {
    mapping_id: 'keep',
    name: 'keep',
    kind: 'keep',
    header_signature: 'keep',
    mapping_json: 'keep',
    updated_at: 'keep',
  },
  scenarios: { scenario_id: 'keep', name: 'keep', model: 'keep', options_json: 'keep', updated_at: 'keep' },
  // The engine's cache key (migration 0002): drawn afresh, so the copy never shares its original's cached arrays.
  data_revision: { id: 'keep', token: 'rewrite' },
  // The engine's arrays (migration 0003) hold every name and id of the original: the copy's rows are all deleted.
  engine_snapshot: { part: 'rewrite', revision: 'rewrite', bytes: 'rewrite' },
};
