import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lost, pathSetsArbitrary, won, type Path } from '../../../../test/engine/pathSets';
import { pathSetFrom, type PathSet } from './paths';
import { shapleyValues } from './shapley';
import { float64At } from '../arrays/read';

const [A, B, C, D, E] = [0, 1, 2, 3, 4];
const sum = (values: Iterable<number>): number => [...values].reduce((total, value) => total + value, 0);

describe('Shapley values', () => {
  it('works out the classic two-channel example', () => {
    // Journeys by channel set: {A} 1 won of 4, {B} 1 of 2, {A,B} 3 of 4 (in either order, repeats or not).
    // cr: 1/4, 1/2, 3/4, so v(A) = 1/4, v(B) = 1/2, v(AB) = 1/4 + 1/2 + 3/4 = 3/2.
    // phi(A) = 1/2 · v(A) + 1/2 · (v(AB) - v(B)) = 1/8 + 1/2 = 5/8; phi(B) = 1/4 + 5/8 = 7/8; they sum to v(AB).
    const paths = [
      won(A),
      lost(A, A),
      lost(A),
      lost(A),
      won(B),
      lost(B),
      won(A, B),
      won(B, A),
      won(B, A, B),
      lost(A, B),
    ];
    const result = shapleyValues(pathSetFrom(paths, 3));
    expect(result.exact).toBe(true);
    expect(result.samples).toBe(0);
    expect(result.values[A]).toBeCloseTo(5 / 8, 12);
    expect(result.values[B]).toBeCloseTo(7 / 8, 12);
    expect(result.values[C]).toBe(0); // never occurs
  });

  it('equals the definition over every permutation, and sums to v(N)', () => {
    fc.assert(
      fc.property(pathSetsArbitrary({ maxChannels: 6 }), ({ channelCount, paths }) => {
        const pathSet = pathSetFrom(paths, channelCount);
        const { values, exact } = shapleyValues(pathSet);
        const expected = shapleyByPermutations(pathSet);
        expect(exact).toBe(true);
        expected.forEach((value, channel) => expect(values[channel]).toBeCloseTo(value, 10));
        expect(sum(values)).toBeCloseTo(coalitionValue(conversionRates(pathSet), allChannels(pathSet)), 10);
      }),
      { numRuns: 60 },
    );
  });

  it('gives two channels with the same role the same value', () => {
    // B and C swap roles under every journey: {A,B} ~ {A,C}, {B} ~ {C}, {B,D} ~ {C,D}.
    const paths = [won(A, B), won(C, A), lost(B), lost(C), won(B, D), lost(B, D), won(D, C), lost(C, D), won(A)];
    const { values } = shapleyValues(pathSetFrom(paths, 4));
    expect(values[B]).toBeCloseTo(float64At(values, C), 12);
    expect(values[A]).not.toBeCloseTo(float64At(values, B), 3);
  });

  it('skips journeys without a touch', () => {
    const paths = [won(A, B), lost(B), won(A)];
    expect(shapleyValues(pathSetFrom([won(), ...paths, lost()], 2))).toEqual(shapleyValues(pathSetFrom(paths, 2)));
    expect([...shapleyValues(pathSetFrom([won()], 2)).values]).toEqual([0, 0]);
  });

  it('estimates by Monte Carlo beyond exactUpTo, converging to the exact values, the same for the same seed', () => {
    const pathSet = pathSetFrom(fiveChannelPaths, 6);
    const exact = shapleyValues(pathSet);
    const sampled = shapleyValues(pathSet, { exactUpTo: 3, samples: 200_000, seed: 7 });
    expect(exact.exact).toBe(true);
    expect(sampled).toMatchObject({ exact: false, samples: 200_000 });
    // One permutation's estimate has a standard deviation up to 1.5 here, so 200k give a standard error of 0.0034.
    exact.values.forEach((value, channel) =>
      expect(Math.abs(float64At(sampled.values, channel) - value)).toBeLessThan(0.02),
    );
    // Every permutation shares out exactly v(N).
    expect(sum(sampled.values)).toBeCloseTo(sum(exact.values), 10);

    expect(shapleyValues(pathSet, { exactUpTo: 3, samples: 500, seed: 7 })).toEqual(
      shapleyValues(pathSet, { exactUpTo: 3, samples: 500, seed: 7 }),
    );
    expect(shapleyValues(pathSet, { exactUpTo: 3, samples: 500, seed: 8 }).values).not.toEqual(
      shapleyValues(pathSet, { exactUpTo: 3, samples: 500, seed: 7 }).values,
    );
  });

  it('samples by default above 15 channels, close to the value of each set shared among its channels', () => {
    // v is a sum of unanimity games, one per observed set T with weight cr(T), so phi(c) = sum over T ∋ c of
    // cr(T) / |T|: an exact reference at any size.
    const paths: Path[] = [];
    for (let i = 0; i < 400; i++) {
      const channels = [i % 30, (i * 7) % 30, (i * 13 + 5) % 30, (i * i) % 30].slice(0, 1 + (i % 4));
      paths.push({ channels, converted: i % 3 !== 0 && (i * 11) % 5 !== 1 });
    }
    const pathSet = pathSetFrom(paths, 32);
    const result = shapleyValues(pathSet, { seed: 3 });
    expect(result).toMatchObject({ exact: false, samples: 2000 });
    dividendShares(pathSet).forEach((value, channel) => {
      expect(Math.abs(float64At(result.values, channel) - value)).toBeLessThan(0.05 * Math.max(1, value));
    });
    expect(result.values[30]).toBe(0);
  });

  it('refuses options out of range', () => {
    const pathSet = pathSetFrom([won(A)], 1);
    expect(() => shapleyValues(pathSet, { exactUpTo: 21 })).toThrow(RangeError);
    expect(() => shapleyValues(pathSet, { samples: 0 })).toThrow(RangeError);
    expect(() => shapleyValues(pathSet, { seed: Number.NaN })).toThrow(RangeError);
  });
});

const fiveChannelPaths: Path[] = [
  won(A, B),
  lost(A),
  won(A, C, E),
  lost(B, C),
  won(B),
  lost(D),
  won(D, E, A),
  won(C),
  lost(C, D),
  won(A, B, C, D, E),
  lost(E),
  won(E, B),
  lost(A, B),
];

function channelSets(pathSet: PathSet): { set: Set<number>; converted: boolean }[] {
  const sets: { set: Set<number>; converted: boolean }[] = [];
  for (let p = 0; p + 1 < pathSet.offsets.length; p++) {
    const set = new Set(pathSet.channels.subarray(pathSet.offsets[p], pathSet.offsets[p + 1]));
    if (set.size > 0) sets.push({ set, converted: pathSet.converted[p] === 1 });
  }
  return sets;
}

const keyOf = (set: Set<number>): string => [...set].sort((a, b) => a - b).join(',');

/** cr(T) for every observed set T, keyed by its sorted channels. */
function conversionRates(pathSet: PathSet): Map<string, { set: Set<number>; rate: number }> {
  const tally = new Map<string, { set: Set<number>; won: number; all: number }>();
  for (const { set, converted } of channelSets(pathSet)) {
    const entry = tally.get(keyOf(set)) ?? { set, won: 0, all: 0 };
    entry.won += converted ? 1 : 0;
    entry.all += 1;
    tally.set(keyOf(set), entry);
  }
  return new Map([...tally].map(([key, { set, won, all }]) => [key, { set, rate: won / all }]));
}

type Rates = ReturnType<typeof conversionRates>;

/** v(S) as spec 6 defines it: the sum of cr(T) over the non-empty T within S. */
function coalitionValue(rates: Rates, coalition: Set<number>): number {
  let value = 0;
  for (const { set, rate } of rates.values()) {
    if ([...set].every((channel) => coalition.has(channel))) value += rate;
  }
  return value;
}

function allChannels(pathSet: PathSet): Set<number> {
  return new Set(pathSet.channels);
}

/** The Shapley value by its definition: the mean marginal contribution over every order of the players. */
function shapleyByPermutations(pathSet: PathSet): number[] {
  const players = [...allChannels(pathSet)];
  const rates = conversionRates(pathSet);
  const phi = new Array<number>(pathSet.channelCount).fill(0);
  let orders = 0;
  const visit = (order: number[], rest: number[]): void => {
    if (rest.length > 0) {
      rest.forEach((player, i) => visit([...order, player], [...rest.slice(0, i), ...rest.slice(i + 1)]));
      return;
    }
    orders++;
    const coalition = new Set<number>();
    for (const player of order) {
      const before = coalitionValue(rates, coalition);
      coalition.add(player);
      phi[player]! += coalitionValue(rates, coalition) - before;
    }
  };
  visit([], players);
  return phi.map((total) => (orders > 0 ? total / orders : 0));
}

function dividendShares(pathSet: PathSet): number[] {
  const phi = new Array<number>(pathSet.channelCount).fill(0);
  for (const { set, rate } of conversionRates(pathSet).values())
    for (const channel of set) phi[channel]! += rate / set.size;
  return phi;
}
