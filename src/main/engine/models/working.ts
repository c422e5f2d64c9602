import type { MarkovWorking, ModelWorking, ShapleyWorking } from '../../../shared/workingApi';
import type { ModelRunResult } from '../run';
import { pathsOf } from './attribute';
import { markovRemovalEffects } from './markov';
import { float64At, int32At } from '../arrays/read';
import type { PathSet } from './paths';
import { observedSets } from './shapley';

/** Rows of the Markov heat map besides start: the channels with the most visits. */
export const TOP_STATES = 12;
/** Shapley sets listed, most journeys first. */
export const TOP_SETS = 200;

/**
 * The order-1 Markov chain of `paths` as observed (self-loops included, as counted), cut to the start and the top
 * channels by visits, with the conversion probability the model computed and, per channel, the probability with it
 * removed: P(conv) x (1 - RE(c)), by the definition of the removal effect (spec 6).
 */
export function markovWorking(
  paths: PathSet,
  channelNames: readonly string[],
  conversionProbability: number,
  removalEffects: Float64Array,
): MarkovWorking {
  const { channels, offsets, converted, channelCount } = paths;
  const visits = new Float64Array(channelCount);
  for (const channel of channels) visits[channel] = float64At(visits, channel) + 1;
  const ranked = Array.from({ length: channelCount }, (_, c) => c)
    .filter((c) => float64At(visits, c) > 0)
    .sort(
      (a, b) =>
        float64At(visits, b) - float64At(visits, a) ||
        ((channelNames[a] as string) < (channelNames[b] as string) ? -1 : 1),
    );
  const top = ranked.slice(0, TOP_STATES);
  const rowOf = new Int32Array(channelCount).fill(-1);
  top.forEach((channel, i) => (rowOf[channel] = i + 1));
  const columns = top.length;
  // Columns: the top channels, other, conversion, null. Row 0 is start; a channel past the top has no row.
  const OTHER = columns;
  const CONVERSION = columns + 1;
  const NULL = columns + 2;
  const counts = Array.from({ length: columns + 1 }, () => new Array<number>(columns + 3).fill(0));
  const add = (from: number, to: number): void => {
    const row = counts[from];
    if (row) row[to] = (row[to] as number) + 1;
  };
  const columnOf = (channel: number): number => (int32At(rowOf, channel) > 0 ? int32At(rowOf, channel) - 1 : OTHER);
  for (let p = 0; p + 1 < offsets.length; p++) {
    const first = int32At(offsets, p);
    const end = int32At(offsets, p + 1);
    if (end === first) continue;
    let from = 0;
    for (let i = first; i < end; i++) {
      const channel = int32At(channels, i);
      if (from >= 0) add(from, columnOf(channel));
      const row = int32At(rowOf, channel);
      from = row > 0 ? row : -1;
    }
    if (from >= 0) add(from, converted[p] === 1 ? CONVERSION : NULL);
  }
  const probabilities = counts.map((row) => {
    const total = row.reduce((sum, count) => sum + count, 0);
    return row.map((count) => (total > 0 ? count / total : 0));
  });
  const removals = ranked
    .map((c) => ({
      channel: channelNames[c] as string,
      conversionProbability: conversionProbability * (1 - float64At(removalEffects, c)),
      removalEffect: float64At(removalEffects, c),
    }))
    .sort((a, b) => b.removalEffect - a.removalEffect || (a.channel < b.channel ? -1 : 1));
  return {
    kind: 'markov',
    rows: ['start', ...top.map((c) => channelNames[c] as string)],
    columns: [...top.map((c) => channelNames[c] as string), 'other', 'conversion', 'null'],
    counts,
    probabilities,
    conversionProbability,
    removals,
    otherChannels: ranked.length - top.length,
  };
}

/** The observed channel sets of spec 6's Shapley game, most journeys first (then higher rate, then names). */
export function shapleyWorking(paths: PathSet, channelNames: readonly string[]): ShapleyWorking {
  const { members, offsets, rates, journeys, won } = observedSets(paths);
  const sets = Array.from({ length: rates.length }, (_, s) => {
    const names: string[] = [];
    for (let i = int32At(offsets, s); i < int32At(offsets, s + 1); i++)
      names.push(channelNames[int32At(members, i)] as string);
    names.sort();
    return {
      channels: names,
      journeys: float64At(journeys, s),
      won: float64At(won, s),
      conversionRate: float64At(rates, s),
    };
  });
  sets.sort(
    (a, b) =>
      b.journeys - a.journeys ||
      b.conversionRate - a.conversionRate ||
      (a.channels.join('\u0000') < b.channels.join('\u0000') ? -1 : 1),
  );
  return { kind: 'shapley', sets: sets.slice(0, TOP_SETS), setCount: sets.length };
}

/** The working of a run's data-driven model over its journeys (scope and groups applied), or null for other models. */
export function modelWorking(run: ModelRunResult): ModelWorking | null {
  const { data, options, attribution } = run;
  if (options.model !== 'markov' && options.model !== 'shapley') return null;
  const paths = pathsOf(data, attribution.journeys, options.collapseRepeats);
  if (options.model === 'shapley') return shapleyWorking(paths, data.channels.values);
  const { conversionProbability, removalEffects } = markovRemovalEffects(paths, options.markovOrder);
  return markovWorking(paths, data.channels.values, conversionProbability, removalEffects);
}
