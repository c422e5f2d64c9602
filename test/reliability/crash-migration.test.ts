import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/main/store/migrations';
import { checkProject, openProject, type StoreOptions } from '../../src/main/store/project';
import { HANG_GUARD_MS, runAndKill, type KillAt } from './children';
import { killMoments, ranUnkilled, seededRandom, type KillSpan } from './state';
import { KILLS, mainFileWritten, plainState, removeProject, useStoreCrashSetup } from './storeCrash';

const setup = useStoreCrashSetup();

describe('a migration killed with SIGKILL', () => {
  it(`leaves the project at the old schema or the new one (${KILLS} kills)`, { timeout: HANG_GUARD_MS }, async () => {
    const { dir, big, child } = setup();
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
    const full = await runAndKill([child, 'migrate', reference, migrationsDir], process.env);
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const newState = plainState(reference);
    expect(newState.schemaVersion).toBe(shipped.length + 1);

    const random = seededRandom(0x319a);
    const tally = { old: 0, new: 0, finished: 0, resumed: 0 };
    const span: KillSpan = { ms: full.ms };
    for (const [run, delay] of killMoments(KILLS, span, random, () => tally.old + tally.new)) {
      const path = join(dir, `run-${run}.sqlite`);
      copyFileSync(big, path);
      // Every fifth kill waits for the checkpoint after the migration's commit (see the import crash test).
      const killAt: KillAt = run % 5 === 4 ? { when: mainFileWritten(path) } : { afterMs: delay };
      const end = await runAndKill([child, 'migrate', path, migrationsDir], process.env, killAt);
      if (!end.killed) ranUnkilled(span, end.ms);
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
