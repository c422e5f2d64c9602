import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { runModel } from '../../src/main/engine/run';
import { writeCreditsCsv } from '../../src/main/export/creditsCsv';
import { modelOptionsSchema, type ModelName } from '../../src/shared/modelOptions';
import { runOnDuckDb } from '../../src/main/warehouse/duckdb/runAttribution';
import { writeProjectFile } from '../engine/build';
import { useTempDir } from '../helpers/files';
import { warehouseOptions, warehouseRows } from './arbitrary';
import { differences, expectSameCredits } from './duckdbFigures';

const tempDir = useTempDir();
const MODELS: ModelName[] = ['full-path', 'lead-creation', 'linear', 'time-decay', 'markov', 'shapley'];

describe('attribute --engine duckdb on random projects', () => {
  it("gives the built-in engine's figures, credits and data-driven weights", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        warehouseRows,
        warehouseOptions,
        fc.constantFrom(...MODELS),
        fc.constantFrom(1, 2),
        async (rows, sql, model, markovOrder) => {
          const dir = tempDir();
          const path = writeProjectFile(join(dir, `random-${++n}.sqlite`), { name: 'R', currency: 'USD' }, rows);
          const options = modelOptionsSchema.parse({
            model,
            markovOrder,
            halfLifeDays: sql.halfLifeDays,
            lookbackDays: sql.lookbackDays,
            upgradePolicy: sql.upgradePolicy,
            referralWindowDays: sql.referralWindowDays,
            collapseRepeats: sql.collapseRepeats,
            scope: sql.scope ?? {},
          });
          const db = new Database(path, { readonly: true });
          const run = (() => {
            try {
              return runModel(loadEngineData(db), options);
            } finally {
              db.close();
            }
          })();
          writeCreditsCsv(join(dir, 'built-in.csv'), run);
          const car = run.car();
          const { byCategory: c } = car;
          const weights = run.attribution.removalEffects ?? run.attribution.shapleyValues;
          const expected = {
            revenue: run.attribution.revenue,
            attributed: run.attribution.attributed,
            unattributed: run.attribution.unattributed,
            unattributedOpportunities: run.attribution.unattributedOpportunities
              .map((o) => run.data.opportunities.id[o] as string)
              .sort(),
            byChannel: run.attribution.byChannel,
            car: {
              ...car,
              byCategory: { ...c, roadmap: null, churn_reduction: null },
              attributedByPosition: model === 'markov' || model === 'shapley' ? null : car.attributedByPosition,
            },
            weights: weights ?? null,
          };
          const duckdb = await runOnDuckDb(path, options, { threads: 1 });
          try {
            const solved = new Map(duckdb.weights?.weights.map(({ channel, weight }) => [channel, weight]));
            const actual = {
              ...duckdb.attribution,
              // The engine weighs every channel, 0 for one on no won or lost journey; the summary holds the others.
              weights: weights
                ? Object.fromEntries(Object.keys(weights).map((channel) => [channel, solved.get(channel) ?? 0]))
                : null,
            };
            expect(differences(expected, actual), `${model} ${JSON.stringify(sql)}`).toEqual([]);
            await duckdb.writeCredits(join(dir, 'duckdb.csv'));
            expectSameCredits(join(dir, 'built-in.csv'), join(dir, 'duckdb.csv'));
          } finally {
            duckdb.close();
          }
        },
      ),
      { numRuns: 25, seed: 1919 },
    );
  }, 240_000);
});
