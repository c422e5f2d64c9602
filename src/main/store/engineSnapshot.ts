import type Database from 'better-sqlite3';
import { hasTable } from './database';
import { readDataRevision } from './dataRevision';

/** Absent from a project of schema version 2 or older, read as it is (a check, the CLI's read-only commands). */
const TABLE = 'engine_snapshot';

/**
 * Parts of at most 16 MiB: one row is read whole into memory, and SQLite refuses a value past 1e9 bytes. The engine's
 * compressed arrays are about 17 MB at a million touches.
 */
export const SNAPSHOT_PART_BYTES = 16 * 1024 * 1024;

/**
 * Replaces the project's engine snapshot (migration 0003) with `bytes`, made from the data of `revision`, in one
 * transaction; nothing is written when the data changed since (the revision is another one now). Returns whether it
 * was written. The snapshot table has no revision trigger: writing it never makes the data look changed.
 */
export function writeEngineSnapshot(db: Database.Database, revision: string, bytes: Uint8Array): boolean {
  const write = db.transaction(() => {
    if (!hasTable(db, TABLE) || readDataRevision(db) !== revision) return false;
    db.prepare('DELETE FROM engine_snapshot').run();
    const insert = db.prepare('INSERT INTO engine_snapshot (part, revision, bytes) VALUES (?, ?, ?)');
    const token = Buffer.from(revision, 'hex');
    for (let part = 0, at = 0; at < bytes.byteLength; part++, at += SNAPSHOT_PART_BYTES) {
      insert.run(part, token, bytes.subarray(at, at + SNAPSHOT_PART_BYTES));
    }
    return true;
  });
  return write.immediate();
}

/**
 * writeEngineSnapshot, waiting at most `waitMs` for the write lock rather than the connection's usual wait: false
 * when the file stayed busy. The connection's wait is put back afterwards.
 */
export function writeEngineSnapshotUnlessBusy(
  db: Database.Database,
  revision: string,
  bytes: Uint8Array,
  waitMs: number,
): boolean {
  const wait = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma(`busy_timeout = ${waitMs}`);
  try {
    return writeEngineSnapshot(db, revision, bytes);
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) return false;
    throw error;
  } finally {
    db.pragma(`busy_timeout = ${wait}`);
  }
}

/** Drops the snapshot (an anonymised copy must not keep the original names in it). */
export function clearEngineSnapshot(db: Database.Database): void {
  db.prepare('DELETE FROM engine_snapshot').run();
}

/**
 * The snapshot's bytes when every part is of `revision`, the parts run 0, 1, 2... with none missing, and together
 * they are at most `maxBytes`; else null (none, stale, or not whole). Sizes are read before any part, so a planted
 * huge value is never loaded. Run it in the same read transaction as the read of `revision`.
 */
export function readEngineSnapshot(db: Database.Database, revision: string, maxBytes: number): Buffer | null {
  if (!hasTable(db, TABLE)) return null;
  const parts = db
    .prepare('SELECT part, hex(revision) AS revision, length(bytes) AS bytes FROM engine_snapshot ORDER BY part')
    .all() as { part: number; revision: string; bytes: number }[];
  if (parts.length === 0) return null;
  let total = 0;
  for (const [index, part] of parts.entries()) {
    if (part.part !== index || part.revision !== revision || part.bytes > SNAPSHOT_PART_BYTES) return null;
    total += part.bytes;
  }
  if (total > maxBytes) return null;
  const rows = db.prepare('SELECT bytes FROM engine_snapshot ORDER BY part').pluck().all() as Uint8Array[];
  return Buffer.concat(rows, total);
}
