import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { createProject } from '../../src/main/store/project';
import { creditDataDriven } from '../../src/main/warehouse/duckdb/dataDriven';
import { loadProjectTables } from '../../src/main/warehouse/duckdb/loadProject';
import { openEmbeddedDuckDb, type EmbeddedDuckDb } from '../../src/main/warehouse/duckdb/open';
import { runStatements } from '../../src/main/warehouse/duckdb/runStatements';
import { keepShard } from '../../src/main/warehouse/duckdb/shard';
import { generateAttributionSql, generateSpreadSql } from '../../src/main/warehouse/sql/generate';
import { pathSummaryOf, type SummaryRow } from '../../src/main/warehouse/solve/readSummary';
import { solvePathSummary } from '../../src/main/warehouse/solve/solveSummary';
import { useTempDir } from '../helpers/files';

const tempDir = useTempDir();
const opened: EmbeddedDuckDb[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

const MODELS = ['full-path', 'time-decay', 'linear'] as const;

async function instance(project: string, shard?: { index: number; count: number }): Promise<EmbeddedDuckDb> {
  const db = await openEmbeddedDuckDb({ threads: 1 });
  opened.push(db);
  await loadProjectTables(db.connection, project);
  if (shard) await keepShard(db.connection, shard.index, shard.count);
  await runStatements(db.connection, generateAttributionSql('duckdb', { models: [...MODELS] }));
  return db;
}

async function all(db: EmbeddedDuckDb, sql: string): Promise<unknown[][]> {
  return (await db.connection.runAndReadAll(sql)).getRowsJS();
}

/** Per-touch credits as `model opportunity kind touch` -> credit. */
async function credits(dbs: EmbeddedDuckDb[], table: string): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const db of dbs) {
    for (const [model, o, kind, touch, credit] of await all(
      db,
      `SELECT model, opportunity_id, touch_kind, touch_id, credit FROM ${table}`,
    )) {
      const key = `${String(model)} ${String(o)} ${String(kind)} ${String(touch)}`;
      expect(out.has(key), `${key} in two shards`).toBe(false);
      out.set(key, Number(credit));
    }
  }
  return out;
}

/** The additive figures: revenue and each CAR measure per model and category, summed over the instances. */
async function totals(dbs: EmbeddedDuckDb[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const add = (key: string, value: unknown): void => {
    if (value !== null) out.set(key, (out.get(key) ?? 0) + Number(value));
  };
  for (const db of dbs) {
    const [[won, unattributed, wonCount, unattributedCount] = []] = await all(db, 'SELECT * FROM tributary_revenue');
    add('won revenue', won);
    add('unattributed revenue', unattributed);
    add('won deals', wonCount);
    add('unattributed deals', unattributedCount);
    for (const [model, category, attributed, influenced, sourced] of await all(db, 'SELECT * FROM tributary_car')) {
      add(`${String(model)} ${String(category)} attributed`, attributed);
      add(`${String(model)} ${String(category)} influenced`, influenced);
      add(`${String(model)} ${String(category)} sourced`, sourced);
    }
  }
  return out;
}

/** The path summary of the instances summed path by path, as a warehouse sums its shards' summaries. */
async function summary(dbs: EmbeddedDuckDb[]): Promise<SummaryRow[]> {
  const rows = new Map<string, SummaryRow>();
  for (const db of dbs) {
    for (const [path, conversions, nulls] of await all(
      db,
      'SELECT path, conversions, nulls FROM tributary_path_summary',
    )) {
      const key = JSON.stringify(JSON.parse(String(path)));
      const row = rows.get(key) ?? { path: JSON.parse(key) as string[], conversions: 0, nulls: 0 };
      rows.set(key, { ...row, conversions: row.conversions + Number(conversions), nulls: row.nulls + Number(nulls) });
    }
  }
  return [...rows.values()];
}

function expectClose(actual: Map<string, number>, expected: Map<string, number>): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, value] of expected) {
    const got = actual.get(key) as number;
    expect(Math.abs(got - value), key).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(value)));
  }
}

describe('the generated SQL sharded by account', () => {
  it('gives over 2 DuckDB instances (hash of account_id) the same result as over one', async () => {
    const project = join(tempDir(), 'demo.sqlite');
    const demo = createProject(project, { name: 'Demo', currency: 'USD' });
    try {
      generateDemo(demo.db, { scale: 3000, seed: 11 });
    } finally {
      demo.close();
    }
    const whole = [await instance(project)];
    const shards = [await instance(project, { index: 0, count: 2 }), await instance(project, { index: 1, count: 2 })];
    // Both shards hold deals: the split is real.
    for (const shard of shards)
      expect(Number((await all(shard, 'SELECT count(*) FROM opportunities'))[0]?.[0])).toBeGreaterThan(10);

    expectClose(await credits(shards, 'tributary_credits'), await credits(whole, 'tributary_credits'));
    expectClose(await totals(shards), await totals(whole));
    const summed = await summary(shards);
    expect(summed.sort((a, b) => (a.path.join() < b.path.join() ? -1 : 1))).toEqual(
      (await summary(whole)).sort((a, b) => (a.path.join() < b.path.join() ? -1 : 1)),
    );

    // Data-driven: one solve of the summed summary, its weights spread in each shard.
    const expected = await creditDataDriven(whole[0]!.connection, 'markov', 1);
    const weights = solvePathSummary(pathSummaryOf(summed, true), 'markov', 1);
    // The same chain; its rows come in another order, so the solve's sums may differ in the last bits.
    expectClose(
      new Map(weights.weights.map(({ channel, weight }) => [channel, weight])),
      new Map(expected.weights.map(({ channel, weight }) => [channel, weight])),
    );
    for (const shard of shards) {
      await shard.connection.run('CREATE TABLE channel_weights (channel VARCHAR, weight DOUBLE)');
      for (const { channel, weight } of weights.weights) {
        await shard.connection.run('INSERT INTO channel_weights VALUES ($1, $2)', [channel, weight]);
      }
      await runStatements(shard.connection, generateSpreadSql('duckdb', 'markov'));
    }
    expectClose(
      await credits(shards, 'tributary_data_driven_credits'),
      await credits(whole, 'tributary_data_driven_credits'),
    );
  }, 120_000);
});
