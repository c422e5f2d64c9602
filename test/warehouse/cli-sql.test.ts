import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';

const tempDir = useTempDir();
const tributary = (args: string[], dir: string) => runTributary(args, { ...process.env, TRIBUTARY_HOME: dir });

describe('tributary sql', () => {
  it('prints a script that, run on the demo project file by SQLite, credits each channel as `attribute` does', async () => {
    const dir = tempDir();
    const project = join(dir, 'demo.sqlite');
    expect((await tributary(['demo', project, '--scale', '3000', '--seed', '3'], dir)).code).toBe(0);
    const script = join(dir, 'attribution.sql');
    const made = await tributary(['sql', '--dialect', 'sqlite', '--model', 'w-shaped', '--out', script], dir);
    expect(made).toMatchObject({ code: 0, stdout: '' });
    const json = await tributary(['attribute', project, '--model', 'w-shaped', '--json'], dir);
    const expected = JSON.parse(json.stdout) as { revenue: number; byChannel: { channel: string; credit: number }[] };

    const copy = join(dir, 'copy.sqlite');
    copyFileSync(project, copy);
    const db = new Database(copy);
    try {
      db.exec(readFileSync(script, 'utf8'));
      const byChannel = db
        .prepare('SELECT channel, SUM(credit) AS credit FROM tributary_credits GROUP BY channel')
        .all() as { channel: string; credit: number }[];
      expect(byChannel.length).toBeGreaterThan(3);
      const credited = expected.byChannel.filter((row) => row.credit > 0);
      expect(
        byChannel
          .filter((row) => row.credit > 0)
          .map((row) => row.channel)
          .sort(),
      ).toEqual(credited.map((row) => row.channel).sort());
      for (const row of byChannel) {
        const engine = expected.byChannel.find((e) => e.channel === row.channel)?.credit ?? 0;
        // The CLI's JSON rounds money to cents.
        expect(Math.abs(row.credit - engine)).toBeLessThan(0.01);
      }
      const revenue = db.prepare('SELECT won_revenue FROM tributary_revenue').get() as { won_revenue: number };
      expect(Math.abs(revenue.won_revenue - expected.revenue)).toBeLessThan(0.01);
    } finally {
      db.close();
    }
  }, 60_000);

  it('prints the spread statement of a data-driven model', async () => {
    const run = await tributary(['sql', '--dialect', 'duckdb', '--spread', 'shapley'], tempDir());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('CREATE TABLE "tributary_data_driven_credits" AS');
    expect(run.stdout).toContain('"channel_weights"');
    expect(run.stdout).toContain("'shapley' AS model");
  });

  it.each([
    [['--dialect', 'oracle'], 'unsupported dialect "oracle"; supported: duckdb, postgres, sqlite'],
    [['--model', 'full-path'], '--dialect is required: one of duckdb, postgres, sqlite'],
    [['--dialect', 'duckdb', '--model', 'markov'], 'tributary attribute <project> --model markov'],
    [['--dialect', 'duckdb', '--where', 'Region=EMEA'], 'does not implement custom-field filters (--where)'],
    [['--dialect', 'duckdb', '--pipeline'], 'run the built-in engine'],
    [['--dialect', 'duckdb', '--from', '2024-13-01'], '--from: a date is written YYYY-MM-DD'],
    [['--dialect', 'sqlite', '--model', 'linear', '--weights', 'FT=1'], '--weights goes with --model custom'],
    [['--dialect', 'sqlite', '--model', 'custom'], 'the custom model needs weights'],
    [['--dialect', 'sqlite', '--half-life-days', '0'], '--half-life-days'],
  ])('refuses %j with exit 2, saying why', async (args, message) => {
    const run = await tributary(['sql', ...args], tempDir());
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(run.stdout).toBe('');
  });
});
