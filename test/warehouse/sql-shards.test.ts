import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { createProject } from '../../src/main/store/project';
import { generateAttributionSql } from '../../src/main/warehouse/sql/generate';
import type { SqlOptions } from '../../src/main/warehouse/sql/contract';
import { useTempDir } from '../helpers/files';
import { expectedFigures } from './compare';
import { differences, sqlFigures, type Figures } from './figures';
import { duckdbEngine } from './sqlEngines';

const tempDir = useTempDir();

/**
 * Keeps one shard's accounts: their opportunities, and the touchpoints of their contacts (else their own account);
 * accounts, contacts, members and actions stay whole, as docs/warehouse-sql.md says a shard needs.
 */
const keepShard = (shard: number): string[] => [
  `CREATE TABLE shard_accounts AS
   SELECT account_id FROM (
     SELECT account_id, ROW_NUMBER() OVER (ORDER BY account_id) AS n
     FROM (SELECT account_id FROM opportunities UNION SELECT account_id FROM touchpoints
           UNION SELECT account_id FROM contacts) ids
     WHERE account_id IS NOT NULL
   ) numbered
   WHERE n % 2 = ${shard}`,
  'DELETE FROM opportunities WHERE account_id NOT IN (SELECT account_id FROM shard_accounts)',
  `DELETE FROM touchpoints WHERE COALESCE(
     (SELECT c.account_id FROM contacts c WHERE c.contact_id = touchpoints.contact_id), touchpoints.account_id
   ) NOT IN (SELECT account_id FROM shard_accounts)`,
];

/** Two shards' figures as one run's: tables unioned, sums added. */
function merged(a: Figures, b: Figures): Figures {
  const credits: Figures['credits'] = {};
  for (const model of Object.keys(a.credits)) credits[model] = { ...a.credits[model], ...b.credits[model] };
  const car: Figures['car'] = {};
  for (const [model, categories] of Object.entries(a.car)) {
    car[model] = {};
    for (const [category, measures] of Object.entries(categories)) {
      const other = b.car[model]?.[category] ?? {};
      car[model][category] = Object.fromEntries(
        Object.entries(measures).map(([measure, value]) => [
          measure,
          value === null ? null : value + ((other[measure] as number | null) ?? 0),
        ]),
      );
    }
  }
  const paths: Figures['paths'] = { ...a.paths };
  for (const [path, [c, n, v, set]] of Object.entries(b.paths)) {
    const [c0, n0, v0] = paths[path] ?? [0, 0, 0];
    paths[path] = [c0 + c, n0 + n, v0 + v, set];
  }
  return {
    credits,
    wonRevenue: a.wonRevenue + b.wonRevenue,
    unattributedRevenue: a.unattributedRevenue + b.unattributedRevenue,
    unattributed: [...a.unattributed, ...b.unattributed].sort(),
    car,
    sourced: { ...a.sourced, ...b.sourced },
    paths,
    positions: Object.fromEntries(
      Object.entries(a.positions).map(([model, byPosition]) => [
        model,
        Object.fromEntries(Object.entries(byPosition).map(([p, value]) => [p, value + (b.positions[model]?.[p] ?? 0)])),
      ]),
    ),
    // A ratio does not add across shards: the test leaves it out (the counts do add).
    communityTouchesPerWonDeal: 0,
  };
}

describe('the generated SQL sharded by account', () => {
  it('gives, over two DuckDB databases holding half the accounts each, the one run’s figures', async () => {
    const path = join(tempDir(), 'demo.sqlite');
    const project = createProject(path, { name: 'Demo', currency: 'USD' });
    try {
      generateDemo(project.db, { scale: 3000, seed: 8 });
    } finally {
      project.close();
    }
    const options: SqlOptions = { models: ['full-path', 'time-decay'] };
    const shards: Figures[] = [];
    for (const shard of [0, 1]) {
      const engine = await duckdbEngine(path);
      try {
        for (const sql of keepShard(shard)) await engine.run([{ name: 'shard', specSection: 'test', sql }]);
        await engine.run(generateAttributionSql('duckdb', options));
        shards.push(await sqlFigures(engine));
      } finally {
        await engine.close();
      }
    }
    const [first, second] = shards as [Figures, Figures];
    expect(Object.keys(first.credits['full-path'] ?? {}).length).toBeGreaterThan(100);
    expect(Object.keys(second.credits['full-path'] ?? {}).length).toBeGreaterThan(100);
    const expected = { ...expectedFigures(path, options), communityTouchesPerWonDeal: 0 };
    expect(differences(expected, merged(first, second))).toEqual([]);
  }, 60_000);
});
