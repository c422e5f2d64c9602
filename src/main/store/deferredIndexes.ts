import type Database from 'better-sqlite3';

/**
 * Drops the secondary indexes of `tables` inside the caller's transaction; the returned function builds them again
 * from their own definitions, in the same transaction. For a load into empty tables, where SQLite then sorts each
 * index once at the end instead of inserting every row into every B-tree at a place all over it (issue 16: most of
 * the demo generator's time, a tenth of a first import's). Nothing else sees the tables without them: DDL is part
 * of the transaction, and a rollback puts them back. Writers that do not await use withIndexesDeferred.
 */
export function deferIndexes(db: Database.Database, tables: readonly string[]): () => void {
  if (!db.inTransaction) throw new Error('deferIndexes must run inside a transaction');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_schema
       WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (SELECT value FROM json_each(?)) ORDER BY rowid`,
    )
    .all(JSON.stringify(tables)) as { name: string; sql: string }[];
  for (const { name } of indexes) db.exec(`DROP INDEX "${name.replace(/"/g, '""')}"`);
  let rebuilt = false;
  return () => {
    if (rebuilt) return;
    // After a rollback the indexes are back already; building them again would fail.
    if (!db.inTransaction) throw new Error('deferred indexes must be rebuilt before the transaction ends');
    for (const { sql } of indexes) db.exec(sql);
    rebuilt = true;
  };
}

/** `write` inside the caller's transaction with the secondary indexes of `tables` built after it (deferIndexes). */
export function withIndexesDeferred<T>(db: Database.Database, tables: readonly string[], write: () => T): T {
  const rebuild = deferIndexes(db, tables);
  const result = write();
  rebuild();
  return result;
}
