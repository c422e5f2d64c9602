/**
 * `npm run bench`: measures, never asserts. Each figure is compared with a baseline measured in the same run on the
 * same machine (these machines are noisy, so ratios travel better than seconds), and docs/benchmarks.md is
 * rewritten with the results.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemo } from '../src/main/demo/generate';
import { createProject } from '../src/main/store/project';
import { connect } from '../src/main/store/database';

interface Row {
  name: string;
  detail: string;
  seconds: number;
  baseline: string;
  baselineSeconds: number;
}

const DEMO_SCALE = Number(process.env['BENCH_SCALE'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-'));

function time<T>(work: () => T): { seconds: number; result: T } {
  const start = performance.now();
  const result = work();
  return { seconds: (performance.now() - start) / 1000, result };
}

/** The floor for any generator: the same number of rows, of the touchpoints' shape, in one prepared transaction. */
function rawInsertBaseline(rows: number): number {
  const db = connect(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE touchpoints (touchpoint_id TEXT PRIMARY KEY, contact_id TEXT, account_id TEXT,
    occurred_at INTEGER NOT NULL, channel TEXT NOT NULL, campaign TEXT, source TEXT, medium TEXT) STRICT`);
  const insert = db.prepare('INSERT INTO touchpoints VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const { seconds } = time(() =>
    db.transaction(() => {
      for (let i = 0; i < rows; i++) {
        insert.run(
          `TP-${String(i).padStart(8, '0')}`,
          `CON-${i % 50_000}`,
          null,
          1_700_000_000_000 + i,
          'email',
          'Q1',
          'x',
          'y',
        );
      }
    })(),
  );
  db.close();
  return seconds;
}

function demoBenchmark(): Row {
  const project = createProject(join(dir, 'demo.sqlite'), { name: 'Bench', currency: 'USD' });
  const { seconds, result } = time(() => generateDemo(project.db, { scale: DEMO_SCALE }));
  project.close();
  const rows = Object.values(result).reduce((sum, n) => sum + n, 0);
  const touches = result.touchpoints + result.communityActions;
  return {
    name: `demo generator, scale ${DEMO_SCALE.toLocaleString('en-US')}`,
    detail: `${touches.toLocaleString('en-US')} touches, ${rows.toLocaleString('en-US')} rows in all`,
    seconds,
    baseline: `${rows.toLocaleString('en-US')} plain inserts, one transaction`,
    baselineSeconds: rawInsertBaseline(rows),
  };
}

function report(rows: Row[], peakRssMiB: number): string {
  const lines = [
    '# Benchmarks',
    '',
    `Written by \`npm run bench\` on ${new Date().toISOString().slice(0, 10)}: Node ${process.version}, ` +
      `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB. Times are one run each; the ratio compares ` +
      'each with a baseline measured in the same run, which is what to compare across machines.',
    '',
    '| benchmark | what | seconds | baseline | baseline seconds | ratio |',
    '|---|---|---:|---|---:|---:|',
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.detail} | ${row.seconds.toFixed(2)} | ${row.baseline} | ` +
        `${row.baselineSeconds.toFixed(2)} | ${(row.seconds / row.baselineSeconds).toFixed(2)} |`,
    ),
    '',
    `Peak resident memory of the benchmark process: ${peakRssMiB.toFixed(0)} MiB.`,
    '',
    'Target (foundation issue): the demo generator reaches 1,000,000 touches in under a minute, since the engine',
    'benchmarks build their data with it. The baseline table has no secondary index, the project schema has',
    'several (by account, contact, email, domain), which accounts for much of the ratio.',
    '',
  ];
  return lines.join('\n');
}

try {
  const rows = [demoBenchmark()];
  const peakRssMiB = process.resourceUsage().maxRSS / 1024;
  const markdown = report(rows, peakRssMiB);
  writeFileSync(new URL('../docs/benchmarks.md', import.meta.url), markdown);
  process.stdout.write(markdown);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
