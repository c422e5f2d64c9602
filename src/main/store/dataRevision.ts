import type Database from 'better-sqlite3';

/**
 * The project's data revision (migration 0002) in hex: a random token that triggers draw afresh with every change to
 * a table the engine reads, so equal tokens mean equal engine data. Null for a file without one, which is then never
 * cached. Its length is checked in SQL, so a planted huge value is never read into memory.
 */
export function readDataRevision(db: Database.Database): string | null {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'data_revision'").get();
  if (!hasTable) return null;
  const token = db.prepare('SELECT hex(token) FROM data_revision WHERE id = 1 AND length(token) = 16').pluck().get() as
    string | undefined;
  return token ?? null;
}

/**
 * Lifts the revision triggers for the rest of the caller's transaction, for a writer of many rows (an import, the
 * demo, identity resolution, the anonymiser): any trigger on a table doubles the cost of SQLite's upsert, measured
 * at 6 us a row. The returned function draws a new token once and puts the triggers back exactly as they were; call
 * it before committing. A rollback puts them back too: DDL is part of the transaction, and no other connection ever
 * sees the project without them.
 */
export function suspendRevisionTriggers(db: Database.Database): () => void {
  if (!db.inTransaction) throw new Error('suspendRevisionTriggers must run inside a transaction');
  const triggers = db
    .prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_revision_*' ORDER BY rowid")
    .all() as { name: string; sql: string }[];
  for (const { name } of triggers) db.exec(`DROP TRIGGER "${name}"`);
  let restored = false;
  return () => {
    if (restored) return;
    restored = true;
    if (triggers.length > 0) db.exec('UPDATE data_revision SET token = randomblob(16)');
    for (const { sql } of triggers) db.exec(sql);
  };
}
