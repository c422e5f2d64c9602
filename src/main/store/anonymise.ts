import { createHmac, randomBytes } from 'node:crypto';
import { extname } from 'node:path';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { identityKey, unresolvedReason } from '../domain/identityRules';
import { connect, type OpenOptions } from './database';
import { withRevisionTriggersSuspended } from './dataRevision';
import { clearEngineSnapshot } from './engineSnapshot';
import { writeMeta } from './meta';
import { ANONYMISATION_POLICY, type Rule } from './anonymisePolicy';

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
