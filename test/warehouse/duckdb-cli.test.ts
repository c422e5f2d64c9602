import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TWO_DEALS } from '../engine/arbitraries';
import { writeProjectFile } from '../engine/build';
import { useTempDir } from '../helpers/files';
import { exportCanonicalFolder, expectSameRun, tributary } from './duckdbFigures';

const tempDir = useTempDir();

/** Every model, and the journey, CAR and scope options the SQL path implements. */
const RUNS: string[][] = [
  [],
  ['--model', 'first-touch'],
  ['--model', 'lead-creation'],
  ['--model', 'w-shaped', '--upgrade-policy', 'account-lifetime'],
  ['--model', 'custom', '--weights', 'FT=10,LC=0,OC=30,CW=50,MID=10'],
  ['--model', 'linear', '--lookback-days', '30'],
  ['--model', 'time-decay', '--half-life-days', '3'],
  ['--model', 'markov'],
  ['--model', 'markov', '--markov-order', '2'],
  ['--model', 'shapley'],
  ['--model', 'j-shaped', '--from', '2024-03-01', '--to', '2024-09-30', '--referral-window-days', '30'],
  ['--model', 'u-shaped', '--type', 'upgrade', '--type', 'new_business'],
];

/** Each case runs the CLI twice, a few seconds on a busy machine. */
const TIMEOUT = 60_000;

describe('tributary attribute --engine duckdb equals the built-in engine', () => {
  // Made in beforeAll, not while collecting: a run that skips every test here then makes nothing to leave behind.
  let dir = '';
  const at = (name: string) => (): string => join(dir, name);
  const [two, demo, csv, parquet] = ['two.sqlite', 'demo.sqlite', 'csv', 'parquet'].map(at) as [
    () => string,
    () => string,
    () => string,
    () => string,
  ];
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tributary-duckdb-cli-'));
    writeProjectFile(two(), { name: 'Two', currency: 'USD' }, TWO_DEALS);
    expect((await tributary(['demo', demo(), '--scale', '3000', '--seed', '5'], dir)).code).toBe(0);
    mkdirSync(csv());
    mkdirSync(parquet());
    await exportCanonicalFolder(demo(), csv(), 'csv');
    await exportCanonicalFolder(demo(), parquet(), 'parquet');
  }, TIMEOUT);
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // The two-deal project checks the hand-computed figures through the CLI; the options are covered on the demo.
  const TWO_DEAL_RUNS = RUNS.filter(
    ([, model]) => model === undefined || ['markov', 'shapley', 'time-decay'].includes(model),
  );
  it.each(TWO_DEAL_RUNS.map((args) => [args.join(' ') || 'full-path', args]))(
    'on the hand-computed two-deal project: %s',
    async (_, args) => expectSameRun(two(), two(), args, tempDir()),
    TIMEOUT,
  );

  // On the demo, the options that change what the SQL builds (journeys, positions, scope, learned weights); the
  // in-process suites (sql-fixtures, duckdb-random) cover every model's figures.
  const DEMO_RUNS = RUNS.filter(([, model]) =>
    [undefined, 'w-shaped', 'linear', 'markov', 'shapley', 'j-shaped', 'u-shaped'].includes(model),
  );
  it.each(DEMO_RUNS.map((args) => [args.join(' ') || 'full-path', args]))(
    'on the demo project file: %s',
    async (_, args) => expectSameRun(demo(), demo(), args, tempDir()),
    TIMEOUT,
  );

  it.each([[[]], [['--model', 'markov']], [['--model', 'time-decay', '--segment', 'Enterprise']]])(
    'on a folder of CSV files and one of Parquet files exported from the demo: %j',
    async (args) => {
      await expectSameRun(demo(), csv(), args, tempDir());
      await expectSameRun(demo(), parquet(), args, tempDir());
    },
    TIMEOUT,
  );
});

describe('tributary attribute --engine duckdb, refusing', () => {
  it(
    'refuses what the SQL path does not implement, naming the built-in engine',
    async () => {
      const dir = tempDir();
      const project = writeProjectFile(join(dir, 'two.sqlite'), { name: 'Two', currency: 'USD' }, TWO_DEALS);
      for (const [args, message] of [
        [
          ['--where', 'tier=gold'],
          /--where \(custom fields\) is not in the SQL path's scope: run it without --engine duckdb/,
        ],
        [['--by', 'month'], /--by is not in the SQL path: run it without --engine duckdb \(the built-in engine\)/],
        [['--pipeline'], /--pipeline is not in the SQL path/],
        [['--roadmap-share', '0.5'], /does not compute roadmap CAR/],
      ] as const) {
        const result = await tributary(['attribute', project, '--engine', 'duckdb', ...args], dir);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toMatch(message);
      }
      const unknown = await tributary(['attribute', project, '--engine', 'duckbd'], dir);
      expect(unknown.code).toBe(2);
      expect(unknown.stderr).toMatch(/unknown engine "duckbd" \(did you mean duckdb\?\)/);
      expect((await tributary(['groups', project, '--preset'], dir)).code).toBe(0);
      const grouped = await tributary(['attribute', project, '--engine', 'duckdb'], dir);
      expect(grouped.code).toBe(2);
      expect(grouped.stderr).toMatch(/channel-group rules \(spec 10\), which the SQL path does not apply/);
    },
    TIMEOUT,
  );

  it('says what is wrong with a folder, by file, line and column, without a stack trace', async () => {
    const dir = tempDir();
    const folder = join(dir, 'crm');
    mkdirSync(folder);
    writeFileSync(
      join(folder, 'opportunities.csv'),
      'opportunity_id,account_id,stage,amount,created_at\nO1,A1,won,10,2024-01-01\n',
    );
    const builtIn = await tributary(['attribute', folder], dir);
    expect(builtIn.code).toBe(1);
    expect(builtIn.stderr).toMatch(
      /is a folder, not a Tributary project file\. A folder of canonical CSV or Parquet files runs with --engine duckdb/,
    );
    const missing = await tributary(['attribute', folder, '--engine', 'duckdb'], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/has no touchpoints\.csv \(or touchpoints\.parquet\)/);
    writeFileSync(
      join(folder, 'touchpoints.csv'),
      'touchpoint_id,account_id,occurred_at,channel\nT1,A1,2024-01-01,web\nT2,A1,yesterday,web\n',
    );
    const bad = await tributary(['attribute', folder, '--engine', 'duckdb'], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/touchpoints\.csv line 3, column occurred_at: "yesterday" is not an ISO 8601 date/);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});
