import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect } from 'vitest';
import { createProject } from '../../src/main/store/project';
import { bundleChild } from './bundleChild';
import { HANG_GUARD_MS } from './children';
import { fingerprintOf, integrityOf, type Fingerprint } from './state';

/** Issue 7.4: "the same for save-as and for a migration", so as many kills as the import gets. */
export const KILLS = 50;
const ROWS = 50_000;
const CHILD_SOURCE = fileURLToPath(new URL('./storeChild.ts', import.meta.url));

/** A project large enough that copying or rebuilding it takes a good fraction of a second. */
function buildBigProject(path: string): void {
  const project = createProject(path, { name: 'big', currency: 'USD' });
  project.db.exec(`BEGIN;
    INSERT INTO touchpoints (touchpoint_id, contact_id, account_id, occurred_at, channel, campaign, source, medium)
      SELECT 'TP-' || n, 'CON-' || (n % 5000), 'ACC-' || (n % 700), 1709287200000 + n * 1000, 'paid_search',
             'Q' || (n % 4) || ' campaign', 'google', 'cpc'
      FROM (WITH RECURSIVE c(n) AS (SELECT 0 UNION ALL SELECT n + 1 FROM c WHERE n < ${ROWS - 1}) SELECT n FROM c);
    COMMIT;`);
  project.close();
}

export interface StoreCrashSetup {
  /** This test file's own temp folder. */
  dir: string;
  /** The big project every run starts from. */
  big: string;
  /** The store operation the tests kill (storeChild.ts), bundled. */
  child: string;
}

/** Builds the big project and the bundled child once for a test file, and removes them after it. */
export function useStoreCrashSetup(): () => StoreCrashSetup {
  let setup: StoreCrashSetup | undefined;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tributary-crash-store-'));
    mkdirSync(join(dir, 'child'));
    const child = await bundleChild(CHILD_SOURCE, join(dir, 'child'));
    const big = join(dir, 'big.sqlite');
    buildBigProject(big);
    setup = { dir, big, child };
  }, HANG_GUARD_MS);
  afterAll(() => {
    if (setup) rmSync(setup.dir, { recursive: true, force: true });
  });
  return () => {
    if (!setup) throw new Error('the crash setup runs in beforeAll');
    return setup;
  };
}

/**
 * Reads a project with a plain connection (SQLite replays a -wal's committed frames and drops the rest), checking
 * its integrity unless checkProject just did.
 */
export function plainState(path: string, integrityChecked = false): Fingerprint {
  const db = new Database(path);
  try {
    if (!integrityChecked) expect(integrityOf(db)).toEqual(['ok']);
    return fingerprintOf(db);
  } finally {
    db.close();
  }
}

export function removeProject(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** The main file was written: in WAL mode only a checkpoint does that, after the transaction committed. */
export function mainFileWritten(path: string): () => boolean {
  const { size, mtimeMs } = statSync(path);
  return () => {
    const now = statSync(path);
    return now.size !== size || now.mtimeMs !== mtimeMs;
  };
}
