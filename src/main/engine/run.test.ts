import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { modelOptionsSchema, weightsOf, type ModelOptionsInput } from '../../shared/modelOptions';
import { generateDemo } from '../demo/generate';
import { createProject } from '../store/project';
import { loadEngineData } from './arrays/load';
import { EngineCache } from './cache/cache';
import { attribute } from './models/attribute';
import { churnMemoKey, computeCar } from './models/car';
import { runModel } from './run';

const tempDir = useTempDir();

/** A demo project, open; the caller closes it. */
function demoProject() {
  const project = createProject(join(tempDir(), 'demo.sqlite'), { name: 'Demo', currency: 'USD' });
  // Seed 4 has community touches holding several milestones: CAR by position then depends on the weights.
  generateDemo(project.db, { scale: 2000, seed: 4 });
  return project;
}

const RUNS: ModelOptionsInput[] = [
  {},
  { model: 'custom', weights: { FT: 10, LC: 0, OC: 30, CW: 50, MID: 10 }, referralWindowDays: 30 },
  { model: 'time-decay', halfLifeDays: 3, lookbackDays: 60, roadmapShare: 0.25 },
  { model: 'markov', upgradePolicy: 'account-lifetime', collapseRepeats: true, seed: 7 },
];

describe('runModel', () => {
  it('gives the attribution and the CAR of attribute and computeCar, with the options’ CAR settings', () => {
    const project = demoProject();
    try {
      const { data, community } = loadEngineData(project.db);
      for (const input of RUNS) {
        const options = modelOptionsSchema.parse(input);
        const run = runModel({ data, community }, options);
        const attribution = attribute(data, options);
        expect(run.options).toBe(options);
        expect(run.data).toBe(data);
        expect(run.attribution).toEqual(attribution);
        expect(run.car()).toEqual(
          computeCar(data, community, attribution, {
            referralWindowDays: options.referralWindowDays,
            roadmapShare: options.roadmapShare,
            seed: options.seed,
            weights: weightsOf(options) ?? undefined,
          }),
        );
      }
    } finally {
      project.close();
    }
  });

  it('gives the same run over the app’s cache, using its journeys and memo, as over the arrays alone', () => {
    const project = demoProject();
    try {
      const { data, community } = loadEngineData(project.db);
      const loaded = new EngineCache().load(project.db);
      for (const input of RUNS) {
        const options = modelOptionsSchema.parse(input);
        const cached = runModel(loaded, options);
        const plain = runModel({ data, community }, options);
        expect(cached.attribution.journeys).toBe(loaded.journeys(options));
        expect(cached.attribution).toEqual(plain.attribution);
        expect(cached.car()).toEqual(plain.car());
        // The CAR parts that do not depend on the credits were kept in the cache's memo, for the next run.
        const kept = loaded.memo(churnMemoKey(options.seed), () => null);
        expect(kept).toBe(cached.car().byCategory.churn_reduction);
        expect(runModel(loaded, options).car()).toEqual(plain.car());
      }
    } finally {
      project.close();
    }
  });

  it('computes CAR once per run, when asked', () => {
    const project = demoProject();
    try {
      const run = runModel(loadEngineData(project.db), modelOptionsSchema.parse({}));
      expect(run.car()).toBe(run.car());
    } finally {
      project.close();
    }
  });
});
