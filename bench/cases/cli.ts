/**
 * How long a `tributary` command takes before it does any work: the built CLI (out/main/cli.js, run `npm run build`
 * first) on an empty project, against Node starting and exiting with nothing to do. Median of 11 runs each.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createProject } from '../../src/main/store/project';
import { emit, peakRssMiB, time } from '../measure';

const RUNS = 11;
const bin = fileURLToPath(new URL('../../bin/tributary.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-cli-'));

function medianSeconds(args: string[]): number {
  const env = { ...process.env, TRIBUTARY_HOME: dir };
  const runs = Array.from({ length: RUNS }, () => time(() => execFileSync(process.execPath, args, { env })).seconds);
  return runs.sort((a, b) => a - b)[Math.floor(RUNS / 2)] as number;
}

try {
  const project = join(dir, 'empty.sqlite');
  createProject(project, { name: 'Bench', currency: 'USD' }).close();
  const baseline = medianSeconds(['-e', '0']);
  for (const [name, args] of [
    ['CLI: tributary --version', ['--version']],
    ['CLI: tributary check, empty project (target 300 ms)', ['check', project]],
  ] as const) {
    emit({
      name,
      detail: `the built CLI, median of ${RUNS} runs`,
      seconds: medianSeconds([bin, ...args]),
      baseline: 'node -e 0',
      baselineSeconds: baseline,
      peakRssMiB: peakRssMiB(),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
