import { existsSync } from 'node:fs';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { connect, translateSqliteError, type OpenOptions } from './database';
import { assertKnownVersion } from './header';
import { ledgerProblems, type Migration } from './migrations';
import { expectedSchema, printable, readSchema, schemaDifferences } from './schema';

/**
 * A connection that cannot write to the file, for checking it before anything else runs. A read-only connection
 * never checkpoints a -wal lying next to the file into it (a read-write one does when it closes), but to a WAL-mode
 * file with no -wal yet it leaves empty -wal and -shm files behind that it cannot remove; so when there is no -wal
 * or -journal beside the file, a query-only read-write connection is used instead, which removes them on close.
 * Either way the file's bytes stay as they were.
 */
export function connectForInspection(path: string, options: OpenOptions): { db: Database.Database; writable: boolean } {
  const writable = !existsSync(`${path}-wal`) && !existsSync(`${path}-journal`);
  const db = connect(path, { ...options, readonly: !writable });
  if (writable) db.pragma('query_only = ON');
  return { db, writable };
}

/**
 * The inspection connection's errors in words. A -journal beside the file is a change some program left half done;
 * SQLite would roll it back into the file on the first read, which a read-only connection refuses to do, and
 * Tributary will not let a file it has not checked be rewritten from a journal it cannot check either.
 */
export function inspectionError(error: unknown, path: string): TributaryError {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && code.startsWith('SQLITE_READONLY') && existsSync(`${path}-journal`)) {
    return new TributaryError(
      'damaged',
      `${path} has an unfinished change left in ${path}-journal by a program that stopped while writing it; Tributary will not apply it to a file it has not checked. Open the file once in the program that wrote it (or the sqlite3 tool), or use a backup copy.`,
    );
  }
  return translateSqliteError(error, path);
}

export interface Inspection {
  /** The file's schema version (`user_version`), never newer than the migrations known. */
  version: number;
  /** What SQLite's own check found; empty when the file is sound. */
  damage: string[];
  /** Schema objects and ledger rows that are not what the shipped migrations make; empty when it is all Tributary's. */
  foreign: string[];
}

/**
 * Everything a file is checked for before Tributary trusts it, using reads only: SQLite's check of the file (quick
 * on open, full for `tributary check`), its version, then its schema against what the migrations for that version
 * create, then the migration ledger. The ledger is read only once the schema is known to be Tributary's, so no
 * view can stand in for it; PRAGMAs and sqlite_schema reads fire no trigger and evaluate no view.
 */
export function inspect(
  db: Database.Database,
  path: string,
  migrations: Migration[],
  depth: 'quick' | 'full',
  options: OpenOptions = {},
): Inspection {
  const damage = sqliteDamage(db, depth, undefined, options);
  const version = db.pragma('user_version', { simple: true }) as number;
  // spec: a newer file is refused, not opened read-only; its schema is not known to this version.
  assertKnownVersion(path, version, migrations.length);
  if (damage.length > 0) return { version, damage, foreign: [] };
  return { version, damage, foreign: foreignProblems(db, migrations, version, options) };
}

/**
 * What SQLite's own check of the file finds (quick_check, or integrity_check for `full`); with `table`, of that table
 * and its indexes only. Empty when it is sound.
 */
export function sqliteDamage(
  db: Database.Database,
  depth: 'quick' | 'full',
  table?: string,
  options: OpenOptions = {},
): string[] {
  const check = depth === 'full' ? 'integrity_check' : 'quick_check';
  const pragma = table === undefined ? check : `${check}("${table.replace(/"/g, '""')}")`;
  const run = (on: Database.Database): string[] =>
    (on.pragma(pragma) as Record<string, string>[])
      .map((row) => String(Object.values(row)[0]))
      .filter((line) => line !== 'ok');
  // Inside a transaction the check must see what `db` sees, which another connection would not.
  if (db.readonly || db.inTransaction) return run(db);
  // SQLite's check reads every page, and through a connection that may write it took twice as long: 5.7-7.3 s
  // against 3.0-4.5 s read-only for the 2.3 GB file of ten million touches, back to back (issue 16). So it reads
  // through a read-only connection of its own. `db` has read the file, so the -wal and -shm it removes when it
  // closes are already there: the read-only one leaves nothing behind (see connectForInspection).
  db.pragma('user_version');
  const readOnly = connect(db.name, { ...options, readonly: true, fileMustExist: true });
  try {
    return run(readOnly);
  } finally {
    readOnly.close();
  }
}

/**
 * True when the file passes every check but quick_check and is a current project in WAL mode, which an open would
 * neither migrate nor rewrite; any error (a damaged file) counts as no, for the checks proper to report.
 */
export function readyAsItIs(db: Database.Database, migrations: Migration[], options: OpenOptions = {}): boolean {
  try {
    const version = db.pragma('user_version', { simple: true }) as number;
    return (
      version === migrations.length &&
      db.pragma('journal_mode', { simple: true }) === 'wal' &&
      foreignProblems(db, migrations, version, options).length === 0
    );
  } catch {
    return false;
  }
}

/**
 * The schema against what the migrations for `version` create, then the ledger, then the metadata's size: what is
 * not Tributary's, or empty. Reads only sqlite_schema until the schema is known, as inspect explains.
 */
export function foreignProblems(
  db: Database.Database,
  migrations: Migration[],
  version: number,
  options: OpenOptions = {},
): string[] {
  const foreign = schemaDifferences(readSchema(db), expectedSchema(migrations, version, options));
  if (foreign.length === 0) foreign.push(...ledgerProblems(db, migrations, version));
  if (foreign.length === 0 && version > 0) foreign.push(...metaProblems(db));
  return foreign;
}

/** Tributary's metadata values are short (a project name is at most 200 characters); the limit leaves room. */
const META_VALUE_LIMIT = 1000;

/**
 * The metadata is read on every open and sent to the UI, so a huge value planted there would be loaded whole each
 * time; its length is measured in SQL, without reading it into memory.
 */
function metaProblems(db: Database.Database): string[] {
  const rows = db
    .prepare(
      'SELECT substr(key, 1, 100) AS key, length(value) AS n FROM project_meta WHERE length(key) > 100 OR length(value) > ?',
    )
    .all(META_VALUE_LIMIT) as { key: string; n: number }[];
  return rows.map(
    (row) =>
      `has a project_meta value \`${printable(row.key)}\` of ${row.n.toLocaleString('en-US')} characters (Tributary writes at most ${META_VALUE_LIMIT.toLocaleString('en-US')})`,
  );
}

/** Turns an inspection that found anything into the refusal the user sees, naming the file and the first reasons. */
export function assertTrusted(path: string, inspection: Pick<Inspection, 'damage' | 'foreign'>): void {
  if (inspection.damage.length > 0) {
    throw new TributaryError('damaged', `${path} is damaged (${summarise(inspection.damage)}); refusing to open it.`);
  }
  if (inspection.foreign.length > 0) {
    throw new TributaryError(
      'damaged',
      `${path} ${summarise(inspection.foreign)}; it was changed outside Tributary, refusing to open it.`,
    );
  }
}

function summarise(lines: string[]): string {
  const shown = lines.slice(0, 3).join('; ');
  return lines.length > 3 ? `${shown}; and ${lines.length - 3} more` : shown;
}
