import { weightsOf, type ModelOptions } from '../../../shared/modelOptions';
import type { PipelineFigures } from '../../../shared/reportApi';
import { COMMUNITY, type Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import { earliestSources, linkedOpportunities, touchSourcing } from '../models/car/sourcing';
import { channelWeightCredits, linearCredits, positionCredits, timeDecayCredits, type Credits } from '../models/credit';
import { buildPipelineJourneys, journeyRange, type Journeys } from '../models/journeys';
import { runModel, type ModelDataset } from '../run';
import type { AttributionRun } from '../models/attribute';
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
  credits: Credits;
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
  const { options, inScope, journeys, credits, amount, attributed, unattributed, byChannel } = run;
  const untouched: number[] = [];
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    if (end === start) untouched.push(int32At(journeys.opportunity, j));
  }
  return {
    options,
    inScope,
    journeys,
    credits,
    revenue: amount,
    attributed,
    unattributed,
    unattributedOpportunities: untouched,
    byChannel,
  };
}

/** The latest timestamp in the data the engine holds: the default as-of time of spec 11. */
export function latestTime(data: Dataset): number {
  let latest = -Infinity;
  const { opportunities: opps, touches } = data;
  for (let o = 0; o < opps.count; o++) {
    latest = Math.max(latest, float64At(opps.createdAt, o));
    const closed = float64At(opps.closedAt, o);
    if (!Number.isNaN(closed)) latest = Math.max(latest, closed);
  }
  for (let t = 0; t < touches.count; t++) latest = Math.max(latest, float64At(touches.occurredAt, t));
  return latest === -Infinity ? 0 : latest;
}

/**
 * Attributed, community-attributed, influenced and sourced pipeline of the in-scope open deals (spec 11). Their
 * journeys end at the as-of time (default: the latest timestamp in the data) and have no CW; each is credited with
 * its amount by the model. Data-driven models credit them with the channel weights learned from the in-scope won
 * and lost journeys (open journeys are neither converting nor null paths). An open deal without an amount counts as
 * 0 and is reported as unvalued: the engine holds amounts only, so an open deal of amount 0 is counted as unvalued
 * (a choice: an explicit 0 and a blank say the same about pipeline).
 */
export function runPipeline(dataset: ModelDataset, options: ModelOptions, asOfGiven?: number): PipelineRun {
  const data = dataset.grouping ? groupedDataset(dataset.data, dataset.grouping) : dataset.data;
  const asOf = asOfGiven ?? latestTime(data);
  const opps = data.opportunities;
  const mask = scopeMask(data, options.scope, dataset.fields ?? NO_CUSTOM_FIELDS);
  const all = buildPipelineJourneys(data, options, asOf);
  const journeys = mask === null ? all : scopeJourneys(all, mask);
  const credits = pipelineCredits(dataset, data, journeys, options);

  let openDeals = 0;
  let unvaluedDeals = 0;
  let amount = 0;
  const inPipeline = new Uint8Array(opps.count);
  for (let j = 0; j < journeys.count; j++) inPipeline[int32At(journeys.opportunity, j)] = 1;
  for (let o = 0; o < opps.count; o++) {
    if (!inPipeline[o]) continue;
    openDeals++;
    const value = float64At(opps.amount, o);
    amount += value;
    if (value === 0) unvaluedDeals++;
  }
  const perChannel = new Float64Array(data.channels.size);
  let attributed = 0;
  let unattributed = 0;
  const car = { attributed: 0, influenced: 0, sourced: 0 };
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    const { start, end } = journeyRange(journeys, j);
    if (end === start) unattributed += float64At(opps.amount, o);
    let community = false;
    for (let k = start; k < end; k++) {
      const credit = float64At(credits, k);
      const touch = int32At(journeys.touch, k);
      const channel = int32At(data.touches.channel, touch);
      attributed += credit;
      perChannel[channel] = float64At(perChannel, channel) + credit;
      if (uint8At(data.touches.kind, touch) === COMMUNITY) {
        community = true;
        car.attributed += credit;
      }
    }
    if (community) car.influenced += float64At(opps.amount, o);
  }
  // spec 7 sourced, for open deals: a community FT/OC, or a link whose action is at or before the as-of time.
  const links = linkedOpportunities(data, dataset.community, options.referralWindowDays).filter(
    (link) => inPipeline[link.opportunity] === 1 && link.at <= asOf,
  );
  for (const o of earliestSources([...touchSourcing(data, journeys), ...links]).keys()) {
    car.sourced += float64At(opps.amount, o);
  }
  const byChannel = data.channels.values
    .map((channel, c) => ({ channel, credit: float64At(perChannel, c) }))
    .sort((a, b) => b.credit - a.credit || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  return {
    options,
    data,
    asOf,
    inScope: mask,
    journeys,
    credits,
    openDeals,
    unvaluedDeals,
    amount,
    attributed,
    unattributed,
    byChannel,
    car,
  };
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
