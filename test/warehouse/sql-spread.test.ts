import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { COMMUNITY, isWon } from '../../src/main/engine/arrays/dataset';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { runModel } from '../../src/main/engine/run';
import { createProject } from '../../src/main/store/project';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import { SQL_DIALECTS } from '../../src/main/warehouse/sql/contract';
import { generateAttributionSql, generateSpreadSql } from '../../src/main/warehouse/sql/generate';
import { useTempDir } from '../helpers/files';
import { closePostgres, openEngine } from './sqlEngines';

const tempDir = useTempDir();
afterAll(closePostgres);

/** The engine's data-driven run: its channel weights and its credit per won journey touch. */
function engineRun(path: string, model: 'markov' | 'shapley') {
  const db = new Database(path, { readonly: true });
  try {
    const run = runModel(loadEngineData(db), modelOptionsSchema.parse({ model }));
    const { data, attribution } = run;
    const weights = (model === 'markov' ? attribution.removalEffects : attribution.shapleyValues) ?? {};
    const credits: Record<string, number> = {};
    const { journeys } = attribution;
    for (let j = 0; j < journeys.count; j++) {
      const o = journeys.opportunity[j] as number;
      if (!isWon(data.opportunities, o)) continue;
      for (let k = journeys.start[j] as number; k < (journeys.start[j + 1] as number); k++) {
        const touch = journeys.touch[k] as number;
        const kind = data.touches.kind[touch] === COMMUNITY ? 'community' : 'marketing';
        credits[`${data.opportunities.id[o]}|${kind}|${data.touches.id[touch]}`] = attribution.credits[k] as number;
      }
    }
    return { weights, credits };
  } finally {
    db.close();
  }
}

describe('the spread of data-driven channel weights (spec 6, credit)', () => {
  it('puts the engine’s Markov and Shapley weights onto the same touches as the engine, on every dialect', async () => {
    const path = join(tempDir(), 'demo.sqlite');
    const project = createProject(path, { name: 'Demo', currency: 'USD' });
    try {
      generateDemo(project.db, { scale: 800, seed: 5 });
    } finally {
      project.close();
    }
    for (const model of ['markov', 'shapley'] as const) {
      const expected = engineRun(path, model);
      const weights = Object.entries(expected.weights);
      expect(weights.length).toBeGreaterThan(3);
      for (const dialect of SQL_DIALECTS) {
        const engine = await openEngine(dialect, path, tempDir());
        try {
          await engine.run(generateAttributionSql(dialect, { models: ['linear'] }));
          await engine.run([
            {
              name: 'channel_weights',
              specSection: 'test',
              sql: 'CREATE TABLE channel_weights (channel TEXT, weight DOUBLE PRECISION)',
            },
          ]);
          // The test's own rows (what `tributary solve` writes in part B), its channel names quoted here.
          const values = weights.map(([channel, weight]) => `('${channel.replace(/'/g, "''")}', ${weight})`);
          await engine.run([
            { name: 'weights', specSection: 'test', sql: `INSERT INTO channel_weights VALUES ${values.join(', ')}` },
          ]);
          await engine.run(generateSpreadSql(dialect, model));
          const rows = await engine.all('SELECT * FROM tributary_data_driven_credits');
          const actual = Object.fromEntries(
            rows.map((r) => [`${r.opportunity_id}|${r.touch_kind}|${r.touch_id}`, Number(r.credit)]),
          );
          expect(Object.keys(actual).sort(), `${model} ${dialect}`).toEqual(Object.keys(expected.credits).sort());
          for (const [touch, credit] of Object.entries(expected.credits)) {
            const got = actual[touch] as number;
            expect(Math.abs(got - credit), `${model} ${dialect} ${touch}`).toBeLessThanOrEqual(
              1e-9 * Math.max(1, Math.abs(credit)),
            );
          }
        } finally {
          await engine.close();
        }
      }
    }
  }, 120_000);
});
