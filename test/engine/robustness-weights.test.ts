import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { positionCredits } from '../../src/main/engine/models/credit';
import { robustness } from '../../src/main/engine/robustness/robustness';
import { forEachGridPoint, WHOLE_SIMPLEX, weightsObject } from '../../src/main/engine/robustness/weightGrid';
import { runModel } from '../../src/main/engine/run';
import {
  modelOptionsSchema,
  PRESET_WEIGHTS,
  type ModelOptionsInput,
  type PositionWeights,
} from '../../src/shared/modelOptions';
import type { FigureRanges, RobustnessResult } from '../../src/shared/robustness';
import { readRows, type Rows } from './build';
import { HAND, MIXED } from './robustnessRows';

function robustnessOf(rows: Rows, options: ModelOptionsInput, delta = 10): RobustnessResult {
  return readRows(rows, (db) => robustness(loadEngineData(db), modelOptionsSchema.parse(options), delta));
}

const channel = (result: RobustnessResult, name: string): FigureRanges => {
  const row = result.channels.find((c) => c.channel === name);
  if (!row) throw new Error(`no channel ${name}`);
  return row;
};

const weights = (FT: number, LC: number, OC: number, CW: number, MID: number): PositionWeights => ({
  FT,
  LC,
  OC,
  CW,
  MID,
});

describe('weight sensitivity (spec 13), by hand', () => {
  const result = robustnessOf(HAND, { model: 'full-path' });
  const ads = channel(result, 'ads');
  const forum = channel(result, 'forum');

  it('reports the current value: full path gives ads 1000 x 22.5 / 77.5', () => {
    expect(ads.value).toBeCloseTo((1000 * 22.5) / 77.5, 9);
    expect(result.weights).toEqual(PRESET_WEIGHTS['full-path']);
  });

  it('over every weighting, reaches the extremes at the simplex vertices: a weight at 0 gives ads nothing', () => {
    const all = ads.weightRange?.all;
    expect(all?.max.value).toBeCloseTo(1000, 9);
    expect(all?.max.weights).toEqual(weights(100, 0, 0, 0, 0));
    expect(all?.min.value).toBeCloseTo(0, 9);
    expect(all?.min.weights.FT).toBe(0);
    // The first weighting giving ads nothing is the last-touch preset, a vertex.
    expect(all?.min.weights).toEqual(PRESET_WEIGHTS['last-touch']);
  });

  it('within ±10 points, at the edge of the neighbourhood: FT and LC both 10 points up or down', () => {
    const near = ads.weightRange?.near;
    // Max: FT = LC = 32.5 (LC's weight is spread over the present positions, so raising it helps ads too).
    expect(near?.max.value).toBeCloseTo((1000 * 32.5) / 67.5, 9);
    expect(near?.max.weights.FT).toBe(32.5);
    expect(near?.max.weights.LC).toBe(32.5);
    expect(near?.min.value).toBeCloseTo((1000 * 12.5) / 87.5, 9);
    expect(near?.min.weights.FT).toBe(12.5);
    expect(near?.min.weights.LC).toBe(12.5);
  });

  it('clips the neighbourhood at 0: the middle touch loses everything at MID = 0 and peaks at MID 20, LC 32.5', () => {
    const near = forum.weightRange?.near;
    expect(near?.min.value).toBe(0);
    expect(near?.min.weights.MID).toBe(0);
    expect(near?.max.value).toBeCloseTo((1000 * 20) / 67.5, 9);
    expect(near?.max.weights).toMatchObject({ MID: 20, LC: 32.5 });
  });

  it('gives attributed CAR and engagement the community touch’s ranges, and roadmap a flat zero', () => {
    expect(result.car.attributed.weightRange).toEqual(forum.weightRange);
    expect(result.car.byCategory.engagement.weightRange?.near.max.value).toBeCloseTo((1000 * 20) / 67.5, 9);
    expect(result.car.byCategory.roadmap.weightRange?.all.max.value).toBe(0);
  });

  it('has no weight range under a model without weights', () => {
    const markov = robustnessOf(HAND, { model: 'markov' });
    expect(channel(markov, 'ads').weightRange).toBeUndefined();
    expect(markov.weights).toBeNull();
  });
});

describe('weight sensitivity (spec 13), general properties', () => {
  const delta = 10;
  const result = robustnessOf(MIXED, { model: 'custom', weights: weights(35, 5, 25, 25, 10) }, delta);
  const creditsUnder = (w: PositionWeights): Map<string, number> =>
    readRows(MIXED, (db) => {
      const run = runModel(loadEngineData(db), modelOptionsSchema.parse({ model: 'custom', weights: w }));
      return new Map(run.attribution.byChannel.map(({ channel: name, credit }) => [name, credit]));
    });

  it('contains every channel’s credit under each of the eight presets and the current weights', () => {
    for (const preset of [...Object.values(PRESET_WEIGHTS), weights(35, 5, 25, 25, 10)]) {
      for (const [name, credit] of creditsUnder(preset)) {
        const all = channel(result, name).weightRange?.all;
        expect(all?.min.value, `${name} min`).toBeLessThanOrEqual(credit + 1e-9);
        expect(all?.max.value, `${name} max`).toBeGreaterThanOrEqual(credit - 1e-9);
      }
    }
    for (const row of result.channels) {
      expect(row.weightRange?.near.min.value).toBeLessThanOrEqual(row.value + 1e-9);
      expect(row.weightRange?.near.max.value).toBeGreaterThanOrEqual(row.value - 1e-9);
    }
  });

  it('keeps the neighbourhood’s extremes within ±d of the current weights, summing to 100', () => {
    for (const row of result.channels) {
      for (const extreme of [row.weightRange?.near.min, row.weightRange?.near.max]) {
        const w = extreme?.weights as PositionWeights;
        expect(w.FT + w.LC + w.OC + w.CW + w.MID).toBeCloseTo(100, 9);
        expect(Math.abs(w.FT - 35)).toBeLessThanOrEqual(delta);
        expect(Math.abs(w.LC - 5)).toBeLessThanOrEqual(delta);
        expect(w.LC).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it('agrees with a brute-force evaluation of the per-touch credits at the grid, the vertices and the presets', () => {
    // Independent path: per-touch credits (models/credit.ts), summed by channel, at each point of the whole simplex's
    // 5-point grid (which holds its vertices), at each preset and at the current weights.
    const found = readRows(MIXED, (db) => {
      const { data } = loadEngineData(db);
      const { journeys } = runModel(loadEngineData(db), modelOptionsSchema.parse({ model: 'full-path' })).attribution;
      const extremes = new Map<string, { min: number; max: number }>();
      const visit = (w: PositionWeights): void => {
        const credits = positionCredits(data, journeys, w);
        const byChannel = new Map<string, number>(data.channels.values.map((name) => [name, 0]));
        for (let k = 0; k < credits.length; k++) {
          const name = data.channels.values[data.touches.channel[journeys.touch[k] as number] as number] as string;
          byChannel.set(name, (byChannel.get(name) ?? 0) + (credits[k] as number));
        }
        for (const [name, credit] of byChannel) {
          const seen = extremes.get(name) ?? { min: Infinity, max: -Infinity };
          extremes.set(name, { min: Math.min(seen.min, credit), max: Math.max(seen.max, credit) });
        }
      };
      forEachGridPoint(WHOLE_SIMPLEX, new Float64Array(5).fill(20), 5, (w) => visit(weightsObject(w)));
      for (const preset of Object.values(PRESET_WEIGHTS)) visit(preset);
      visit(weights(35, 5, 25, 25, 10));
      return extremes;
    });
    expect(found.size).toBe(result.channels.length);
    for (const [name, { min, max }] of found) {
      const all = channel(result, name).weightRange?.all;
      expect(all?.min.value, name).toBeCloseTo(min, 9);
      expect(all?.max.value, name).toBeCloseTo(max, 9);
    }
  });

  it('reports the current run’s figures as each range’s value', () => {
    readRows(MIXED, (db) => {
      const run = runModel(
        loadEngineData(db),
        modelOptionsSchema.parse({ model: 'custom', weights: weights(35, 5, 25, 25, 10) }),
      );
      for (const { channel: name, credit } of run.attribution.byChannel) {
        expect(channel(result, name).value).toBeCloseTo(credit, 9);
      }
      const car = run.car();
      expect(result.car.attributed.value).toBeCloseTo(car.attributed, 9);
      expect(result.car.byCategory.upgrade.value).toBeCloseTo(car.byCategory.upgrade.attributed, 9);
      expect(result.car.byCategory.internal_referral.value).toBeCloseTo(car.byCategory.internal_referral.attributed, 9);
      expect(result.car.byCategory.engagement.value).toBeCloseTo(car.byCategory.engagement.attributed, 9);
      expect(result.car.attributed.value).toBeGreaterThan(0);
    });
  });
});
