/**
 * The generated SQL in embedded DuckDB (issue 19). (1) From canonical CSV files at BENCH_DUCKDB_TOUCHES touches
 * (default 10M; target 60 s, and 50M within 5 min): every position model, linear, time decay and CAR, end to end in
 * one process (reading and checking the files included), against DuckDB merely reading the same files. (2) The same
 * script sharded by account over 2 DuckDB processes side by side, a local stand-in for a distributed engine: the
 * summed figures must equal the single run's. (3) The demo project at BENCH_DUCKDB_PROJECT_TOUCHES (default 1M):
 * `tributary attribute --engine duckdb --json` against the built-in engine's `attribute --json`, both the built CLI.
 * bench/run.ts also runs (1) alone at 50M (`BENCH_DUCKDB_SINGLE_ONLY=1`), where the tables go to a temporary file.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEmbeddedDuckDb } from '../../src/main/warehouse/duckdb/open';
import { writeBenchCsv } from '../duckdbData';
import { emit, peakRssMiB, time, timeAsync } from '../measure';

interface RunResult {
  seconds: number;
  onDisk: boolean;
  loadSeconds: number;
  touches: number;
  paths: number;
  peakRssMiB: number;
  totals: Record<string, number>;
}

const touches = Number(process.env['BENCH_DUCKDB_TOUCHES'] ?? 10_000_000);
/** `BENCH_DUCKDB_SINGLE_ONLY=1` measures (1) alone: how the 50M run of bench/run.ts is made. */
const singleOnly = process.env['BENCH_DUCKDB_SINGLE_ONLY'] === '1';
const projectTouches = Number(process.env['BENCH_DUCKDB_PROJECT_TOUCHES'] ?? 1_000_000);
const runScript = fileURLToPath(new URL('../duckdbRun.ts', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/tributary.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-duckdb-'));
const count = (n: number): string => n.toLocaleString('en-US');

function run(args: string[]): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', runScript, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(out) as RunResult) : reject(new Error(`exit ${code}`)),
    );
  });
}

/** The largest relative difference between the single run's figures and the shards' sums. */
function largestDifference(single: Record<string, number>, shards: Record<string, number>[]): number {
  let worst = 0;
  for (const [key, value] of Object.entries(single)) {
    const sum = shards.reduce((total, shard) => total + (shard[key] ?? 0), 0);
    worst = Math.max(worst, Math.abs(sum - value) / Math.max(Math.abs(value), 1));
  }
  return worst;
}

try {
  const csv = join(dir, 'csv');
  mkdirSync(csv);
  const db = await openEmbeddedDuckDb();
  try {
    await writeBenchCsv(db.connection, csv, touches);
  } finally {
    db.close();
  }
  const reader = await openEmbeddedDuckDb();
  const readOnly = await timeAsync(async () => {
    for (const kind of ['touchpoints', 'community_actions', 'opportunities', 'contacts']) {
      await reader.connection.run('SELECT count(*) FROM read_csv($1, header = true, all_varchar = true)', [
        join(csv, `${kind}.csv`),
      ]);
    }
  });
  reader.close();

  const single = await run([csv]);
  const detail = `${count(single.touches)} touches from CSV, ${count(single.paths)} distinct paths`;
  emit({
    name: `DuckDB: every position model and CAR from CSV files (target ${touches > 10_000_000 ? '5 min at 50M' : '60 s at 10M'})`,
    detail:
      `${detail}; process start to figures, ${single.loadSeconds.toFixed(1)} s of it reading and checking the files` +
      (single.onDisk ? '; tables in a temporary DuckDB file (the input is large for the memory)' : ''),
    seconds: single.seconds,
    baseline: 'DuckDB reading the same CSV files',
    baselineSeconds: readOnly.seconds,
    peakRssMiB: single.peakRssMiB,
  });

  if (!singleOnly) await compareShardsAndProject(csv, single, detail);
} finally {
  rmSync(dir, { recursive: true, force: true });
}

/** (2) and (3): the shards against the single run, and the demo project against the built-in engine. */
async function compareShardsAndProject(csv: string, single: RunResult, detail: string): Promise<void> {
  const sharded = await timeAsync(() => Promise.all([run([csv, '0', '2', '1']), run([csv, '1', '2', '1'])]));
  const worst = largestDifference(
    single.totals,
    sharded.result.map((shard) => shard.totals),
  );
  emit({
    name: 'DuckDB: the same, sharded by account over 2 processes',
    detail: `${detail}; each process reads every file and keeps its accounts; largest relative difference of the summed figures from one run: ${worst.toExponential(1)}`,
    seconds: sharded.seconds,
    baseline: 'one process',
    baselineSeconds: single.seconds,
    peakRssMiB: Math.max(...sharded.result.map((shard) => shard.peakRssMiB)),
  });
  if (worst > 1e-9) throw new Error(`the shards' figures differ from one run's by ${worst}`);

  const project = join(dir, 'demo.sqlite');
  const env = { ...process.env, TRIBUTARY_HOME: dir };
  execFileSync(process.execPath, [bin, 'demo', project, '--scale', String(projectTouches)], { env, stdio: 'ignore' });
  const cli = (args: string[]) =>
    time(() =>
      execFileSync(process.execPath, [bin, 'attribute', project, ...args, '--json'], {
        env,
        stdio: ['ignore', 'pipe', 'ignore'],
        // attribute --json prints several MiB at a million touches (every sourced deal, the roadmap's lists).
        maxBuffer: 2 ** 30,
      }),
    );
  const builtIn = cli([]);
  const duckdb = cli(['--engine', 'duckdb']);
  const same =
    (JSON.parse(String(builtIn.result)) as { attributed: number }).attributed ===
    (JSON.parse(String(duckdb.result)) as { attributed: number }).attributed;
  emit({
    name: `DuckDB vs built-in engine: attribute --json, the ${count(projectTouches)}-touch demo project`,
    detail: `full-path and CAR, the built CLI, end to end; attributed revenue ${same ? 'equal' : 'DIFFERENT'}`,
    seconds: duckdb.seconds,
    baseline: 'tributary attribute (built-in engine)',
    baselineSeconds: builtIn.seconds,
    peakRssMiB: peakRssMiB(),
  });
}
