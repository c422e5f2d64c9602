import type { PositionWeights } from './modelOptions';
import type { ChannelRanges, RobustnessResult } from './robustness';
import { POSITION_NAMES } from './vocabulary/positions';

/**
 * The words every view of spec 13 uses (the studio, the report, the CLI): a weighting as text, and which channels
 * keep their rank and which can swap places.
 */

/** `FT 32.5, LC 32.5, OC 12.5, CW 12.5, MID 10`, leaving out nothing (a weight at 0 says as much as the others). */
export function formatWeights(weights: PositionWeights): string {
  return POSITION_NAMES.map((name) => `${name} ${Number(weights[name].toFixed(2))}`).join(', ');
}

export type RangeKind = 'weights' | 'models' | 'sampling';

/** The range of one kind for a channel: the ±d weights, the model spread, or the bootstrap interval. */
export function rangeOf(row: ChannelRanges, kind: RangeKind): [number, number] | null {
  if (kind === 'weights')
    return row.weightRange ? [row.weightRange.near.min.value, row.weightRange.near.max.value] : null;
  if (kind === 'models') return [row.modelRange.min.value, row.modelRange.max.value];
  return row.interval ? [row.interval.low, row.interval.high] : null;
}

export interface RankStability {
  /** Channels, in rank order, whose range overlaps neither neighbour's. */
  stable: string[];
  /** Neighbouring channels whose ranges overlap, so that the one below can come out above. */
  swaps: [string, string][];
}

/**
 * Ranks under one kind of range. Only channels credited now or somewhere in the range count (a channel at 0
 * everywhere has no rank to keep). Channel i above j can swap with it when i's least value is below j's greatest;
 * neighbours in the current order are compared, which is where a rank changes first.
 */
export function rankStability(channels: readonly ChannelRanges[], kind: RangeKind): RankStability | null {
  const ranked = channels
    .map((row) => ({ row, range: rangeOf(row, kind) }))
    .filter((entry): entry is { row: ChannelRanges; range: [number, number] } => entry.range !== null)
    .filter(({ row, range }) => row.value > 0 || range[1] > 0)
    .sort((a, b) => b.row.value - a.row.value);
  if (ranked.length === 0) return null;
  const swaps: [string, string][] = [];
  const unstable = new Set<string>();
  for (let i = 0; i + 1 < ranked.length; i++) {
    const upper = ranked[i] as (typeof ranked)[number];
    const lower = ranked[i + 1] as (typeof ranked)[number];
    if (upper.range[0] < lower.range[1]) {
      swaps.push([upper.row.channel, lower.row.channel]);
      unstable.add(upper.row.channel).add(lower.row.channel);
    }
  }
  return { stable: ranked.map(({ row }) => row.channel).filter((name) => !unstable.has(name)), swaps };
}

const KIND_WORDS: Record<RangeKind, (delta: number) => string> = {
  weights: (delta) => `Across weightings within ±${delta} points`,
  models: () => 'Across the built-in models',
  sampling: () => 'Across bootstrap resamples of the deals',
};

/** Plain-words sentences, one per kind of range the result has. */
export function robustnessSummary(result: RobustnessResult): string[] {
  const list = (names: readonly string[]): string =>
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const sentences: string[] = [];
  for (const kind of ['weights', 'models', 'sampling'] as const) {
    const stability = rankStability(result.channels, kind);
    if (stability === null) continue;
    const { stable, swaps } = stability;
    const parts = [
      stable.length > 0 ? `the rank of ${list(stable)} is stable` : 'no channel keeps its rank for sure',
      ...(swaps.length > 0 ? [`${list(swaps.map(([a, b]) => `${a} and ${b}`))} can swap places`] : []),
    ];
    sentences.push(`${KIND_WORDS[kind](result.delta)}, ${parts.join('; ')}.`);
  }
  return sentences;
}
