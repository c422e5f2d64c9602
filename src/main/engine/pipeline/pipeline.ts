import { weightsOf, type ModelOptions } from '../../../shared/modelOptions';
import type { PipelineFigures } from '../../../shared/reportApi';
import { COMMUNITY, type Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import { earliestSources, linkedOpportunities, touchSourcing } from '../models/car/sourcing';
import { channelWeightCredits, linearCredits, positionCredits, timeDecayCredits, type Credits } from '../models/credit';
import { buildPipelineJourneys, journeyRange, type Journeys } from '../models/journeys';
import { channelDimension, touchKindDimension, viewDimensions } from '../models/dimensions';
import { evaluate, linearSums, patternBasis, positionFactors, prepareSums } from '../models/patterns';
import { runModel, type ModelDataset } from '../run';
import { channelList, journeyKey, type AttributionRun } from '../models/attribute';
import { scopeJourneys, scopeMask, NO_CUSTOM_FIELDS } from '../scope/scope';
import { groupedDataset } from '../groups/channelGroups';

/** A pipeline run: its figures, and the credited journeys they come from (for the credits CSV). */
export interface PipelineRun extends PipelineFigures {
  options: ModelOptions;
  data: Dataset;
  /** The as-of time, UTC milliseconds. */
  asOf: number;
  /** The in-scope opportunities (spec 9), null when the scope selects every one. */
  inScope: Uint8Array | null;
  journeys: Journeys;
  /** Per journey touch; a position model's are computed when first read, as a revenue run's (models/attribute.ts). */
  credits: Credits;
  /** A position model's factors per (pattern, slot) of the journeys (models/patterns.ts); absent for other models. */
  linear?: { factors: Float64Array };
  /** Open deals in scope with no touch by the as-of time. */
  untouched: number[];
}

/** The figures of a pipeline run alone (spec 11), without the arrays they come from: what the API sends. */
export function pipelineFigures(run: PipelineRun): PipelineFigures {
  const { openDeals, unvaluedDeals, amount, attributed, unattributed, byChannel, car } = run;
  return { openDeals, unvaluedDeals, amount, attributed, unattributed, byChannel, car };
}

/**
 * A pipeline run in the shape of a revenue run, for the views that take one (the flows chart, its filter, the
 * credit breakdowns): they credit every pipeline journey (isCredited), and the pipeline stands where won revenue
 * does, under its own name.
 */
export function pipelineAttribution(run: PipelineRun): AttributionRun {
  const { options, inScope, journeys, amount, attributed, unattributed, byChannel, untouched, linear } = run;
  return {
    options,
    inScope,
    journeys,
    get credits() {
      return run.credits;
    },
    ...(linear ? { linear } : {}),
    revenue: amount,
    attributed,
    unattributed,
    unattributedOpportunities: untouched,
    byChannel,
  };
}

const latestCache = new WeakMap<Dataset, number>();

/** The latest timestamp in the data the engine holds: the default as-of time of spec 11. Kept per dataset. */
export function latestTime(data: Dataset): number {
  const kept = latestCache.get(data);
  if (kept !== undefined) return kept;
  let latest = -Infinity;
  const { opportunities: opps, touches } = data;
  for (let o = 0; o < opps.count; o++) {
    latest = Math.max(latest, float64At(opps.createdAt, o));
    const closed = float64At(opps.closedAt, o);
    if (!Number.isNaN(closed)) latest = Math.max(latest, closed);
  }
  for (let t = 0; t < touches.count; t++) latest = Math.max(latest, float64At(touches.occurredAt, t));
  const time = latest === -Infinity ? 0 : latest;
  latestCache.set(data, time);
  return time;
}

/**
 * Attributed, community-attributed, influenced and sourced pipeline of the in-scope open deals (spec 11). Their
 * journeys end at the as-of time (default: the latest timestamp in the data) and have no CW; each is credited with
 * its amount by the model. Data-driven models credit them with the channel weights learned from the in-scope won
 * and lost journeys (open journeys are neither converting nor null paths). An open deal without an amount counts as
 * 0 and is reported as unvalued: the engine holds amounts only, so an open deal of amount 0 is counted as unvalued
 * (a choice: an explicit 0 and a blank say the same about pipeline).
 *
 * What no weight changes (the journeys, the deals, influenced and sourced) is kept per dataset, journey options,
 * as-of time and scope; a position model's credit then comes from the presence-pattern sums (spec 8), so a weight
 * move in pipeline mode reads no touch, as in revenue mode.
 */
export function runPipeline(dataset: ModelDataset, options: ModelOptions, asOfGiven?: number): PipelineRun {
  const data = dataset.grouping ? groupedDataset(dataset.data, dataset.grouping) : dataset.data;
  const asOf = asOfGiven ?? latestTime(data);
  const base = pipelineBase(dataset, data, options, asOf);
  const { journeys } = base;
  const weights = weightsOf(options);
  const figures = { options, data, asOf, inScope: base.mask, journeys, untouched: base.untouched };
  const counts = {
    openDeals: base.openDeals,
    unvaluedDeals: base.unvaluedDeals,
    amount: base.amount,
    unattributed: base.unattributed,
  };
  const car = (attributed: number) => ({ attributed, influenced: base.influenced, sourced: base.sourced });
  if (weights) {
    const factors = positionFactors(patternBasis(data, journeys), weights);
    // Every view's sums in one pass over the touches, as a revenue run does (models/attribute.ts).
    prepareSums(data, journeys, viewDimensions(data));
    const perChannel = evaluate(linearSums(data, journeys, channelDimension(data)), factors);
    const perKind = evaluate(linearSums(data, journeys, touchKindDimension(data)), factors);
    let credits: Credits | undefined;
    return {
      ...figures,
      get credits() {
        return (credits ??= positionCredits(data, journeys, weights));
      },
      linear: { factors },
      ...counts,
      attributed: sumOf(perChannel),
      byChannel: channelList(data, perChannel),
      car: car(float64At(perKind, COMMUNITY)),
    };
  }
  const credits = pipelineCredits(dataset, data, journeys, options);
  const perChannel = new Float64Array(data.channels.size);
  let community = 0;
  for (let k = 0; k < credits.length; k++) {
    const credit = float64At(credits, k);
    const touch = int32At(journeys.touch, k);
    const channel = int32At(data.touches.channel, touch);
    perChannel[channel] = float64At(perChannel, channel) + credit;
    if (uint8At(data.touches.kind, touch) === COMMUNITY) community += credit;
  }
  return {
    ...figures,
    credits,
    ...counts,
    attributed: sumOf(perChannel),
    byChannel: channelList(data, perChannel),
    car: car(community),
  };
}

/** What a pipeline run's figures hold that no weight or model changes. */
interface PipelineBase {
  mask: Uint8Array | null;
  journeys: Journeys;
  openDeals: number;
  unvaluedDeals: number;
  amount: number;
  unattributed: number;
  untouched: number[];
  influenced: number;
  sourced: number;
}

/** Bases kept per dataset: the last few (as-of dates, scopes, journey options) a user moves between. */
const KEEP_BASES = 8;
const baseCache = new WeakMap<Dataset, Map<string, PipelineBase>>();

function pipelineBase(dataset: ModelDataset, data: Dataset, options: ModelOptions, asOf: number): PipelineBase {
  const key = JSON.stringify([journeyKey(options), asOf, options.referralWindowDays, options.scope]);
  let bases = baseCache.get(data);
  if (!bases) baseCache.set(data, (bases = new Map()));
  let base = bases.get(key);
  if (!base) {
    base = computeBase(dataset, data, options, asOf);
    if (bases.size >= KEEP_BASES) bases.delete(bases.keys().next().value as string);
    bases.set(key, base);
  }
  return base;
}

function computeBase(dataset: ModelDataset, data: Dataset, options: ModelOptions, asOf: number): PipelineBase {
  const opps = data.opportunities;
  const mask = scopeMask(data, options.scope, dataset.fields ?? NO_CUSTOM_FIELDS);
  const all = buildPipelineJourneys(data, options, asOf);
  const journeys = mask === null ? all : scopeJourneys(all, mask);
  let openDeals = 0;
  let unvaluedDeals = 0;
  let amount = 0;
  let unattributed = 0;
  let influenced = 0;
  const untouched: number[] = [];
  const inPipeline = new Uint8Array(opps.count);
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    inPipeline[o] = 1;
    const value = float64At(opps.amount, o);
    openDeals++;
    amount += value;
    if (value === 0) unvaluedDeals++;
    const { start, end } = journeyRange(journeys, j);
    if (end === start) {
      unattributed += value;
      untouched.push(o);
    }
    for (let k = start; k < end; k++) {
      if (uint8At(data.touches.kind, int32At(journeys.touch, k)) === COMMUNITY) {
        influenced += value;
        break;
      }
    }
  }
  // spec 7 sourced, for open deals: a community FT/OC, or a link whose action is at or before the as-of time.
  const links = linkedOpportunities(data, dataset.community, options.referralWindowDays).filter(
    (link) => inPipeline[link.opportunity] === 1 && link.at <= asOf,
  );
  let sourced = 0;
  for (const o of earliestSources([...touchSourcing(data, journeys), ...links]).keys()) {
    sourced += float64At(opps.amount, o);
  }
  return { mask, journeys, openDeals, unvaluedDeals, amount, unattributed, untouched, influenced, sourced };
}

function sumOf(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += float64At(values, i);
  return sum;
}

function pipelineCredits(dataset: ModelDataset, data: Dataset, journeys: Journeys, options: ModelOptions): Credits {
  switch (options.model) {
    case 'linear':
      return linearCredits(data, journeys);
    case 'time-decay':
      return timeDecayCredits(data, journeys, options.halfLifeDays);
    case 'markov':
    case 'shapley': {
      // The weights the revenue run learned from the in-scope won and lost journeys, by reported channel.
      const { attribution } = runModel(dataset, options);
      const byName = attribution.removalEffects ?? attribution.shapleyValues ?? {};
      const weights = Float64Array.from(data.channels.values, (channel) => byName[channel] ?? 0);
      return channelWeightCredits(data, journeys, weights);
    }
    default: {
      const weights = weightsOf(options);
      if (!weights) throw new Error(`No weights for model ${options.model}`);
      return positionCredits(data, journeys, weights);
    }
  }
}
