import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { asyncWriteTransaction } from './database';

describe('asyncWriteTransaction', () => {
  it('commits what the write did, and rolls back when it throws', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER)');
    await asyncWriteTransaction(db, async () => {
      db.exec('INSERT INTO t VALUES (1)');
      return { commit: true, result: null };
    });
    await expect(
      asyncWriteTransaction(db, async () => {
        db.exec('INSERT INTO t VALUES (2)');
        throw new Error('write failed');
      }),
    ).rejects.toThrow('write failed');
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([1]);
    expect(db.inTransaction).toBe(false);
  });

  it('leaves a transaction already open on the connection alone when it cannot begin its own', async () => {
    const db = new Database(':memory:');
    db.exec('CREATE TABLE t (x INTEGER)');
    db.exec('BEGIN');
    db.exec('INSERT INTO t VALUES (1)');
    await expect(asyncWriteTransaction(db, async () => ({ commit: true, result: null }))).rejects.toThrow(
      /within a transaction/,
    );
    expect(db.inTransaction).toBe(true);
    db.exec('COMMIT');
    expect(db.prepare('SELECT x FROM t').pluck().all()).toEqual([1]);
  });
});
