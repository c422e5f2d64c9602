import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lost, pathSetsArbitrary, won, type Path } from '../../../../test/engine/pathSets';
import { pathSetFrom, type PathSet } from './paths';
import { shapleyValues } from './shapley';
import { float64At } from '../arrays/read';

const [A, B, C, D] = [0, 1, 2, 3];
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
    expect(result.observedSets).toBe(3);
    expect(result.values[A]).toBeCloseTo(5 / 8, 12);
    expect(result.values[B]).toBeCloseTo(7 / 8, 12);
    expect(result.values[C]).toBe(0); // never occurs
  });

  it('equals the Shapley value of v over every coalition, at up to 10 channels, in any order of the paths', () => {
    fc.assert(
      fc.property(
        pathSetsArbitrary({ maxChannels: 10 }),
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        ({ channelCount, paths }, seed) => {
          const pathSet = pathSetFrom(paths, channelCount);
          const { values } = shapleyValues(pathSet);
          shapleyByCoalitions(pathSet).forEach((value, channel) => expect(values[channel]).toBeCloseTo(value, 10));
          expect(sum(values)).toBeCloseTo(sum(conversionRates(pathSet).values()), 10);

          const reordered = shapleyValues(pathSetFrom(shuffled(paths, seed), channelCount)).values;
          reordered.forEach((value, channel) => expect(value).toBeCloseTo(float64At(values, channel), 12));
        },
      ),
      { numRuns: 100 },
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
    expect(shapleyValues(pathSetFrom([won()], 2))).toEqual({ values: new Float64Array(2), observedSets: 0 });
  });

  it('is exact at 40 channels, where enumerating coalitions would take 2^40 of them, and shares out v(N)', () => {
    // Sets: all 40 channels, 2 won of 2 (cr 1); each of channels 0..19 alone, 1 of 2 (cr 1/2); channels 0..9
    // together, 0 of 3; channels 30..39 together, 1 of 4 (cr 1/4). Channels 40 and 41 never occur.
    const every = Array.from({ length: 40 }, (_, c) => c);
    const paths: Path[] = [won(...every), won(...[...every].reverse(), 0)];
    for (let c = 0; c < 20; c++) paths.push(won(c), lost(c, c));
    for (let i = 0; i < 3; i++) paths.push(lost(...every.slice(0, 10)));
    paths.push(won(...every.slice(30)), lost(...every.slice(30)), lost(...every.slice(30)), lost(...every.slice(30)));
    const { values, observedSets } = shapleyValues(pathSetFrom(paths, 42));
    expect(observedSets).toBe(1 + 20 + 1 + 1);
    every.forEach((c) => expect(values[c]).toBeCloseTo(1 / 40 + (c < 20 ? 1 / 2 : 0) + (c >= 30 ? 1 / 40 : 0), 12));
    expect([values[40], values[41]]).toEqual([0, 0]);
    expect(sum(values)).toBeCloseTo(1 + 20 / 2 + 0 + 1 / 4, 10);
  });

  it('sums to v(N) at 40 channels over many overlapping sets', () => {
    const paths: Path[] = [];
    for (let i = 0; i < 20_000; i++) {
      const length = 1 + ((i * 7) % 12);
      const channels = Array.from({ length }, (_, k) => (i * 13 + k * k * 5 + (i >> 3)) % 40);
      paths.push({ channels, converted: (i * 31) % 7 < 3 });
    }
    const pathSet = pathSetFrom(paths, 40);
    const { values, observedSets } = shapleyValues(pathSet);
    const rates = conversionRates(pathSet);
    expect(observedSets).toBe(rates.size);
    expect(sum(values)).toBeCloseTo(sum(rates.values()), 9);
  });
});

function channelSets(pathSet: PathSet): { set: Set<number>; converted: boolean }[] {
  const sets: { set: Set<number>; converted: boolean }[] = [];
  for (let p = 0; p + 1 < pathSet.offsets.length; p++) {
    const set = new Set(pathSet.channels.subarray(pathSet.offsets[p], pathSet.offsets[p + 1]));
    if (set.size > 0) sets.push({ set, converted: pathSet.converted[p] === 1 });
  }
  return sets;
}

/** cr(T) for every observed set T, keyed by its sorted channels. */
function conversionRates(pathSet: PathSet): Map<string, number> {
  const tally = new Map<string, { won: number; all: number }>();
  for (const { set, converted } of channelSets(pathSet)) {
    const key = [...set].sort((a, b) => a - b).join(',');
    const entry = tally.get(key) ?? { won: 0, all: 0 };
    entry.won += converted ? 1 : 0;
    entry.all += 1;
    tally.set(key, entry);
  }
  return new Map([...tally].map(([key, { won, all }]) => [key, won / all]));
}

/**
 * The Shapley value by its definition over coalitions: phi(c) = sum over S not holding c of
 * |S|! (n - |S| - 1)! / n! · (v(S ∪ {c}) - v(S)), with v(S) spec 6's sum of cr(T) over the observed T within S.
 * Every channel id is a player; one that no journey holds adds nothing to any coalition.
 */
function shapleyByCoalitions(pathSet: PathSet): number[] {
  const n = pathSet.channelCount;
  // Observed sets as bit masks over the (at most 31) channels.
  const rates = [...conversionRates(pathSet)].map(([key, rate]) => ({
    set: key.split(',').reduce((mask, channel) => mask | (1 << Number(channel)), 0),
    rate,
  }));
  const v = (coalition: number): number => {
    let value = 0;
    for (const { set, rate } of rates) if ((set & coalition) === set) value += rate;
    return value;
  };
  const factorial = (k: number): number => (k <= 1 ? 1 : k * factorial(k - 1));
  const phi = new Array<number>(n).fill(0);
  for (let coalition = 0; coalition < 1 << n; coalition++) {
    let size = 0;
    for (let c = 0; c < n; c++) if (coalition & (1 << c)) size++;
    const weight = (factorial(size) * factorial(n - size - 1)) / factorial(n);
    const before = v(coalition);
    for (let c = 0; c < n; c++) if (!(coalition & (1 << c))) phi[c]! += weight * (v(coalition | (1 << c)) - before);
  }
  return phi;
}

function shuffled<T>(list: T[], seed: number): T[] {
  const copy = [...list];
  let state = seed;
  for (let i = copy.length - 1; i > 0; i--) {
    state = (state * 48271) % 2147483647;
    const k = state % (i + 1);
    [copy[i], copy[k]] = [copy[k] as T, copy[i] as T];
  }
  return copy;
}
