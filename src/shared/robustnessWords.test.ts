import { describe, expect, it } from 'vitest';
import type { ChannelRanges, RobustnessResult } from './robustness';
import { formatWeights, rankStability, robustnessSummary } from './robustnessWords';

const W = { FT: 22.5, LC: 22.5, OC: 22.5, CW: 22.5, MID: 10 };

/** A channel whose value is `value`, its weight band [low, high] and its models' spread [mlow, mhigh]. */
function channel(name: string, value: number, [low, high]: [number, number], [mlow, mhigh]: [number, number]) {
  return {
    channel: name,
    value,
    weightRange: {
      near: { min: { value: low, weights: W }, max: { value: high, weights: W } },
      all: { min: { value: 0, weights: W }, max: { value: 1000, weights: W } },
    },
    modelRange: { min: { value: mlow, model: 'first-touch' }, max: { value: mhigh, model: 'last-touch' } },
  } satisfies ChannelRanges;
}

const CHANNELS = [
  channel('email', 500, [450, 560], [300, 700]),
  channel('content', 400, [380, 430], [200, 600]),
  channel('webinar', 350, [300, 390], [100, 450]),
  channel('ads', 100, [90, 120], [50, 400]),
  channel('never', 0, [0, 0], [0, 0]),
];

describe('rank stability (spec 13, the plain-words summary)', () => {
  it('reads neighbours whose ranges overlap as one run, and the others as keeping their rank', () => {
    // email's least (450) is above content's greatest (430): email keeps first place; content and webinar overlap.
    expect(rankStability(CHANNELS, 'weights')).toEqual({ stable: ['email', 'ads'], chains: [['content', 'webinar']] });
    // Across models every neighbour overlaps: one run of the four credited channels; the one never credited is out.
    expect(rankStability(CHANNELS, 'models')).toEqual({ stable: [], chains: [['email', 'content', 'webinar', 'ads']] });
    expect(rankStability(CHANNELS, 'sampling')).toBeNull();
  });

  it('says it in words, one sentence per range that ran', () => {
    const result = { delta: 10, channels: CHANNELS } as unknown as RobustnessResult;
    expect(robustnessSummary(result)).toEqual([
      'Across weightings within ±10 points, among the top channels: email and ads keep their rank; content and webinar can trade places.',
      'Across the built-in models, among the top channels: email, content, webinar and ads can trade places.',
    ]);
    expect(formatWeights({ FT: 32.5, LC: 0, OC: 12.5, CW: 45, MID: 10 })).toBe('FT 32.5, LC 0, OC 12.5, CW 45, MID 10');
  });
});
