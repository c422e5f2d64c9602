-- Tributary project schema, version 1.
-- Timestamps are UTC milliseconds (spec attribution 1). Milestone dates given as a date only are stored as the end
-- of that day, a date-only occurred_at as its start, so the engine never re-interprets them.
-- No foreign keys between data kinds: references to unknown accounts or contacts are kept and flagged as orphans
-- (spec data: re-import, identity resolution), never rejected or cascaded.

CREATE TABLE project_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE accounts (
  account_id TEXT PRIMARY KEY,
  name TEXT,
  domain TEXT,
  segment TEXT,
  employees INTEGER
) STRICT;
CREATE INDEX accounts_domain ON accounts (domain);

CREATE TABLE contacts (
  contact_id TEXT PRIMARY KEY,
  account_id TEXT,
  email TEXT,
  first_name TEXT,
  last_name TEXT,
  title TEXT,
  lead_created_at INTEGER
) STRICT;
CREATE INDEX contacts_account ON contacts (account_id);
CREATE INDEX contacts_email ON contacts (email);

CREATE TABLE opportunities (
  opportunity_id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT,
  type TEXT NOT NULL CHECK (type IN ('new_business', 'upgrade', 'renewal')),
  type_raw TEXT,
  stage TEXT NOT NULL CHECK (stage IN ('won', 'lost', 'open')),
  stage_raw TEXT,
  amount REAL NOT NULL CHECK (amount >= 0),
  created_at INTEGER NOT NULL,
  closed_at INTEGER
) STRICT;
CREATE INDEX opportunities_account ON opportunities (account_id);

CREATE TABLE touchpoints (
  touchpoint_id TEXT PRIMARY KEY,
  contact_id TEXT,
  account_id TEXT,
  occurred_at INTEGER NOT NULL,
  channel TEXT NOT NULL,
  campaign TEXT,
  source TEXT,
  medium TEXT,
  CHECK (contact_id IS NOT NULL OR account_id IS NOT NULL)
) STRICT;
CREATE INDEX touchpoints_contact ON touchpoints (contact_id);
CREATE INDEX touchpoints_account ON touchpoints (account_id);

CREATE TABLE community_members (
  member_id TEXT PRIMARY KEY,
  email TEXT,
  name TEXT,
  platform TEXT,
  company_domain TEXT,
  joined_at INTEGER
) STRICT;
CREATE INDEX community_members_email ON community_members (email);

CREATE TABLE community_actions (
  action_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL,
  occurred_at INTEGER NOT NULL,
  action_type TEXT NOT NULL CHECK (action_type IN ('internal_referral', 'external_referral', 'job_move',
    'feature_request', 'post', 'reply', 'reaction', 'event_attended', 'answer', 'other')),
  action_type_raw TEXT,
  channel TEXT,
  target_email TEXT,
  target_domain TEXT,
  feature_id TEXT,
  opportunity_id TEXT
) STRICT;
CREATE INDEX community_actions_member ON community_actions (member_id);

CREATE TABLE features (
  feature_id TEXT PRIMARY KEY,
  name TEXT,
  shipped_at INTEGER
) STRICT;

CREATE TABLE opportunity_features (
  opportunity_id TEXT NOT NULL,
  feature_id TEXT NOT NULL,
  PRIMARY KEY (opportunity_id, feature_id)
) STRICT;

-- One row per imported file, and what it could not take (rejected rows) or took with a caveat (warnings), with
-- where: the file's line and column.
CREATE TABLE imports (
  import_id INTEGER PRIMARY KEY,
  kind TEXT NOT NULL,
  file_name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  rows_read INTEGER NOT NULL,
  rows_imported INTEGER NOT NULL,
  rows_rejected INTEGER NOT NULL,
  mapping_json TEXT NOT NULL,
  strict INTEGER NOT NULL,
  started_at INTEGER NOT NULL,
  finished_at INTEGER NOT NULL
) STRICT;

CREATE TABLE import_issues (
  import_id INTEGER NOT NULL REFERENCES imports (import_id) ON DELETE CASCADE,
  line INTEGER NOT NULL,
  column_name TEXT,
  severity TEXT NOT NULL CHECK (severity IN ('rejected', 'warning')),
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX import_issues_import ON import_issues (import_id, severity, line);

-- Identity resolution (spec data.md), recomputed after every import: each member's contact and account, how they
-- were found, or why not. Job moves are dated and applied by the engine on top of this.
CREATE TABLE member_identities (
  member_id TEXT PRIMARY KEY,
  contact_id TEXT,
  account_id TEXT,
  method TEXT NOT NULL CHECK (method IN ('email', 'company_domain', 'email_domain', 'unresolved')),
  reason TEXT
) STRICT;
CREATE INDEX member_identities_account ON member_identities (account_id);

-- job_move actions resolved to the account of their target domain: the member counts for that account from
-- moved_at on, earlier actions stay with the old one (spec data.md). to_account_id is null when no account has the
-- domain (or it is free-mail).
CREATE TABLE member_moves (
  action_id TEXT PRIMARY KEY,
  member_id TEXT NOT NULL,
  moved_at INTEGER NOT NULL,
  to_domain TEXT,
  to_account_id TEXT
) STRICT;
CREATE INDEX member_moves_member ON member_moves (member_id, moved_at);

-- Column mappings saved by name and reused for files with the same header set.
CREATE TABLE mappings (
  mapping_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL,
  header_signature TEXT NOT NULL,
  mapping_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
CREATE INDEX mappings_signature ON mappings (kind, header_signature);

-- Named model settings (model, weights, options) the user saved to compare.
CREATE TABLE scenarios (
  scenario_id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  model TEXT NOT NULL,
  options_json TEXT NOT NULL,
  updated_at INTEGER NOT NULL
) STRICT;
