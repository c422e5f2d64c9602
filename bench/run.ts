/**
 * `npm run bench`: measures, never asserts. Each case runs in its own process (so its peak memory is its own) and
 * is compared with a baseline measured in the same run on the same machine: these machines are noisy, so ratios
 * travel better than seconds. docs/benchmarks.md is rewritten with the results.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { CaseResult } from './measure';

/** The import runs at two sizes so the table shows whether its memory stays flat as files grow. */
const CASES: { script: string; env?: Record<string, string> }[] = [
  { script: 'cli' },
  { script: 'demo' },
  { script: 'import', env: { BENCH_IMPORT_MB: '100' } },
  { script: 'import', env: { BENCH_IMPORT_MB: '300' } },
  { script: 'engine' },
  { script: 'smallJourneys' },
  { script: 'robustness' },
  { script: 'studio' },
  { script: 'duckdb' },
  { script: 'duckdb', env: { BENCH_DUCKDB_TOUCHES: '50000000', BENCH_DUCKDB_SINGLE_ONLY: '1' } },
];

function runCase({ script, env }: (typeof CASES)[number]): CaseResult[] {
  const path = fileURLToPath(new URL(`./cases/${script}.ts`, import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', path], {
    encoding: 'utf8',
    stdio: 'pipe',
    env: { ...process.env, ...env },
  });
  return out
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CaseResult);
}

function duration(seconds: number): string {
  return seconds < 1 ? `${(seconds * 1000).toFixed(1)} ms` : `${seconds.toFixed(2)} s`;
}

function report(results: CaseResult[]): string {
  return [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ` +
      `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. One run each; the ratio compares each ` +
      'figure with a baseline measured in the same run, which is what to compare across machines.',
    '',
    '| benchmark | what | time | baseline | baseline time | ratio | peak RSS |',
    '|---|---|---:|---|---:|---:|---:|',
    ...results.map(
      (r) =>
        `| ${r.name} | ${r.detail} | ${duration(r.seconds)} | ${r.baseline} | ${duration(r.baselineSeconds)} | ` +
        `${(r.seconds / r.baselineSeconds).toPrecision(3)} | ${r.peakRssMiB.toFixed(0)} MiB |`,
    ),
    '',
    "- CLI: a command's start-up, from spawning Node to its exit, on an empty project; the CLI is the bundle",
    '  `npm run build` writes. The baseline is Node itself starting with nothing to do. Peak RSS is the harness.',
    '- Demo generator: the target is 1,000,000 touches in under a minute, since the engine benchmarks build their',
    '  data with it. The baseline table has no secondary index; the project schema has several.',
    '- Import: the file is streamed, so peak memory stays flat as the file grows (100 and 300 MiB above). The',
    "  first ratio is the cost of conversion, upsert by id, the duplicate check and the project's indexes over parsing",
    '  alone; the second (issue 16) compares the same import with papaparse plus plain inserts of the same rows into',
    '  an unindexed table in one transaction, measured in the same run: target at most 1.0, never above 1.5.',
    '- Engine: built from the 1M-touch demo. The baseline for every engine row is the full-path credit per channel',
    '  computed with SQL window functions over the same project (bench/sqlBaseline.ts; a test checks both agree).',
    '  Recomputes reuse the journeys and are the best of three runs. Targets: position models under 100 ms,',
    '  Markov order 1 under 500 ms, peak RSS under 1 GB. The Shapley rows time the values alone, from paths already',
    "  built, at the demo's 24 channels and at 60 (each touch takes one of 2 or 3 variants of its channel, by its",
    '  index, in the bench only): target under 20 ms at 24, exact at both.',
    "  A position model's recompute reads the presence-pattern sums its first run built (docs/methodology.md), so it",
    '  is near 0: "first position-model run over new journeys" and "weight change to every aggregate" give the cost',
    '  of building them and of a weight change giving every view (attribution, breakdowns, both Sankeys, CAR);',
    '  target under 2 ms.',
    '- Many small journeys (issue 16): `tributary attribute --json` with the built CLI on a project of one-account',
    '  journeys, one won or lost deal and about five touches each (bench/smallJourneys.ts), whose snapshot the file',
    '  keeps; peak RSS is the harness. Target: under 5 s at a million deals (4.9M touches, a 1.3 GB file), measured',
    '  by hand on this machine with `npx tsx bench/smallJourneys.ts` then the CLI, median of 3: full-path 2.5 s,',
    '  markov 2.6 s, shapley 3.2 s, linear 2.6 s, time-decay 2.7 s, peak RSS 0.65 GB (before issue 16: 36 s and',
    '  39 s for full-path and markov, 2.7 GB, when the snapshot of such a project failed its checksum and every table',
    '  was read after a whole-file quick_check).',
    '- DuckDB (issue 19, docs/warehouse.md): the generated SQL in embedded DuckDB. From canonical CSV files written',
    '  by bench/duckdbData.ts (10M touches by default, BENCH_DUCKDB_TOUCHES; target 60 s, and 50M within 5 min):',
    '  every position model, linear, time decay, CAR and the path summary, from process start to figures, against',
    '  DuckDB only reading the files. Sharded: the same over 2 processes by hash(account_id), each reading every file',
    '  and keeping its accounts; the summed figures are checked equal to the single run. Then the 1M-touch demo:',
    '  `attribute --engine duckdb --json` against the built-in engine, both the built CLI (the ratio is the figure).',
    '  Last, the single run again at 50M touches (2.9 GB of CSV: in memory on 24 GB; past an eighth of the memory',
    '  DuckDB keeps its tables in a temporary file, docs/warehouse.md, Memory).',
    '- Studio: browser mode on the 1M-touch demo in Debian Chromium at 1280x800, timed inside the page from the',
    '  input event to the DOM showing the new results (cards current, then the Sankey redrawn); the project is',
    "  opened from the start screen's recent list on the Overview, timed to its answer (CAR cards, top channels and",
    "  small Sankey drawn), then the Model tab. The project keeps the engine's arrays",
    "  (its snapshot, as the CLI's demo and import and the app write it), read beside the open's quick_check;",
    '  nothing else carries over between opens (closing ends the engine worker), so this is also what a colleague',
    '  sees on a first open of the file. A file without a snapshot (an older build made it) reads every table',
    "  instead. Targets: the Overview's answer and the first dashboard within 2 s, a weight move within 150 ms. The",
    "  baseline is the engine's share of a move (model:run in-process); peak RSS is the server's.",
    '- Robustness (issue 18, spec 13): on the 1M-touch demo, weight sensitivity over the ±10 neighbourhood (2.5-point',
    '  grid) and the whole simplex (5-point grid) with their vertices and the presets, from the presence-pattern',
    '  sums; the spread over the twelve built-in models; 200 bootstrap resamples of full path, and 20 of Markov',
    '  order 1, which learns its weights again in each resample. Targets: 1 s, 2 s and 60 s for 200 resamples. The',
    '  baseline is one full-path run over the same journeys.',
    '',
  ].join('\n');
}

// `BENCH_CASES=engine,studio npm run bench` runs some cases only (the report then lists only those).
const only = process.env['BENCH_CASES']?.split(',');
const results = CASES.filter((benchCase) => !only || only.includes(benchCase.script)).flatMap((benchCase) => {
  process.stderr.write(`bench: ${benchCase.script} ${JSON.stringify(benchCase.env ?? {})}…\n`);
  return runCase(benchCase);
});
const markdown = report(results);
writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), markdown);
process.stdout.write(markdown);
