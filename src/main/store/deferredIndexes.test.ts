import { describe, expect, it } from 'vitest';
import { connect, inOneTransaction } from './database';
import { withIndexesDeferred } from './deferredIndexes';

const indexes = (db: ReturnType<typeof connect>): unknown[] =>
  db.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();

describe('withIndexesDeferred', () => {
  it('drops the named tables’ indexes for the write and builds the same ones after, leaving others alone', () => {
    const db = connect(':memory:');
    db.exec(`CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT, b INTEGER);
      CREATE INDEX t_a ON t (a); CREATE INDEX t_ab ON t (a, b DESC);
      CREATE TABLE u (x TEXT); CREATE INDEX u_x ON u (x);`);
    const before = indexes(db);
    const during = inOneTransaction(db, () =>
      withIndexesDeferred(db, ['t'], () => {
        db.prepare('INSERT INTO t VALUES (?, ?, ?)').run('1', 'z', 2);
        return db.prepare("SELECT name FROM sqlite_schema WHERE type = 'index' ORDER BY name").pluck().all();
      }),
    );
    // The primary key's own index stays: it is part of the table.
    expect(during).toEqual(['sqlite_autoindex_t_1', 'u_x']);
    expect(indexes(db)).toEqual(before);
    expect(db.prepare("SELECT a FROM t INDEXED BY t_a WHERE a = 'z'").pluck().all()).toEqual(['z']);
    db.close();
  });

  it('puts the indexes back when the write fails and the transaction rolls back', () => {
    const db = connect(':memory:');
    db.exec('CREATE TABLE t (id TEXT PRIMARY KEY, a TEXT); CREATE INDEX t_a ON t (a);');
    const before = indexes(db);
    expect(() =>
      inOneTransaction(db, () =>
        withIndexesDeferred(db, ['t'], () => {
          throw new Error('stopped');
        }),
      ),
    ).toThrow('stopped');
    expect(indexes(db)).toEqual(before);
    db.close();
  });
});
