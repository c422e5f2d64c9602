import { TributaryError } from '../../../shared/errors';
import { weightsOf, type ModelOptions, type PositionWeights } from '../../../shared/modelOptions';
import { isWon, type Dataset } from '../arrays/dataset';
import { channelWeightCredits, linearCredits, positionCredits, timeDecayCredits } from './credit';
import { buildJourneys, journeyRange, type Journeys } from './journeys';
import { markovRemovalEffects } from './markov';
import type { PathSet } from './paths';
import { channelDimension, viewDimensions } from './dimensions';
import { evaluate, linearSums, patternBasis, positionFactors, prepareSums } from './patterns';
import { shapleyValues } from './shapley';
import { float64At, int32At } from '../arrays/read';

/** One model run over a dataset: credits per journey touch and the totals every view starts from. */
export interface AttributionRun {
  options: ModelOptions;
  /** The in-scope opportunities (spec 9), 1 each; null when the scope selects every one. */
  inScope: Uint8Array | null;
  /** The journeys of the in-scope opportunities. */
  journeys: Journeys;
  /**
   * Aligned with journeys.touch. A position model's run computes them on first read: its aggregates come from the
   * presence-pattern sums (spec 8, `linear`), so a weight change reads no touch unless a view asks for per-touch
   * credits (a journey, an export).
   */
  credits: Float64Array;
  /** A position model's factors per (pattern, slot) of its journeys (models/patterns.ts); absent for other models. */
  linear?: { factors: Float64Array };
  /** Won revenue (spec 2), attributed (on touches) and unattributed (won deals with no touch, spec 5). */
  revenue: number;
  attributed: number;
  unattributed: number;
  /** Opportunity indexes of won deals with no touch. */
  unattributedOpportunities: number[];
  /** Credit per channel, largest first, ties by name. */
  byChannel: { channel: string; credit: number }[];
  /** The data-driven models' channel weights (spec 6), by channel name, for comparison with other tools. */
  removalEffects?: Record<string, number>;
  shapleyValues?: Record<string, number>;
}

/** Journeys depend only on these options (spec 8): runs that share them can share journeys. */
export function journeyKey(options: ModelOptions): string {
  return `${options.lookbackDays}/${options.upgradePolicy}`;
}

/**
 * Credits the journeys given (all of them, or an in-scope subset with `inScope` saying which opportunities the scope
 * holds: spec 9) and sums what every view starts from over the in-scope won deals. Data-driven models learn from the
 * journeys given, so from the in-scope won and lost ones.
 */
export function attribute(
  data: Dataset,
  options: ModelOptions,
  cached?: Journeys,
  inScope: Uint8Array | null = null,
): AttributionRun {
  const journeys = cached ?? buildJourneys(data, options);
  const totals = wonTotals(data, journeys, inScope);
  const weights = weightsOf(options);
  if (weights) {
    return positionRun(data, options, journeys, inScope, weights, totals);
  }
  const { credits, removalEffects, shapley } = creditsFor(data, journeys, options);
  const perChannel = new Float64Array(data.channels.size);
  let attributed = 0;
  for (let k = 0; k < credits.length; k++) {
    const credit = float64At(credits, k);
    attributed += credit;
    const channel = int32At(data.touches.channel, int32At(journeys.touch, k));
    perChannel[channel] = float64At(perChannel, channel) + credit;
  }
  const run: AttributionRun = {
    options,
    inScope,
    journeys,
    credits,
    ...totals,
    attributed,
    byChannel: channelList(data, perChannel),
  };
  if (removalEffects) run.removalEffects = byName(data, removalEffects);
  if (shapley) run.shapleyValues = byName(data, shapley);
  return run;
}

type WonTotals = Pick<AttributionRun, 'revenue' | 'unattributed' | 'unattributedOpportunities'>;

/** Kept per journeys (a scope's journeys are its own object): no weight or model changes them. */
const totalsCache = new WeakMap<Journeys, WonTotals>();

/** Won revenue in scope, and the won deals with no touch (spec 5: unattributed). */
function wonTotals(data: Dataset, journeys: Journeys, inScope: Uint8Array | null): WonTotals {
  const kept = totalsCache.get(journeys);
  if (kept) return kept;
  const opps = data.opportunities;
  const counted = (o: number): boolean => isWon(opps, o) && (inScope === null || inScope[o] === 1);
  let revenue = 0;
  for (let o = 0; o < opps.count; o++) if (counted(o)) revenue += float64At(opps.amount, o);
  const unattributedOpportunities: number[] = [];
  const touched = new Uint8Array(opps.count);
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    if (end > start) touched[int32At(journeys.opportunity, j)] = 1;
  }
  let unattributed = 0;
  for (let o = 0; o < opps.count; o++) {
    if (counted(o) && !touched[o]) {
      unattributedOpportunities.push(o);
      unattributed += float64At(opps.amount, o);
    }
  }
  const totals = { revenue, unattributed, unattributedOpportunities };
  totalsCache.set(journeys, totals);
  return totals;
}

/**
 * A position model's run (spec 5), its totals from the presence-pattern sums (spec 8) and its per-touch credits
 * computed only when read.
 */
function positionRun(
  data: Dataset,
  options: ModelOptions,
  journeys: Journeys,
  inScope: Uint8Array | null,
  weights: PositionWeights,
  totals: WonTotals,
): AttributionRun {
  const factors = positionFactors(patternBasis(data, journeys), weights);
  prepareSums(data, journeys, viewDimensions(data));
  const perChannel = evaluate(linearSums(data, journeys, channelDimension(data)), factors);
  let attributed = 0;
  for (let c = 0; c < perChannel.length; c++) attributed += float64At(perChannel, c);
  let credits: Float64Array | undefined;
  return {
    options,
    inScope,
    journeys,
    get credits() {
      return (credits ??= positionCredits(data, journeys, weights));
    },
    linear: { factors },
    ...totals,
    attributed,
    byChannel: channelList(data, perChannel),
  };
}

/** Credit by channel as a list, largest first, ties by name. */
export function channelList(data: Dataset, perChannel: Float64Array): { channel: string; credit: number }[] {
  return data.channels.values
    .map((channel, c) => ({ channel, credit: float64At(perChannel, c) }))
    .sort((a, b) => b.credit - a.credit || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
}

function creditsFor(
  data: Dataset,
  journeys: Journeys,
  options: ModelOptions,
): { credits: Float64Array; removalEffects?: Float64Array; shapley?: Float64Array } {
  switch (options.model) {
    case 'linear':
      return { credits: linearCredits(data, journeys) };
    case 'time-decay':
      return { credits: timeDecayCredits(data, journeys, options.halfLifeDays) };
    case 'markov': {
      const effects = tooLargeAsBadRequest(() =>
        markovRemovalEffects(pathsOf(data, journeys, options.collapseRepeats), options.markovOrder),
      );
      return {
        credits: channelWeightCredits(data, journeys, effects.removalEffects),
        removalEffects: effects.removalEffects,
      };
    }
    case 'shapley': {
      const values = shapleyValues(pathsOf(data, journeys, options.collapseRepeats)).values;
      return { credits: channelWeightCredits(data, journeys, values), shapley: values };
    }
    default: {
      const weights = weightsOf(options);
      if (!weights) throw new Error(`No weights for model ${options.model}`);
      return { credits: positionCredits(data, journeys, weights) };
    }
  }
}

/** A chain too large to solve is the user's choice of order on this data: a bad request, said plainly. */
function tooLargeAsBadRequest<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof RangeError) throw new TributaryError('bad_request', error.message);
    throw error;
  }
}

/**
 * Paths of spec 6: each won or lost journey with a touch as its sequence of channels; won = converting. With
 * `collapseRepeats`, consecutive touches on one channel count once.
 */
export function pathsOf(data: Dataset, journeys: Journeys, collapseRepeats: boolean): PathSet {
  // Typed arrays filled in place (no path is longer than its journey): arrays of numbers pushed for five million
  // touches, then copied, were a second of a Markov run at a million small journeys.
  const channels = new Int32Array(journeys.touch.length);
  const offsets = new Int32Array(journeys.count + 1);
  const converted = new Uint8Array(journeys.count);
  let paths = 0;
  let n = 0;
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    if (end === start) continue;
    let previous = -1;
    for (let k = start; k < end; k++) {
      const channel = int32At(data.touches.channel, int32At(journeys.touch, k));
      if (!(collapseRepeats && channel === previous)) channels[n++] = channel;
      previous = channel;
    }
    converted[paths] = isWon(data.opportunities, int32At(journeys.opportunity, j)) ? 1 : 0;
    offsets[++paths] = n;
  }
  return {
    channelCount: data.channels.size,
    channels: channels.slice(0, n),
    offsets: offsets.slice(0, paths + 1),
    converted: converted.slice(0, paths),
  };
}

function byName(data: Dataset, values: Float64Array): Record<string, number> {
  const names = data.channels.values.map((name, c) => [name, values[c] ?? 0] as const);
  names.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(names);
}
