import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { connect } from './database';
import { loadMigrations, migrate, type Migration } from './migrations';

const tempDir = useTempDir();

describe('loadMigrations', () => {
  it('loads the shipped migrations in order with their hashes', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.name).toBe('init');
    expect(migrations[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a gap in the numbering', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '0001_init.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(join(dir, '0003_later.sql'), 'CREATE TABLE b (x INTEGER) STRICT;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });
});

/** The shipped migrations as files in a folder of their own, with the first one's file name and text changed. */
function shippedWithFirst(file: string, sql: (shipped: string) => string): Migration[] {
  const dir = tempDir();
  for (const migration of loadMigrations()) {
    const name = migration.version === 1 ? file : `${String(migration.version).padStart(4, '0')}_${migration.name}.sql`;
    writeFileSync(join(dir, name), migration.version === 1 ? sql(migration.sql) : migration.sql);
  }
  return loadMigrations(dir);
}

describe('migrate', () => {
  // Opening a project checks its ledger before migrate runs (inspect.ts), so only a direct call shows that migrate
  // refuses on its own, as it must for every caller.
  it.each([
    ['edited after it shipped', '0001_init.sql', (sql: string) => `${sql}\n-- one more line\n`],
    ['renamed', '0001_start.sql', (sql: string) => sql],
  ])('refuses a file migrated with a first migration %s, and applies none of the later ones', (_, file, sql) => {
    const shipped = loadMigrations();
    const db = connect(':memory:');
    migrate(db, 'p.sqlite', shippedWithFirst(file, sql).slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);

    expect(() => migrate(db, 'p.sqlite', shipped)).toThrow(
      expect.objectContaining({
        code: 'damaged',
        message: expect.stringMatching(
          /^p\.sqlite was migrated with a different migration 0001_\w+ than this Tributary ships \(hash mismatch\)/,
        ),
      }),
    );
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare('SELECT version FROM schema_migrations').pluck().all()).toEqual([1]);
    db.close();
  });

  it('applies the missing migrations to a file migrated with the shipped ones', () => {
    const shipped = loadMigrations();
    const db = connect(':memory:');
    migrate(db, 'p.sqlite', shipped.slice(0, 1));
    expect(migrate(db, 'p.sqlite', shipped)).toBe(shipped.length);
    expect(db.prepare('SELECT version, sha256 FROM schema_migrations ORDER BY version').all()).toEqual(
      shipped.map((m) => ({ version: m.version, sha256: m.sha256 })),
    );
    db.close();
  });
});
