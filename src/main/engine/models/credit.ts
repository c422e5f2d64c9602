import type { PositionWeights } from '../../../shared/modelOptions';
import type { Dataset } from '../arrays/dataset';
import { CW, FT, LC, MID, OC, type Journeys } from './journeys';

/**
 * Credits per journey touch, in currency, aligned with `journeys.touch`. Only won journeys get credit (spec 2): a
 * lost journey's touches get 0. Every won journey with a touch sums to its amount (spec 5).
 */
export type Credits = Float64Array;

const DAY_MS = 86_400_000;

function isWon(data: Dataset, journeys: Journeys, j: number): boolean {
  return data.opportunities.stage[journeys.opportunity[j] as number] === 0;
}

/**
 * Position models (spec 5): each present position gets its weight's share of the weights of the positions present
 * (the weight of a missing position is spread over the present ones in proportion to theirs); middle touches share
 * MID equally; a touch's credits add over the positions it holds. If every present position weighs 0, the journey
 * is split equally over its touches.
 */
export function positionCredits(data: Dataset, journeys: Journeys, w: PositionWeights): Credits {
  const credits = new Float64Array(journeys.touch.length);
  for (let j = 0; j < journeys.count; j++) {
    if (!isWon(data, journeys, j)) continue;
    const s = journeys.start[j] as number;
    const e = journeys.start[j + 1] as number;
    if (e === s) continue;
    const amount = data.opportunities.amount[journeys.opportunity[j] as number] as number;
    let present = 0;
    let middles = 0;
    for (let k = s; k < e; k++) {
      const p = journeys.positions[k] as number;
      present |= p;
      if (p & MID) middles++;
    }
    const total =
      (present & FT ? w.FT : 0) +
      (present & LC ? w.LC : 0) +
      (present & OC ? w.OC : 0) +
      (present & CW ? w.CW : 0) +
      (present & MID ? w.MID : 0);
    for (let k = s; k < e; k++) {
      if (total === 0) {
        credits[k] = amount / (e - s);
        continue;
      }
      const p = journeys.positions[k] as number;
      const share =
        (p & FT ? w.FT : 0) +
        (p & LC ? w.LC : 0) +
        (p & OC ? w.OC : 0) +
        (p & CW ? w.CW : 0) +
        (p & MID ? w.MID / middles : 0);
      credits[k] = (amount * share) / total;
    }
  }
  return credits;
}

/** `linear` (spec 5): equal credit to every touch. */
export function linearCredits(data: Dataset, journeys: Journeys): Credits {
  return weightedCredits(data, journeys, () => 1);
}

/** `time-decay` (spec 5): weight 2^(-(closed_at - occurred_at) / half_life), normalised per journey. */
export function timeDecayCredits(data: Dataset, journeys: Journeys, halfLifeDays: number): Credits {
  const halfLife = halfLifeDays * DAY_MS;
  const { occurredAt } = data.touches;
  return weightedCredits(data, journeys, (touch, closedAt) =>
    Math.pow(2, -(closedAt - (occurredAt[touch] as number)) / halfLife),
  );
}

function weightedCredits(
  data: Dataset,
  journeys: Journeys,
  weightOf: (touch: number, closedAt: number) => number,
): Credits {
  const credits = new Float64Array(journeys.touch.length);
  for (let j = 0; j < journeys.count; j++) {
    if (!isWon(data, journeys, j)) continue;
    const s = journeys.start[j] as number;
    const e = journeys.start[j + 1] as number;
    if (e === s) continue;
    const o = journeys.opportunity[j] as number;
    const amount = data.opportunities.amount[o] as number;
    const closedAt = data.opportunities.closedAt[o] as number;
    let total = 0;
    for (let k = s; k < e; k++) {
      const weight = weightOf(journeys.touch[k] as number, closedAt);
      credits[k] = weight;
      total += weight;
    }
    // A touch long before the close can underflow to 0: then the journey splits equally.
    for (let k = s; k < e; k++) credits[k] = total > 0 ? (amount * (credits[k] as number)) / total : amount / (e - s);
  }
  return credits;
}

/**
 * Data-driven credit (spec 6): each won journey's amount is split over the channels present in it in proportion to
 * the channels' weights (negatives count as 0; equally if all are 0), and a channel's share equally over its touches
 * in that journey.
 */
export function channelWeightCredits(data: Dataset, journeys: Journeys, channelWeights: Float64Array): Credits {
  const credits = new Float64Array(journeys.touch.length);
  const { channel } = data.touches;
  const touchesOf = new Float64Array(channelWeights.length);
  for (let j = 0; j < journeys.count; j++) {
    if (!isWon(data, journeys, j)) continue;
    const s = journeys.start[j] as number;
    const e = journeys.start[j + 1] as number;
    if (e === s) continue;
    const amount = data.opportunities.amount[journeys.opportunity[j] as number] as number;
    let total = 0;
    let channels = 0;
    for (let k = s; k < e; k++) {
      const c = channel[journeys.touch[k] as number] as number;
      if (touchesOf[c] === 0) {
        total += Math.max(0, channelWeights[c] ?? 0);
        channels++;
      }
      touchesOf[c] = (touchesOf[c] as number) + 1;
    }
    for (let k = s; k < e; k++) {
      const c = channel[journeys.touch[k] as number] as number;
      const share = total > 0 ? Math.max(0, channelWeights[c] ?? 0) / total : 1 / channels;
      credits[k] = (amount * share) / (touchesOf[c] as number);
    }
    for (let k = s; k < e; k++) touchesOf[channel[journeys.touch[k] as number] as number] = 0;
  }
  return credits;
}
