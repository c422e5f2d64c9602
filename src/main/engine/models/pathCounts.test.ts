import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pathSetsArbitrary, type Path } from '../../../../test/engine/pathSets';
import { markovRemovalEffects } from './markov';
import { pathSetFrom, type PathSet } from './paths';
import { shapleyValues } from './shapley';

/** The distinct (path, outcome) pairs with how many journeys each stands for: a path summary, in first-seen order. */
function summarised(paths: Path[], channelCount: number): PathSet {
  const groups = new Map<string, { path: Path; count: number }>();
  for (const path of paths) {
    if (path.channels.length === 0) continue;
    const key = JSON.stringify(path);
    const group = groups.get(key);
    if (group) group.count++;
    else groups.set(key, { path, count: 1 });
  }
  const set = pathSetFrom(
    [...groups.values()].map(({ path }) => path),
    channelCount,
  );
  return { ...set, counts: Float64Array.from(groups.values(), ({ count }) => count) };
}

describe('paths with counts (a path summary)', () => {
  it('give the Markov removal effects and Shapley values of the journeys they count', () => {
    fc.assert(
      fc.property(
        pathSetsArbitrary({ maxChannels: 5 }),
        fc.integer({ min: 1, max: 3 }),
        ({ channelCount, paths }, order) => {
          const journeys = pathSetFrom(paths, channelCount);
          const summary = summarised(paths, channelCount);
          const markov = markovRemovalEffects(summary, order);
          const expected = markovRemovalEffects(journeys, order);
          expect(markov.conversionProbability).toBeCloseTo(expected.conversionProbability, 12);
          markov.removalEffects.forEach((effect, c) =>
            expect(effect).toBeCloseTo(expected.removalEffects[c] as number, 12),
          );
          expect(shapleyValues(summary).values).toEqual(shapleyValues(journeys).values);
        },
      ),
    );
  });

  it('refuses a count that stands for no journey', () => {
    const set = pathSetFrom([{ channels: [0], converted: true }], 1);
    expect(() => shapleyValues({ ...set, counts: Float64Array.of(0) })).toThrow(/count must be positive/);
  });
});
