import type Database from 'better-sqlite3';
import { hasTable } from './database';

/**
 * The project's data revision (migration 0002) in hex: a random token that triggers draw afresh with every change to
 * a table the engine reads, so equal tokens mean equal engine data. Null for a file without one, which is then never
 * cached. Its length is checked in SQL, so a planted huge value is never read into memory.
 */
export function readDataRevision(db: Database.Database): string | null {
  if (!hasTable(db, 'data_revision')) return null;
  const token = db.prepare('SELECT hex(token) FROM data_revision WHERE id = 1 AND length(token) = 16').pluck().get() as
    string | undefined;
  return token ?? null;
}

/** The statement every revision trigger runs (migration 0002): what tells them from any other trigger. */
const REDRAW = 'UPDATE data_revision SET token = randomblob(16)';

/**
 * Lifts the revision triggers for the rest of the caller's transaction, for a writer of many rows (an import, the
 * demo, identity resolution, the anonymiser): any trigger on a table doubles the cost of SQLite's upsert, measured
 * at 6 us a row. The returned function draws a new token once and puts the triggers back exactly as they were; call
 * it before committing, in the same transaction. A rollback puts them back too: DDL is part of the transaction, and
 * no other connection ever sees the project without them. Writers that do not await use
 * withRevisionTriggersSuspended, which cannot forget the restore.
 */
export function suspendRevisionTriggers(db: Database.Database): () => void {
  if (!db.inTransaction) throw new Error('suspendRevisionTriggers must run inside a transaction');
  const triggers = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'trigger' AND name GLOB '*_revision_*' AND instr(sql, ?) > 0 ORDER BY rowid`,
    )
    .all(REDRAW) as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name.replace(/"/g, '""')}"`);
  let restored = false;
  return () => {
    if (restored) return;
    // After a rollback the triggers are back already; recreating them would fail, or autocommit a new token.
    if (!db.inTransaction) throw new Error('the revision triggers must be restored before the transaction ends');
    if (triggers.length > 0) db.exec(REDRAW);
    for (const { sql } of triggers) db.exec(sql);
    restored = true;
  };
}

/** `write` inside the caller's transaction with the revision triggers lifted (see suspendRevisionTriggers). */
export function withRevisionTriggersSuspended<T>(db: Database.Database, write: () => T): T {
  const restore = suspendRevisionTriggers(db);
  const result = write();
  restore();
  return result;
}

/**
 * The tables whose every change draws a new revision (their triggers run REDRAW): the data the engine reads, which the
 * engine snapshot of a revision stands for. Read once the schema is known to be Tributary's.
 */
export function revisionTables(db: Database.Database): string[] {
  return db
    .prepare(
      `SELECT DISTINCT tbl_name FROM sqlite_schema
       WHERE type = 'trigger' AND name GLOB '*_revision_*' AND instr(sql, ?) > 0 ORDER BY tbl_name`,
    )
    .pluck()
    .all(REDRAW) as string[];
}
