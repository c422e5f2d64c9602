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
  /** Runs of neighbouring channels whose ranges overlap one to the next, so their order can change. */
  chains: string[][];
}

/** How many of the top channels the summary reads: the ones a board asks about. */
export const SUMMARY_TOP_CHANNELS = 6;

/**
 * Ranks of the top channels under one kind of range. Only channels credited now or somewhere in the range count (a
 * channel at 0 everywhere has no rank to keep). Channel i above j can swap with it when i's least value is below j's
 * greatest; neighbours in the current order are compared, which is where a rank changes first, and neighbours that
 * can swap are read as one run ("email, content and webinar can trade places").
 */
export function rankStability(
  channels: readonly ChannelRanges[],
  kind: RangeKind,
  top = SUMMARY_TOP_CHANNELS,
): RankStability | null {
  const ranked = channels
    .map((row) => ({ row, range: rangeOf(row, kind) }))
    .filter((entry): entry is { row: ChannelRanges; range: [number, number] } => entry.range !== null)
    .filter(({ row, range }) => row.value > 0 || range[1] > 0)
    .sort((a, b) => b.row.value - a.row.value)
    .slice(0, top);
  if (ranked.length === 0) return null;
  const chains: string[][] = [];
  let chain: string[] = [];
  for (let i = 0; i < ranked.length; i++) {
    const entry = ranked[i] as (typeof ranked)[number];
    const next = ranked[i + 1];
    if (chain.length === 0) chain.push(entry.row.channel);
    if (next && entry.range[0] < next.range[1]) chain.push(next.row.channel);
    else {
      if (chain.length > 1) chains.push(chain);
      chain = [];
    }
  }
  const unstable = new Set(chains.flat());
  return { stable: ranked.map(({ row }) => row.channel).filter((name) => !unstable.has(name)), chains };
}

const KIND_WORDS: Record<RangeKind, (delta: number) => string> = {
  weights: (delta) => `Across weightings within ±${delta} points`,
  models: () => 'Across the built-in models',
  sampling: () => 'Across bootstrap resamples of the deals',
};

/** Plain-words sentences, one per kind of range the result has, about its top channels. */
export function robustnessSummary(result: RobustnessResult): string[] {
  const list = (names: readonly string[]): string =>
    names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const sentences: string[] = [];
  for (const kind of ['weights', 'models', 'sampling'] as const) {
    const stability = rankStability(result.channels, kind);
    if (stability === null) continue;
    const { stable, chains } = stability;
    const parts = [
      ...(stable.length > 0 ? [`${list(stable)} keep${stable.length === 1 ? 's its' : ' their'} rank`] : []),
      ...chains.map((chain) => `${list(chain)} can trade places`),
    ];
    sentences.push(`${KIND_WORDS[kind](result.delta)}, among the top channels: ${parts.join('; ')}.`);
  }
  return sentences;
}
