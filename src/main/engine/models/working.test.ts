import { describe, expect, it } from 'vitest';
import { markovRemovalEffects } from './markov';
import { pathSetFrom } from './paths';
import { markovWorking, shapleyWorking } from './working';

// A = 0, B = 1: A B converts, A alone does not, B B converts.
const PATHS = pathSetFrom(
  [
    { channels: [0, 1], converted: true },
    { channels: [0], converted: false },
    { channels: [1, 1], converted: true },
  ],
  2,
);
const NAMES = ['A', 'B'];

describe('how a data-driven model reached its weights', () => {
  it('shows the Markov transitions as counted, and the conversion odds with each channel removed', () => {
    const { conversionProbability, removalEffects } = markovRemovalEffects(PATHS, 1);
    const working = markovWorking(PATHS, NAMES, conversionProbability, removalEffects);
    // B is visited 3 times, A twice: B first.
    expect(working.rows).toEqual(['start', 'B', 'A']);
    expect(working.columns).toEqual(['B', 'A', 'other', 'conversion', 'null']);
    expect(working.counts).toEqual([
      [1, 2, 0, 0, 0],
      [1, 0, 0, 2, 0],
      [1, 0, 0, 0, 1],
    ]);
    expect(working.probabilities[0]).toEqual([1 / 3, 2 / 3, 0, 0, 0]);
    // P(conv) = 2/3 x 1/2 + 1/3 = 2/3 (B's self-loop cancels); without A 1/3, without B 0.
    expect(working.conversionProbability).toBeCloseTo(2 / 3, 12);
    expect(working.removals.map((r) => [r.channel, r.removalEffect])).toEqual([
      ['B', 1],
      ['A', expect.closeTo(0.5, 12)],
    ]);
    expect(working.removals[1]?.conversionProbability).toBeCloseTo(1 / 3, 12);
    expect(working.otherChannels).toBe(0);
  });

  it('lists the Shapley game’s observed channel sets with their journeys and conversion rates', () => {
    expect(shapleyWorking(PATHS, NAMES)).toEqual({
      kind: 'shapley',
      sets: [
        { channels: ['A', 'B'], journeys: 1, won: 1, conversionRate: 1 },
        { channels: ['B'], journeys: 1, won: 1, conversionRate: 1 },
        { channels: ['A'], journeys: 1, won: 0, conversionRate: 0 },
      ],
      setCount: 3,
    });
  });
});
