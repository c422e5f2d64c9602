import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  channelWeightCredits,
  linearCredits,
  positionCredits,
  timeDecayCredits,
} from '../../src/main/engine/models/credit';
import type { Dataset } from '../../src/main/engine/arrays/dataset';
import { attribute, pathsOf } from '../../src/main/engine/models/attribute';
import { buildJourneys, type Journeys } from '../../src/main/engine/models/journeys';
import { markovRemovalEffects } from '../../src/main/engine/models/markov';
import { shapleyValues } from '../../src/main/engine/models/shapley';
import { modelOptionsSchema, PRESET_WEIGHTS } from '../../src/shared/modelOptions';
import { rowsArbitrary } from './arbitraries';
import { datasetOf, endOf, type Rows } from './build';
import { lostDeal, touchpoint, wonDeal } from './rows';

type Model = (data: Dataset, journeys: Journeys) => Float64Array;
const MODELS: Record<string, Model> = {
  ...Object.fromEntries(
    Object.entries(PRESET_WEIGHTS).map(([name, w]) => [name, (d: Dataset, j: Journeys) => positionCredits(d, j, w)]),
  ),
  linear: linearCredits,
  'time-decay': (d, j) => timeDecayCredits(d, j, 7),
  markov: (d, j) => channelWeightCredits(d, j, markovRemovalEffects(pathsOf(d, j, false), 1).removalEffects),
  'markov order 2': (d, j) => channelWeightCredits(d, j, markovRemovalEffects(pathsOf(d, j, false), 2).removalEffects),
  shapley: (d, j) => channelWeightCredits(d, j, shapleyValues(pathsOf(d, j, false)).values),
  // Weights by channel name, as a caller would give them.
  'channel weights': (d, j) =>
    channelWeightCredits(
      d,
      j,
      Float64Array.from(d.channels.values, (name) => name.length % 3),
    ),
};

/** Credits keyed by opportunity and touch id, so runs over differently ordered input compare directly. */
function keyed(data: Dataset, journeys: Journeys, credits: Float64Array): Record<string, number> {
  const out: Record<string, number> = {};
  for (let j = 0; j < journeys.count; j++) {
    const opp = data.opportunities.id[journeys.opportunity[j] as number];
    for (let k = journeys.start[j] as number; k < (journeys.start[j + 1] as number); k++) {
      const t = journeys.touch[k] as number;
      out[`${opp}/${data.touches.kind[t]}/${data.touches.id[t]}`] = credits[k] as number;
    }
  }
  return out;
}

function shuffled<T>(list: T[] | undefined, seed: number): T[] {
  const copy = [...(list ?? [])];
  let state = seed || 1;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const k = state % (i + 1);
    [copy[i], copy[k]] = [copy[k] as T, copy[i] as T];
  }
  return copy;
}

describe('properties of every model (spec 1, 5, 6)', () => {
  it('credits each won journey with a touch exactly its amount, never negative, and lost ones nothing', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.constantFrom('restart-at-opportunity', 'account-lifetime' as const),
        (rows, policy) => {
          const data = datasetOf(rows);
          const journeys = buildJourneys(data, { lookbackDays: 0, upgradePolicy: policy });
          for (const model of Object.values(MODELS)) {
            const credits = model(data, journeys);
            for (let j = 0; j < journeys.count; j++) {
              const o = journeys.opportunity[j] as number;
              let sum = 0;
              for (let k = journeys.start[j] as number; k < (journeys.start[j + 1] as number); k++) {
                expect(credits[k]).toBeGreaterThanOrEqual(0);
                sum += credits[k] as number;
              }
              const empty = journeys.start[j] === journeys.start[j + 1];
              const expected =
                data.opportunities.stage[o] === 0 && !empty ? (data.opportunities.amount[o] as number) : 0;
              expect(Math.abs(sum - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, expected));
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('gives the same credits whatever order the rows were imported in, run after run', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 1_000_000 }), (rows, seed) => {
        const reordered: Rows = Object.fromEntries(
          Object.entries(rows).map(([table, list]) => [table, shuffled(list as unknown[], seed)]),
        );
        const a = datasetOf(rows);
        const b = datasetOf(reordered);
        const options = { lookbackDays: 0, upgradePolicy: 'restart-at-opportunity' as const };
        const ja = buildJourneys(a, options);
        const jb = buildJourneys(b, options);
        for (const [name, model] of Object.entries(MODELS)) {
          expect(keyed(b, jb, model(b, jb)), name).toEqual(keyed(a, ja, model(a, ja)));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('gives the same Shapley values, exactly, whatever order the rows were imported in, at 40 channels', () => {
    // Journeys over 40 channels, more than any coalition enumeration could take: the values are a sum over the
    // observed channel sets, which must not be taken in an order the import decided.
    const rows: Rows = { accounts: [], opportunities: [], touchpoints: [] };
    for (let a = 0; a < 40; a++) {
      const account = `A${a}`;
      rows.accounts!.push({ account_id: account });
      const deal = { id: `O${a}`, account, amount: 1000 + a, created: '2024-03-01', closed: '2024-03-29' };
      rows.opportunities!.push(a % 3 === 0 ? lostDeal(deal) : wonDeal(deal));
      for (let t = 0; t < 1 + (a % 7); t++) {
        const channel = `channel ${(a + t * t * 7) % 40}`;
        rows.touchpoints!.push(touchpoint({ id: `T${a}-${t}`, account, when: `2024-03-${10 + t}`, channel }));
      }
    }
    const options = modelOptionsSchema.parse({ model: 'shapley' });
    const expected = attribute(datasetOf(rows), options).shapleyValues;
    expect(Object.keys(expected ?? {})).toHaveLength(40);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const reordered: Rows = Object.fromEntries(
          Object.entries(rows).map(([table, list]) => [table, shuffled(list as unknown[], seed)]),
        );
        expect(attribute(datasetOf(reordered), options).shapleyValues).toEqual(expected);
      }),
      { numRuns: 5 },
    );
  });
});

describe('linear and time decay by hand', () => {
  const rows: Rows = {
    accounts: [{ account_id: 'A1' }],
    opportunities: [wonDeal({ id: 'O1', account: 'A1', amount: 700, created: '2024-03-01', closed: '2024-03-29' })],
    touchpoints: [
      touchpoint({ id: 'T1', account: 'A1', when: endOf('2024-03-15') }),
      touchpoint({ id: 'T2', account: 'A1', when: endOf('2024-03-22'), channel: 'ads' }),
      touchpoint({ id: 'T3', account: 'A1', when: endOf('2024-03-29'), channel: 'ads' }),
    ],
  };

  it('linear gives every touch the same share', () => {
    const data = datasetOf(rows);
    const journeys = buildJourneys(data, { lookbackDays: 0, upgradePolicy: 'restart-at-opportunity' });
    expect(Array.from(linearCredits(data, journeys))).toEqual([700 / 3, 700 / 3, 700 / 3]);
  });

  it('time decay halves the weight every half-life before the close: 1, 2 and 4 parts of 7', () => {
    const data = datasetOf(rows);
    const journeys = buildJourneys(data, { lookbackDays: 0, upgradePolicy: 'restart-at-opportunity' });
    const credits = Array.from(timeDecayCredits(data, journeys, 7));
    expect(credits[0]).toBeCloseTo(100, 9);
    expect(credits[1]).toBeCloseTo(200, 9);
    expect(credits[2]).toBeCloseTo(400, 9);
  });

  it('channel weights split the deal over its channels, then equally over each channel touches', () => {
    const data = datasetOf(rows);
    const journeys = buildJourneys(data, { lookbackDays: 0, upgradePolicy: 'restart-at-opportunity' });
    const weights = new Float64Array(data.channels.size);
    weights[data.channels.find('email') as number] = 0.1;
    weights[data.channels.find('ads') as number] = 0.3;
    const credits = Array.from(channelWeightCredits(data, journeys, weights));
    [175, 262.5, 262.5].forEach((expected, i) => expect(credits[i]).toBeCloseTo(expected, 9));
    weights.fill(-1);
    expect(Array.from(channelWeightCredits(data, journeys, weights))).toEqual([350, 175, 175]);
  });
});
