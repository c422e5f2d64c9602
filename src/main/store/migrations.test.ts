import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from './migrations';

describe('loadMigrations', () => {
  it('loads the shipped migrations in order with their hashes', () => {
    const migrations = loadMigrations();
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
    expect(migrations[0]?.name).toBe('init');
    expect(migrations[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a gap in the numbering', () => {
    const dir = mkdtempSync(join(tmpdir(), 'trib-mig-'));
    writeFileSync(join(dir, '0001_init.sql'), 'CREATE TABLE a (x INTEGER) STRICT;');
    writeFileSync(join(dir, '0003_later.sql'), 'CREATE TABLE b (x INTEGER) STRICT;');
    expect(() => loadMigrations(dir)).toThrow(/out of sequence/);
  });
});
