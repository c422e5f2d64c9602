import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/main/store/migrations';
import { checkProject, createProject, openProject, type StoreOptions } from '../../src/main/store/project';
import { sha256OfFile } from '../helpers/files';
import { runAndKill, type KillAt } from './children';
import { fingerprintOf, integrityOf, killMoments, seededRandom, type Fingerprint } from './state';

/** Issue 7.4: "the same for save-as and for a migration", so as many kills as the import gets. */
const KILLS = 50;
const ROWS = 100_000;
const CHILD = fileURLToPath(new URL('./store-child.mjs', import.meta.url));

let dir: string;
let big: string;

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

/**
 * Reads a project with a plain connection (SQLite replays a -wal's committed frames and drops the rest), checking
 * its integrity unless checkProject just did.
 */
function plainState(path: string, integrityChecked = false): Fingerprint {
  const db = new Database(path);
  try {
    if (!integrityChecked) expect(integrityOf(db)).toEqual(['ok']);
    return fingerprintOf(db);
  } finally {
    db.close();
  }
}

function removeProject(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(path + suffix, { force: true });
}

/** The main file was written: in WAL mode only a checkpoint does that, after the transaction committed. */
function mainFileWritten(path: string): () => boolean {
  const { size, mtimeMs } = statSync(path);
  return () => {
    const now = statSync(path);
    return now.size !== size || now.mtimeMs !== mtimeMs;
  };
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-crash-store-'));
  big = join(dir, 'big.sqlite');
  buildBigProject(big);
}, 60_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('save-as killed with SIGKILL', () => {
  it(
    `leaves no target or a complete one, and the source untouched (${KILLS} kills)`,
    { timeout: 180_000 },
    async () => {
      const source = join(dir, 'source.sqlite');
      copyFileSync(big, source);
      const sourceHash = sha256OfFile(source);
      const sourceState = plainState(source);
      expect(sha256OfFile(source)).toBe(sourceHash);

      const saves = join(dir, 'saves');
      mkdirSync(saves);
      const full = await runAndKill([CHILD, 'save-as', source, join(saves, 'full.sqlite')], process.env);
      expect(full.stderr).toBe('');
      expect(full.code).toBe(0);
      expect(plainState(join(saves, 'full.sqlite'))).toEqual(sourceState);

      const random = seededRandom(0x5a5e);
      const tally = { absent: 0, complete: 0, finished: 0, partialsLeft: 0 };
      // One target name for every run, as a user saving again after a crash would: each save clears what the
      // killed one before it left.
      const target = join(saves, 'copy.sqlite');
      for (const [run, delay] of killMoments(KILLS, full.ms, random, () => tally.absent + tally.complete)) {
        // Two kills in five wait for a moment too short for wall-clock delays to hit reliably: the copy being
        // written under its hidden name, and the target just renamed into place.
        const killAt: KillAt =
          run % 5 === 2
            ? { when: () => readdirSync(saves).some((name) => name.includes('.partial-')) }
            : run % 5 === 4
              ? { when: () => existsSync(target) }
              : { afterMs: delay };
        const end = await runAndKill([CHILD, 'save-as', source, target], process.env, killAt);
        const label = `run ${run}, ${'afterMs' in killAt ? `killed after ${Math.round(delay)} ms` : 'killed on a file event'}`;
        if (!end.killed) expect(end.code, `${label}: ${end.stderr}`).toBe(0);
        expect(sha256OfFile(source), label).toBe(sourceHash);
        if (!existsSync(target)) {
          expect(end.killed, label).toBe(true);
          tally.absent++;
        } else {
          expect(checkProject(target).problems, label).toEqual([]);
          expect(plainState(target, true), label).toEqual(sourceState);
          if (end.killed) tally.complete++;
          else tally.finished++;
        }
        removeProject(target);
      }
      const partials = (): string[] => readdirSync(saves).filter((name) => name.includes('.partial-'));
      tally.partialsLeft = partials().length;
      console.info(`save-as crash test: full run ${Math.round(full.ms)} ms; ${JSON.stringify(tally)}`);
      expect(plainState(source)).toEqual(sourceState);
      // A killed save leaves its half-made copy under a hidden name; the next save to that name removes it.
      const last = await runAndKill([CHILD, 'save-as', source, target], process.env);
      expect(last.code, last.stderr).toBe(0);
      expect(partials()).toEqual([]);
      expect(tally.absent).toBeGreaterThan(0);
      expect(tally.complete).toBeGreaterThan(0);
    },
  );
});

describe('a migration killed with SIGKILL', () => {
  it(`leaves the project at the old schema or the new one (${KILLS} kills)`, { timeout: 180_000 }, async () => {
    // The shipped migrations plus a test-only one shaped like a real table rebuild: a new column filled for every
    // row and a new index, so it runs long enough to be killed in the middle.
    const shipped = loadMigrations();
    const migrationsDir = join(dir, 'migrations');
    mkdirSync(migrationsDir);
    for (const migration of shipped) {
      writeFileSync(
        join(migrationsDir, `${String(migration.version).padStart(4, '0')}_${migration.name}.sql`),
        migration.sql,
      );
    }
    writeFileSync(
      join(migrationsDir, `${String(shipped.length + 1).padStart(4, '0')}_test_touch_weight.sql`),
      `ALTER TABLE touchpoints ADD COLUMN weight REAL;
       UPDATE touchpoints SET weight = length(campaign) * 1.5 + length(touchpoint_id);
       CREATE INDEX touchpoints_weight ON touchpoints (weight, campaign, touchpoint_id);`,
    );
    const upgraded: StoreOptions = { migrations: loadMigrations(migrationsDir) };

    const old = join(dir, 'old.sqlite');
    copyFileSync(big, old);
    const oldState = plainState(old);
    expect(oldState.schemaVersion).toBe(shipped.length);
    const reference = join(dir, 'migrated.sqlite');
    copyFileSync(big, reference);
    const full = await runAndKill([CHILD, 'migrate', reference, migrationsDir], process.env);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const newState = plainState(reference);
    expect(newState.schemaVersion).toBe(shipped.length + 1);

    const random = seededRandom(0x319a);
    const tally = { old: 0, new: 0, finished: 0, resumed: 0 };
    for (const [run, delay] of killMoments(KILLS, full.ms, random, () => tally.old + tally.new)) {
      const path = join(dir, `run-${run}.sqlite`);
      copyFileSync(big, path);
      // Every fifth kill waits for the checkpoint after the migration's commit (see the import crash test).
      const killAt: KillAt = run % 5 === 4 ? { when: mainFileWritten(path) } : { afterMs: delay };
      const end = await runAndKill([CHILD, 'migrate', path, migrationsDir], process.env, killAt);
      const label = `run ${run}, ${'afterMs' in killAt ? `killed after ${Math.round(delay)} ms` : 'killed in the checkpoint'}`;
      if (!end.killed) expect(end.code, `${label}: ${end.stderr}`).toBe(0);
      const check = checkProject(path, upgraded);
      expect(check.ok, `${label}: ${check.problems.join('; ')}`).toBe(true);
      const state = plainState(path, true);
      if (!end.killed) {
        expect(state, label).toEqual(newState);
        tally.finished++;
      } else if (state.schemaVersion === oldState.schemaVersion) {
        expect(state, label).toEqual(oldState);
        tally.old++;
      } else {
        expect(state, label).toEqual(newState);
        tally.new++;
      }
      // The next open finishes the upgrade from wherever the kill left it (checked for a few runs: it is slow).
      if (run % 5 === 0) {
        openProject(path, upgraded).close();
        expect(plainState(path), `${label}, reopened`).toEqual(newState);
        tally.resumed++;
      }
      removeProject(path);
    }
    console.info(`migration crash test: full run ${Math.round(full.ms)} ms; ${JSON.stringify(tally)}`);
    expect(tally.old).toBeGreaterThan(0);
    expect(tally.new).toBeGreaterThan(0);
  });
});
