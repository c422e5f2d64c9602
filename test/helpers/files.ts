import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { readDataRevision } from '../../src/main/store/dataRevision';

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

/** Runs `sql` on the closed project at `path` over a connection of the test's own, as another program would. */
export function execAsAnotherProgram(path: string, sql: string): void {
  const db = new Database(path);
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

/**
 * `read` over a connection of the test's own to the project at `path`, as another program would open it. Not
 * read-only: a read-only connection that closes last leaves the -wal and -shm files behind.
 */
function readProject<T>(path: string, read: (db: Database.Database) => T): T {
  const db = new Database(path);
  try {
    db.pragma('query_only = ON');
    return read(db);
  } finally {
    db.close();
  }
}

/** The rows `sql` selects from the project at `path`, read as another program would. */
export function queryProject(path: string, sql: string): unknown[] {
  return readProject(path, (db) => db.prepare(sql).all());
}

/** Whether the project at `path` keeps an engine snapshot of its current data (engine/arrays/projectSnapshot.ts). */
export function keepsSnapshot(path: string): boolean {
  return readProject(path, (db) => {
    const revision = readDataRevision(db);
    const parts = db.prepare('SELECT hex(revision) FROM engine_snapshot').pluck().all();
    return parts.length > 0 && parts.every((part) => part === revision);
  });
}

/** Whether the snapshot is the zeros another program wrote over it. */
export function hasZeroSnapshot(path: string): boolean {
  return readProject(
    path,
    (db) =>
      db.prepare('SELECT count(*) FROM engine_snapshot WHERE bytes = zeroblob(length(bytes))').pluck().get() !== 0,
  );
}
