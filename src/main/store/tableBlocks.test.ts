import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadMigrations, migrate } from './migrations';
import { tableBlocks } from './tableBlocks';

describe('tableBlocks', () => {
  it('reads every row once, in rowid order, across blocks and gaps in the rowids', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', loadMigrations());
    const insert = db.prepare('INSERT INTO features (rowid, feature_id, shipped_at) VALUES (?, ?, ?)');
    // Rowids out of insertion order, with gaps and a negative one; more rows than one block holds.
    const rowids = Array.from({ length: 5000 }, (_, i) => (i % 2 ? 3 * i : 1 - i)).reverse();
    for (const rowid of rowids) insert.run(rowid, `f${rowid}`, rowid % 3 ? rowid : null);

    const read = [...tableBlocks<[string, number | null, number]>(db, 'features', ['feature_id', 'shipped_at'])].flat();
    const sorted = [...rowids].sort((a, b) => a - b);
    expect(read.map((row) => row[2])).toEqual(sorted);
    expect(read.map(([id, shippedAt]) => [id, shippedAt])).toEqual(sorted.map((r) => [`f${r}`, r % 3 ? r : null]));
  });

  it('reads an empty table as no blocks', () => {
    const db = new Database(':memory:');
    migrate(db, ':memory:', loadMigrations());
    expect([...tableBlocks(db, 'touchpoints', ['touchpoint_id'])]).toEqual([]);
  });
});
