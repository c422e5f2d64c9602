import { createHmac, randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { identityKey, unresolvedReason } from '../domain/identityRules';
import { connect, type OpenOptions } from './database';
import { withRevisionTriggersSuspended } from './dataRevision';
import { clearEngineSnapshot } from './engineSnapshot';
import { writeMeta } from './meta';

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
type Rule = 'keep' | 'drop' | 'email' | 'member' | 'contact' | 'custom' | 'rewrite';

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

/** The columns of each relabelled id, and the prefix of its new labels. */
const RELABELLED: Record<'member' | 'contact', string> = { member: 'member-', contact: 'contact-' };
const ISSUE_REASON = 'Reason removed from the anonymised copy (it quoted the file’s value).';

/**
 * Replaces the personal data of a project copy in one transaction, with a random key that is never stored, then
 * VACUUMs so no replaced value lingers in free pages. Attribution and CAR of the copy equal the original's: every
 * value the engine compares keeps its equalities (see anonymiseEmail) and member ids keep their order.
 */
export function anonymiseDatabase(db: Database.Database, now = new Date()): string {
  assertPolicyCoversSchema(db);
  const key = randomBytes(32);
  const hash = (value: string): string => createHmac('sha256', key).update(value).digest('hex').slice(0, 24);
  const accountDomains = new Set(
    (db.prepare('SELECT domain FROM accounts WHERE domain IS NOT NULL').pluck().all() as string[]).map((domain) =>
      domain.trim().toLowerCase(),
    ),
  );
  const anonymisedAt = now.toISOString();
  db.pragma('secure_delete = ON');
  db.transaction(() => {
    // Ends with a new token, even for a project with no rows: the copy never shares its original's cached arrays.
    withRevisionTriggersSuspended(db, () => {
      for (const [table, columns] of Object.entries(ANONYMISATION_POLICY)) {
        for (const [column, rule] of Object.entries(columns)) {
          if (rule === 'drop') db.prepare(`UPDATE ${table} SET ${column} = NULL WHERE ${column} IS NOT NULL`).run();
          if (rule === 'email')
            rewriteColumn(db, table, column, (value) => anonymiseEmail(value, hash, accountDomains));
          if (rule === 'custom') rewriteColumn(db, table, column, (value) => anonymiseCustomFields(value, hash));
        }
      }
      for (const [rule, prefix] of Object.entries(RELABELLED)) relabel(db, columnsWith(rule as Rule), prefix);
      rewriteColumn(db, 'imports', 'sha256', (value) => createHmac('sha256', key).update(value).digest('hex'));
      for (const { import_id: id, kind, file_name: file } of db
        .prepare('SELECT import_id, kind, file_name FROM imports')
        .all() as { import_id: number; kind: string; file_name: string }[]) {
        const extension = extname(file)
          .replace(/[^.A-Za-z0-9]/g, '')
          .slice(0, 10);
        db.prepare('UPDATE imports SET file_name = ? WHERE import_id = ?').run(`${kind}-${hash(file)}${extension}`, id);
      }
      db.prepare('UPDATE import_issues SET reason = ?').run(ISSUE_REASON);
      clearEngineSnapshot(db);
      rewriteUnresolvedReasons(db);
      // ANALYZE's sample tables (never made by Tributary today; stat3 by older SQLite builds) would keep sampled index
      // keys: emails among them. The schema check accepts stat1-stat4, so each one present is emptied.
      for (const table of ['sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4']) {
        if (db.prepare('SELECT 1 FROM sqlite_schema WHERE name = ?').get(table)) db.exec(`DELETE FROM ${table}`);
      }
    });
    writeMeta(db, { anonymisedAt });
  })();
  db.exec('VACUUM');
  return anonymisedAt;
}

/**
 * An email with the part before its first `@` replaced by a keyed hash of that part, lower-cased and trimmed; the
 * rest is kept as written. What the engine derives stays the same: the domain (after the first `@` in identity
 * resolution, after the last one in CAR sourcing), equality of normalised emails (same key, same hash), and whether
 * the stored value was already normalised (identity resolution looks contacts up by their email as stored, so an
 * uppercase or padded one never matches: its copy is given an uppercase hash and the same padding). A value without
 * `@` that is an account's domain is read as that domain by CAR, so it stays.
 */
export function anonymiseEmail(value: string, hash: (part: string) => string, accountDomains: Set<string>): string {
  const normalized = value.trim().toLowerCase();
  if (normalized === '' || (!normalized.includes('@') && accountDomains.has(normalized))) return value;
  const trimmed = value.trim();
  const at = trimmed.indexOf('@');
  // 'x' first so the hash always holds a letter, whose case marks a not-normalised value.
  const local = `x${hash(at < 0 ? normalized : normalized.slice(0, at))}`;
  if (value === normalized) return at < 0 ? local : `${local}${normalized.slice(at)}`;
  const padding = /^\s*/.exec(value)?.[0] ?? '';
  const tail = /\s*$/.exec(value)?.[0] ?? '';
  return `${padding}${local.toUpperCase()}${at < 0 ? '' : trimmed.slice(at)}${tail}`;
}

/** A row's custom fields with each value replaced by a keyed hash of it (`x` and 24 hex digits), names kept. */
export function anonymiseCustomFields(json: string, hash: (value: string) => string): string {
  const fields = JSON.parse(json) as Record<string, unknown>;
  const out = Object.create(null) as Record<string, string>;
  for (const [name, value] of Object.entries(fields)) out[name] = `x${hash(String(value))}`;
  return JSON.stringify(out);
}

function rewriteColumn(db: Database.Database, table: string, column: string, rewrite: (value: string) => string) {
  const rows = db.prepare(`SELECT rowid, ${column} FROM ${table} WHERE ${column} IS NOT NULL`).raw().all() as [
    number,
    string,
  ][];
  const update = db.prepare(`UPDATE ${table} SET ${column} = ? WHERE rowid = ?`);
  for (const [rowid, value] of rows) update.run(rewrite(value), rowid);
}

/** Every `[table, column]` the policy gives `rule`. */
function columnsWith(rule: Rule): [string, string][] {
  return Object.entries(ANONYMISATION_POLICY).flatMap(([table, columns]) =>
    Object.entries(columns).flatMap(([column, given]) => (given === rule ? [[table, column] as [string, string]] : [])),
  );
}

/**
 * The ids in `columns` become `<prefix>000001`… in SQLite's BINARY order of the originals, the same label for the same
 * id in every column, so every ordering and tie-break by id is unchanged. The prefix is one no original id starts
 * with, so a row renamed early can never collide with one not renamed yet (the ids are primary keys).
 */
function relabel(db: Database.Database, columns: [string, string][], base: string): void {
  const ids = db
    .prepare(
      columns.map(([table, column]) => `SELECT ${column} FROM ${table} WHERE ${column} IS NOT NULL`).join(' UNION ') +
        ' ORDER BY 1',
    )
    .pluck()
    .all() as string[];
  let prefix = base;
  while (ids.some((id) => id.startsWith(prefix))) prefix = `a${prefix}`;
  const width = Math.max(6, String(ids.length).length);
  const label = new Map(ids.map((id, i) => [id, `${prefix}${String(i + 1).padStart(width, '0')}`]));
  for (const [table, column] of columns) rewriteColumn(db, table, column, (id) => label.get(id) as string);
}

function rewriteUnresolvedReasons(db: Database.Database): void {
  const rows = db
    .prepare(
      `SELECT i.member_id, m.email, m.company_domain FROM member_identities i
       LEFT JOIN community_members m ON m.member_id = i.member_id WHERE i.reason IS NOT NULL`,
    )
    .raw()
    .all() as [string, string | null, string | null][];
  const update = db.prepare('UPDATE member_identities SET reason = ? WHERE member_id = ?');
  for (const [memberId, email, company] of rows) {
    // The same normalisation identity resolution applies before it writes a reason.
    const reason = unresolvedReason(identityKey(email), identityKey(company));
    update.run(reason, memberId);
  }
}

function assertPolicyCoversSchema(db: Database.Database): void {
  const tables = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .pluck()
    .all() as string[];
  const unknown: string[] = [];
  for (const table of tables) {
    const policy = ANONYMISATION_POLICY[table];
    for (const column of db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(table) as string[]) {
      if (!policy?.[column]) unknown.push(`${table}.${column}`);
    }
  }
  if (unknown.length > 0) {
    throw new TributaryError(
      'internal',
      `This version cannot anonymise ${unknown.join(', ')}: no rule says whether it holds personal data.`,
    );
  }
}

/** anonymiseDatabase over the project file at `path` (a copy being saved), through a connection of its own. */
export function anonymiseFile(path: string, options: OpenOptions = {}): string {
  const db = connect(path, { ...options, fileMustExist: true });
  try {
    return anonymiseDatabase(db);
  } finally {
    db.close();
  }
}
