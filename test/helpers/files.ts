import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';

/** A fresh temporary folder per call, removed after the test that made it. */
export function useTempDir(): () => string {
  const made: string[] = [];
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-test-'));
    made.push(dir);
    return dir;
  };
}

export function sha256OfFile(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/**
 * Overwrites the root page of `table` in the closed project at `path` with `byte`: its schema, ledger and metadata
 * still read, but quick_check finds the damage.
 */
export function damageRootPage(path: string, table: string, byte = 0xa5): void {
  // Read-write, so that closing it removes the -wal and -shm it made (a read-only connection leaves them).
  const raw = new Database(path);
  const root = raw.prepare('SELECT rootpage FROM sqlite_schema WHERE name = ?').pluck().get(table) as number;
  const pageSize = raw.pragma('page_size', { simple: true }) as number;
  raw.close();
  const bytes = readFileSync(path);
  bytes.fill(byte, (root - 1) * pageSize, root * pageSize);
  writeFileSync(path, bytes);
}
