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
import { action, lostDeal, touchpoint, wonDeal } from './rows';

/**
 * One won deal of 1000 on an account with no lead date, so LC is missing: ads is its FT, a community post its middle
 * touch, email its OC (the last touch before the deal was created) and events its CW. Under weights w the deal's
 * touches get 1000 w_p / (w_FT + w_OC + w_CW + w_MID) each (spec 5: LC's weight is spread over the others).
 */
const HAND: Rows = {
  accounts: [{ account_id: 'A1', domain: 'a1.com' }],
  contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com' }],
  community_members: [{ member_id: 'M1', email: 'm1@a1.com' }],
  opportunities: [wonDeal({ id: 'D1', account: 'A1', amount: 1000, created: '2024-02-01', closed: '2024-03-31' })],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T3', account: 'A1', when: '2024-01-20', channel: 'email' }),
    touchpoint({ id: 'T4', account: 'A1', when: '2024-03-01', channel: 'events' }),
  ],
  community_actions: [action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'post', channel: 'forum' })],
};

/** Several deals with different presence patterns, a lost one, an upgrade and a referral, for the general checks. */
const MIXED: Rows = {
  accounts: ['A1', 'A2', 'A3', 'A4'].map((id) => ({ account_id: id, domain: `${id.toLowerCase()}.com` })),
  contacts: [
    { contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com', lead_created_at: Date.parse('2024-01-15T00:00:00Z') },
    { contact_id: 'C2', account_id: 'A2', email: 'm2@a2.com' },
  ],
  community_members: [
    { member_id: 'M1', email: 'm1@a1.com' },
    { member_id: 'M2', email: 'm2@a2.com' },
  ],
  opportunities: [
    wonDeal({ id: 'D1', account: 'A1', amount: 1000, created: '2024-02-01', closed: '2024-03-31' }),
    wonDeal({ id: 'D2', account: 'A2', amount: 600, created: '2024-02-10', closed: '2024-04-30' }),
    wonDeal({ id: 'D3', account: 'A3', amount: 300, created: '2024-01-05', closed: '2024-01-31' }),
    lostDeal({ id: 'D4', account: 'A4', amount: 900, created: '2024-03-01', closed: '2024-04-15' }),
    wonDeal({ id: 'U1', account: 'A1', amount: 250, created: '2024-05-01', closed: '2024-06-20', type: 'upgrade' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T2', account: 'A1', when: '2024-01-14', channel: 'email' }),
    touchpoint({ id: 'T3', account: 'A1', when: '2024-03-01', channel: 'events' }),
    touchpoint({ id: 'T4', account: 'A2', when: '2024-01-03', channel: 'ads' }),
    touchpoint({ id: 'T5', account: 'A2', when: '2024-03-03', channel: 'web' }),
    touchpoint({ id: 'T6', account: 'A3', when: '2024-01-02', channel: 'web' }),
    touchpoint({ id: 'T7', account: 'A4', when: '2024-02-01', channel: 'ads' }),
    touchpoint({ id: 'T8', account: 'A1', when: '2024-06-01', channel: 'email' }),
  ],
  community_actions: [
    action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'post', channel: 'forum' }),
    action({ id: 'X2', member: 'M2', when: '2024-02-20', type: 'reply', channel: 'forum' }),
    action({ id: 'X3', member: 'M1', when: '2024-05-15', type: 'answer', channel: 'forum' }),
    action({ id: 'X4', member: 'M2', when: '2024-01-20', type: 'internal_referral', opportunity: 'D2' }),
  ],
};

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
