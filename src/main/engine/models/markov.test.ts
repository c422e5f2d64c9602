import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lost, pathSetsArbitrary, won } from '../../../../test/engine/pathSets';
import { MARKOV_MAX_STATES, markovRemovalEffects } from './markov';
import { pathSetFrom, type PathSet } from './paths';
import { float64At } from '../arrays/read';

const [A, B, C, D] = [0, 1, 2, 3];

describe('Markov removal effects', () => {
  it('solves the classic three-path example exactly (order 1)', () => {
    // Paths: A B C → conv, A → null, B C → null. D never occurs.
    // start → A 2/3, → B 1/3; A → B 1/2, → null 1/2; B → C 1; C → conv 1/2, → null 1/2.
    // x(C) = 1/2, x(B) = 1/2, x(A) = 1/2 · 1/2 = 1/4, P = 2/3 · 1/4 + 1/3 · 1/2 = 1/3.
    // Without A: start → A goes to null, P = 1/3 · 1/2 = 1/6, RE = 1 - (1/6)/(1/3) = 1/2.
    // Without B or C every converting walk is cut: P = 0, RE = 1.
    const result = markovRemovalEffects(pathSetFrom([won(A, B, C), lost(A), lost(B, C)], 4), 1);
    expect(result.conversionProbability).toBeCloseTo(1 / 3, 12);
    expectEffects(result.removalEffects, [1 / 2, 1, 1, 0]);
    expect(result.states).toBe(6); // start, A, B, C, conversion, null
  });

  it('solves a chain with a cycle through the linear system', () => {
    // Paths: A B A → conv, B → null, A → null.
    // start → A 2/3, → B 1/3; A → B 1/3, → conv 1/3, → null 1/3; B → A 1/2, → null 1/2.
    // x(A) = x(B)/3 + 1/3 and x(B) = x(A)/2, so x(A) = 2/5, x(B) = 1/5, P = 2/3 · 2/5 + 1/3 · 1/5 = 1/3.
    // Without A: P = 0, RE = 1. Without B: x(A) = 1/3, P = 2/9, RE = 1 - (2/9)/(1/3) = 1/3.
    const result = markovRemovalEffects(pathSetFrom([won(A, B, A), lost(B), lost(A)], 2), 1);
    expect(result.conversionProbability).toBeCloseTo(1 / 3, 12);
    expectEffects(result.removalEffects, [1, 1 / 3]);
  });

  it('remembers the previous channel at order 2, and counts paths shorter than the order', () => {
    // Paths: A C → conv, B C → null, C → conv.
    // Order 1: start → A, B, C 1/3 each; A → C, B → C; C → conv 2/3, → null 1/3. x = 2/3 everywhere, P = 2/3.
    //   Without A: P = 1/3 · 2/3 + 1/3 · 2/3 = 4/9, RE = 1/3; B alike; without C, P = 0, RE = 1.
    // Order 2: start → (A), (B), (C) 1/3 each; (A) → (A,C) → conv; (B) → (B,C) → null; (C) → conv. P = 2/3.
    //   Without A: P = 1/3, RE = 1/2. Without B: P = 2/3, RE = 0 (B's walks never convert). Without C: RE = 1.
    const paths = pathSetFrom([won(A, C), lost(B, C), won(C)], 3);
    const first = markovRemovalEffects(paths, 1);
    const second = markovRemovalEffects(paths, 2);
    expect(first.conversionProbability).toBeCloseTo(2 / 3, 12);
    expectEffects(first.removalEffects, [1 / 3, 1 / 3, 1]);
    expect(second.conversionProbability).toBeCloseTo(2 / 3, 12);
    expectEffects(second.removalEffects, [1 / 2, 0, 1]);
    expect(second.states).toBe(8); // start, (A), (B), (C), (A,C), (B,C), conversion, null
    // No path is longer than 2, so a longer memory changes nothing.
    expect(markovRemovalEffects(paths, 3)).toEqual(second);
  });

  it('keeps a repeated channel as a self-loop, which leaves the absorption probabilities as they are', () => {
    // A → A, → B, → null once each: leaving A, the walk goes to B or null with 1/2 each, as without the repeat.
    const repeated = markovRemovalEffects(pathSetFrom([won(A, A, B), lost(A)], 2), 1);
    const collapsed = markovRemovalEffects(pathSetFrom([won(A, B), lost(A)], 2), 1);
    expect(repeated.conversionProbability).toBeCloseTo(1 / 2, 12);
    expect(repeated.conversionProbability).toBeCloseTo(collapsed.conversionProbability, 12);
    expectEffects(repeated.removalEffects, [1, 1]);
    expect(repeated.states).toBe(collapsed.states);
  });

  it('gives zeros when nothing converts, and skips paths without a touch', () => {
    const none = markovRemovalEffects(pathSetFrom([lost(A, B), lost(B)], 3), 2);
    expect(none.conversionProbability).toBe(0);
    expect([...none.removalEffects]).toEqual([0, 0, 0]);
    expect(markovRemovalEffects(pathSetFrom([], 2), 1).conversionProbability).toBe(0);

    const paths = [won(A, B), lost(B)];
    const withEmpty = markovRemovalEffects(pathSetFrom([won(), ...paths, lost()], 2), 1);
    expect(withEmpty).toEqual(markovRemovalEffects(pathSetFrom(paths, 2), 1));
  });

  it('is deterministic and does not depend on the order of the paths', () => {
    const paths = [won(A, B, C), lost(A, C), won(C, A, B, D), lost(D), won(B, B, D), lost(C, D, A)];
    for (const order of [1, 2, 3, 4]) {
      const once = markovRemovalEffects(pathSetFrom(paths, 4), order);
      expect(markovRemovalEffects(pathSetFrom(paths, 4), order)).toEqual(once);
      const reversed = markovRemovalEffects(pathSetFrom([...paths].reverse(), 4), order);
      expect(reversed.conversionProbability).toBeCloseTo(once.conversionProbability, 12);
      expectEffects(reversed.removalEffects, [...once.removalEffects]);
    }
  });

  it.each([0, 5, 1.5, -1, Number.NaN])('refuses order %d', (order) => {
    expect(() => markovRemovalEffects(pathSetFrom([won(A)], 1), order)).toThrow(/order must be an integer from 1 to 4/);
  });

  it('refuses a chain with more states than the exact solve takes', () => {
    // Every 4-digit number over 10 channels is its own order-4 state.
    const paths = Array.from({ length: MARKOV_MAX_STATES }, (_, i) =>
      won(...[...String(i).padStart(4, '0')].map(Number)),
    );
    expect(() => markovRemovalEffects(pathSetFrom(paths, 10), 4)).toThrow(RangeError);
    expect(markovRemovalEffects(pathSetFrom(paths, 10), 1).conversionProbability).toBe(1);
  });

  it('matches a long simulation of the same chain', () => {
    const pathSets = pathSetsArbitrary({ maxChannels: 5, minPaths: 1 });
    fc.assert(
      fc.property(pathSets, fc.integer({ min: 1, max: 3 }), fc.integer(), ({ channelCount, paths }, order, seed) => {
        const pathSet = pathSetFrom(paths, channelCount);
        const result = markovRemovalEffects(pathSet, order);
        const simulated = simulate(pathSet, order, 200_000, seed);
        // 200k walks: a standard error of at most 0.0011 on each probability.
        expect(Math.abs(result.conversionProbability - simulated.conversion)).toBeLessThan(0.007);
        result.removalEffects.forEach((effect, channel) => {
          expect(effect).toBeGreaterThanOrEqual(0);
          expect(effect).toBeLessThanOrEqual(1);
          // P(conv without c) = P(conv) (1 - RE(c)), compared where it is measured (RE itself is a ratio).
          const without = result.conversionProbability * (1 - effect);
          expect(Math.abs(without - float64At(simulated.withoutChannel, channel))).toBeLessThan(0.007);
        });
      }),
      { numRuns: 20 },
    );
  });
});

describe('pathSetFrom', () => {
  it('packs the paths and refuses a channel id out of range', () => {
    const set = pathSetFrom([won(A, B), lost(), lost(B)], 2);
    expect([...set.channels]).toEqual([A, B, B]);
    expect([...set.offsets]).toEqual([0, 2, 2, 3]);
    expect([...set.converted]).toEqual([1, 0, 0]);
    expect(() => pathSetFrom([won(A, 2)], 2)).toThrow(/outside 0..1/);
  });
});

function expectEffects(actual: Float64Array, expected: number[]): void {
  expect(actual).toHaveLength(expected.length);
  expected.forEach((value, channel) => expect(actual[channel]).toBeCloseTo(value, 12));
}

/**
 * Random walks from start in the order-k chain built here from scratch (states keyed by their channel tuple). One
 * walk serves every removal: with c removed, a walk goes as in the full chain until it enters a state holding c, and
 * is then lost, so P(conv without c) is the share of walks that convert without ever holding c.
 */
function simulate(paths: PathSet, order: number, walks: number, seed: number) {
  const counts = new Map<string, Map<string, number>>();
  const count = (from: string, to: string): void => {
    const row = counts.get(from) ?? new Map<string, number>();
    row.set(to, (row.get(to) ?? 0) + 1);
    counts.set(from, row);
  };
  for (let p = 0; p + 1 < paths.offsets.length; p++) {
    const channels = [...paths.channels.subarray(paths.offsets[p], paths.offsets[p + 1])];
    if (channels.length === 0) continue;
    let state = 'start';
    channels.forEach((_, i) => {
      const next = channels.slice(Math.max(0, i - order + 1), i + 1).join(' ');
      count(state, next);
      state = next;
    });
    count(state, paths.converted[p] === 1 ? 'conv' : 'null');
  }

  // Compiled to arrays so that millions of steps stay quick: -1 = conversion, -2 = null.
  const keys = [...counts.keys()];
  const moves = keys.map((key) => {
    const row = [...(counts.get(key) as Map<string, number>)];
    const total = row.reduce((sum, [, n]) => sum + n, 0);
    let cumulative = 0;
    return row.map(([to, n]) => ({
      to: to === 'conv' ? -1 : to === 'null' ? -2 : keys.indexOf(to),
      upTo: (cumulative += n) / total,
    }));
  });
  const heldMask = keys.map((key) =>
    key === 'start' ? 0 : key.split(' ').reduce((mask, channel) => mask | (1 << Number(channel)), 0),
  );

  const random = seeded(seed);
  const withoutChannel = new Float64Array(paths.channelCount);
  if (!counts.has('start')) return { conversion: 0, withoutChannel }; // no path has a touch
  let conversions = 0;
  for (let walk = 0; walk < walks; walk++) {
    let state = keys.indexOf('start');
    let held = 0;
    while (state >= 0) {
      const pick = random();
      const options = moves[state] as { to: number; upTo: number }[];
      state = (options.find((option) => pick < option.upTo) ?? (options[options.length - 1] as { to: number })).to;
      if (state >= 0) held |= heldMask[state] as number;
    }
    if (state !== -1) continue;
    conversions++;
    withoutChannel.forEach((_, channel) => (withoutChannel[channel]! += held & (1 << channel) ? 0 : 1));
  }
  return { conversion: conversions / walks, withoutChannel: withoutChannel.map((n) => n / walks) };
}

function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), state | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
