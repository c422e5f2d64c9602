import type Database from 'better-sqlite3';

/**
 * Runs `write` with the secondary indexes of `tables` dropped, then builds them again from their own definitions,
 * in the caller's transaction: for a load into empty tables, where SQLite sorts each index once at the end instead
 * of inserting every row into every B-tree at a place all over it (issue 16: most of the demo generator's time).
 * Nothing else sees the tables without them: DDL is part of the transaction, and a rollback puts them back.
 */
export function withIndexesDeferred<T>(db: Database.Database, tables: readonly string[], write: () => T): T {
  if (!db.inTransaction) throw new Error('withIndexesDeferred must run inside a transaction');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  const result = write();
  for (const { sql } of indexes) db.exec(sql);
  return result;
}
