import Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';

export interface OpenOptions {
  /** Path to an Electron-ABI build of better-sqlite3 (desktop app); Node's own build is used when absent. */
  nativeBinding?: string;
}

/**
 * Opens a SQLite connection with the settings every Tributary connection uses. Hardening that does not depend on
 * the file's content comes first: untrusted schema objects never run app functions, cells are size-checked, and
 * no file is memory-mapped. `queryOnly` opens it read-write but refusing every write (query_only), for a reader
 * that must not be the read-only connection that closes last, leaving the -wal and -shm files behind.
 */
export function connect(
  path: string,
  options: OpenOptions & { readonly?: boolean; fileMustExist?: boolean; queryOnly?: boolean } = {},
): Database.Database {
  let db: Database.Database;
  try {
    db = new Database(path, {
      fileMustExist: options.fileMustExist ?? false,
      readonly: options.readonly ?? false,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
  } catch (error) {
    throw translateSqliteError(error, path);
  }
  db.pragma('busy_timeout = 3000');
  db.pragma('trusted_schema = OFF');
  db.pragma('cell_size_check = ON');
  db.pragma('mmap_size = 0');
  if (options.queryOnly) db.pragma('query_only = ON');
  return db;
}

/**
 * Copies a live connection's database, consistent even while it is being written, into `path` as one file: the copy
 * is switched to a rollback journal, so it needs no -wal beside it and can be moved or copied back as it is.
 */
export async function backupAsOneFile(db: Database.Database, path: string): Promise<void> {
  await db.backup(path);
  const copy = connect(path);
  try {
    copy.pragma('journal_mode = DELETE');
  } finally {
    copy.close();
  }
}

/** Turns SQLite's codes into messages a user can act on. */
export function translateSqliteError(error: unknown, path: string): TributaryError {
  if (error instanceof TributaryError) return error;
  const code = (error as { code?: string }).code ?? '';
  const detail = error instanceof Error ? error.message : String(error);
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new TributaryError('locked', `${path} is locked by another program; close it there and try again.`);
  }
  if (code.startsWith('SQLITE_CORRUPT') || code.startsWith('SQLITE_NOTADB')) {
    return new TributaryError(
      'damaged',
      `${path} is damaged (${detail}); Tributary cannot open it. Use a backup copy if you have one.`,
    );
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code.startsWith('SQLITE_READONLY') || code.startsWith('SQLITE_PERM')) {
    return new TributaryError('not_found', `${path} cannot be opened for writing (${detail}).`);
  }
  return new TributaryError('internal', `${path}: ${detail}`);
}

/** The first of `tables`, in their order, that holds a row; null when none does. */
export function firstTableWithRows<T extends string>(db: Database.Database, tables: readonly T[]): T | null {
  for (const table of tables) {
    if (db.prepare(`SELECT 1 FROM ${table} LIMIT 1`).get() !== undefined) return table;
  }
  return null;
}

/** Whether the file has table `name`: false for a file of an older schema, read as it is. */
export function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/**
 * `run` in one transaction (a savepoint inside the caller's): everything it reads is of one commit, even while
 * another connection writes, and what it writes is committed together or not at all.
 */
export function inOneTransaction<T>(db: Database.Database, run: () => T): T {
  return db.transaction(run)();
}

/** The file's schema version (`user_version`): the last migration applied to it. */
export function readSchemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** SQLite's data_version: it moves whenever another connection commits, never for this connection's own writes. */
export function readDataVersion(db: Database.Database): number {
  return db.pragma('data_version', { simple: true }) as number;
}

/** The database file's size in bytes, as SQLite sees it (its pages times the page size). */
export function databaseBytes(db: Database.Database): number {
  return (db.pragma('page_count', { simple: true }) as number) * (db.pragma('page_size', { simple: true }) as number);
}

/**
 * `write` as one write transaction that may await between its statements, which better-sqlite3's transaction()
 * cannot. BEGIN IMMEDIATE takes the write lock up front, so no other writer slips in between. Committed when `write`
 * resolves with `commit: true`; rolled back when it resolves with false, and on any error (then rethrown).
 */
export async function asyncWriteTransaction<T>(
  db: Database.Database,
  write: () => Promise<{ commit: boolean; result: T }>,
): Promise<T> {
  // Outside the try: a BEGIN that fails (a transaction already open on this connection) must not roll that one back.
  db.exec('BEGIN IMMEDIATE');
  try {
    const { commit, result } = await write();
    db.exec(commit ? 'COMMIT' : 'ROLLBACK');
    return result;
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

/**
 * Page cache a writer of many rows gets for its run: each of its rows lands in the table and in every index on it,
 * and an index on a column whose values come in no order (a contact per touch) touches pages all over its B-tree.
 * With SQLite's default 2 MiB those pages are read back from the OS again and again; 64 MiB keeps them, measured at
 * 1.3 s off a million upserts into touchpoints (issue 16). A constant, so memory stays flat however large the file.
 */
const BULK_WRITE_CACHE_KIB = 64 * 1024;

/** Gives the connection the bulk writer's page cache; the returned function puts the previous size back. */
export function useBulkWriteCache(db: Database.Database): () => void {
  const previous = db.pragma('cache_size', { simple: true }) as number;
  db.pragma(`cache_size = ${-BULK_WRITE_CACHE_KIB}`);
  return () => {
    db.pragma(`cache_size = ${previous}`);
  };
}
