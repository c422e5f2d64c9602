/**
 * Issue 16, many small journeys: `tributary attribute <project> --json` with the built CLI (out/main/cli.js, run
 * `npm run build` first) on a project of one-account journeys (bench/smallJourneys.ts: one won or lost deal and about
 * five touches each), whose engine snapshot the file keeps, for each model the issue names. The baseline is the
 * full-path credit per channel in SQL window functions over the same project (bench/sqlBaseline.ts), as for the
 * engine rows. Median of 3 runs each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openProject } from '../../src/main/store/project';
import { emit, peakRssMiB, time } from '../measure';
import { fullPathByChannelSql } from '../sqlBaseline';
import { writeSmallJourneysProject } from '../smallJourneys';

const RUNS = 3;
const MODELS = ['full-path', 'markov', 'shapley', 'linear', 'time-decay'] as const;
const opportunities = Number(process.env['BENCH_SMALL_JOURNEYS'] ?? 200_000);
const bin = fileURLToPath(new URL('../../bin/tributary.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-small-'));

function medianSeconds(args: string[]): number {
  const env = { ...process.env, TRIBUTARY_HOME: dir };
  const runs = Array.from(
    { length: RUNS },
    () => time(() => execFileSync(process.execPath, [bin, ...args], { env, maxBuffer: 1 << 30 })).seconds,
  );
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

try {
  const path = join(dir, 'small.sqlite');
  const stats = writeSmallJourneysProject(path, opportunities);
  const project = openProject(path);
  const sql = time(() => fullPathByChannelSql(project.db));
  project.close();
  const touches = stats.touchpoints + stats.communityActions;
  const detail =
    `${opportunities.toLocaleString('en-US')} one-account journeys, ${touches.toLocaleString('en-US')} touches, ` +
    `the built CLI reading the file's snapshot, median of ${RUNS} runs`;
  for (const model of MODELS) {
    emit({
      name: `CLI: attribute --json, many small journeys, ${model} (target 5 s at 1M)`,
      detail,
      seconds: medianSeconds(['attribute', path, '--model', model, '--json']),
      baseline: 'full path in SQL window functions',
      baselineSeconds: sql.seconds,
      peakRssMiB: peakRssMiB(),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
