import { copyFileSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCsv } from '../../src/main/import/run';
import { checkProject, createProject, openProject } from '../../src/main/store/project';
import { tributaryBin } from '../helpers/cli';
import { HANG_GUARD_MS, runAndKill } from './children';
import {
  fingerprintOf,
  integrityOf,
  killMoments,
  ranUnkilled,
  seededRandom,
  type Fingerprint,
  type KillSpan,
} from './state';

/** Issue 7.4: 50 SIGKILLs at spread moments of a large CLI import; each must leave the state before or after. */
const KILLS = 50;
const SEED = 0x7a11;
const ROWS = 60_000;
const SEED_ROWS = 2_000;

let dir: string;
let before: string;
let bigCsv: string;
let beforeState: Fingerprint;
let afterState: Fingerprint;
let fullRunMs: number;

const HEADER = 'touchpoint_id,contact_id,account_id,occurred_at,channel,campaign,source,medium\n';

function touchpointRows(from: number, to: number, channel: string): string {
  let text = '';
  for (let n = from; n < to; n++) {
    text += `TP-${n},CON-${n % 5000},ACC-${n % 700},2024-03-${String(1 + (n % 28)).padStart(2, '0')}T10:00:00Z,${channel},Q${1 + (n % 4)} campaign,google,cpc\n`;
  }
  return text;
}

/** Opens the project the way the app does (replaying or dropping what a killed writer left), and reads its state. */
function stateAfterCrash(path: string): Fingerprint {
  const check = checkProject(path);
  expect(check.problems).toEqual([]);
  const project = openProject(path);
  try {
    expect(integrityOf(project.db)).toEqual(['ok']);
    return fingerprintOf(project.db);
  } finally {
    project.close();
  }
}

function importArgs(project: string): string[] {
  return [tributaryBin(), 'import', project, 'touchpoints', bigCsv];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-crash-'));
  // The before state: an earlier import whose ids the large file partly updates, so a half-applied import would
  // show as changed rows, not only as extra ones.
  const seedCsv = join(dir, 'seed.csv');
  writeFileSync(seedCsv, HEADER + touchpointRows(0, SEED_ROWS, 'webinar'));
  before = join(dir, 'before.sqlite');
  const project = createProject(before, { name: 'before', currency: 'USD' });
  await importCsv(project.db, seedCsv, { kind: 'touchpoints' });
  project.close();
  bigCsv = join(dir, 'big.csv');
  writeFileSync(bigCsv, HEADER + touchpointRows(SEED_ROWS / 2, SEED_ROWS / 2 + ROWS, 'paid_search'));

  const reference = join(dir, 'reference.sqlite');
  copyFileSync(before, reference);
  beforeState = stateAfterCrash(reference);
  copyFileSync(before, reference);
  const full = await runAndKill(importArgs(reference), { ...process.env, TRIBUTARY_HOME: dir });
  expect(full.stderr).toBe('');
  expect(full.code).toBe(0);
  fullRunMs = full.ms;
  afterState = stateAfterCrash(reference);
  expect(afterState.counts.touchpoints).toBe(SEED_ROWS / 2 + ROWS);
}, HANG_GUARD_MS);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('a large import killed with SIGKILL', () => {
  it(
    `leaves the project as before or as after, never between (${KILLS} kills)`,
    { timeout: HANG_GUARD_MS },
    async () => {
      const random = seededRandom(SEED);
      const tally = { before: 0, after: 0, finished: 0 };
      const afterByCheckpointKill = { count: 0 };
      const span: KillSpan = { ms: fullRunMs };
      for (const [run, delay] of killMoments(KILLS, span, random, () => tally.before + tally.after)) {
        const path = join(dir, `run-${run}.sqlite`);
        copyFileSync(before, path);
        // Every fifth kill waits for the main file to grow: only the checkpoint after COMMIT writes to it (the
        // transaction itself goes to the -wal), a window too short for wall-clock delays to hit reliably.
        const sizeBefore = statSync(path).size;
        const inCheckpoint = run % 5 === 4;
        const killAt = inCheckpoint ? { when: () => statSync(path).size !== sizeBefore } : { afterMs: delay };
        const end = await runAndKill(importArgs(path), { ...process.env, TRIBUTARY_HOME: dir }, killAt);
        if (!end.killed) ranUnkilled(span, end.ms);
        if (!end.killed) expect(end.code, `run ${run}: ${end.stderr}`).toBe(0);
        const state = stateAfterCrash(path);
        const label = `run ${run}, killed ${inCheckpoint ? 'in the checkpoint' : `after ${Math.round(delay)} ms`}`;
        if (!end.killed) {
          expect(state, label).toEqual(afterState);
          tally.finished++;
        } else if (state.digest === beforeState.digest) {
          expect(state, label).toEqual(beforeState);
          tally.before++;
        } else {
          expect(state, label).toEqual(afterState);
          tally.after++;
          if (inCheckpoint) afterByCheckpointKill.count++;
        }
        for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
      }
      console.info(
        `import crash test: full run ${Math.round(fullRunMs)} ms; ${JSON.stringify(tally)}; after-state kills in the checkpoint: ${afterByCheckpointKill.count}`,
      );
      // Kills that all landed before the commit (or all after) would prove nothing about the other side.
      expect(tally.before).toBeGreaterThan(0);
      expect(tally.after).toBeGreaterThan(0);
    },
  );
});
