import type { PositionWeights } from '../../../shared/modelOptions';
import type { Dataset } from '../arrays/dataset';
import { CW, FT, isCredited, journeyEnd, journeyRange, LC, MID, OC, type Journeys } from './journeys';
import { float64At, int32At, uint8At } from '../arrays/read';

/**
 * Credits per journey touch, in currency, aligned with `journeys.touch`. Only won journeys get credit (spec 2): a
 * lost journey's touches get 0. Every won journey with a touch sums to its amount (spec 5).
 */
export type Credits = Float64Array;

const DAY_MS = 86_400_000;

/**
 * Position models (spec 5): each present position gets its weight's share of the weights of the positions present
 * (the weight of a missing position is spread over the present ones in proportion to theirs); middle touches share
 * MID equally; a touch's credits add over the positions it holds. If every present position weighs 0, the journey
 * is split equally over its touches.
 */
export function positionCredits(data: Dataset, journeys: Journeys, w: PositionWeights): Credits {
  const credits = new Float64Array(journeys.touch.length);
  for (let j = 0; j < journeys.count; j++) {
    if (!isCredited(data, journeys, j)) continue;
    const { start, end } = journeyRange(journeys, j);
    if (end === start) continue;
    const amount = float64At(data.opportunities.amount, int32At(journeys.opportunity, j));
    let present = 0;
    let middles = 0;
    for (let k = start; k < end; k++) {
      const p = uint8At(journeys.positions, k);
      present |= p;
      if (p & MID) middles++;
    }
    const total =
      (present & FT ? w.FT : 0) +
      (present & LC ? w.LC : 0) +
      (present & OC ? w.OC : 0) +
      (present & CW ? w.CW : 0) +
      (present & MID ? w.MID : 0);
    for (let k = start; k < end; k++) {
      if (total === 0) {
        credits[k] = amount / (end - start);
        continue;
      }
      const p = uint8At(journeys.positions, k);
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
    Math.pow(2, -(closedAt - float64At(occurredAt, touch)) / halfLife),
  );
}

function weightedCredits(
  data: Dataset,
  journeys: Journeys,
  weightOf: (touch: number, closedAt: number) => number,
): Credits {
  const credits = new Float64Array(journeys.touch.length);
  for (let j = 0; j < journeys.count; j++) {
    if (!isCredited(data, journeys, j)) continue;
    const { start, end } = journeyRange(journeys, j);
    if (end === start) continue;
    const o = int32At(journeys.opportunity, j);
    const amount = float64At(data.opportunities.amount, o);
    const closedAt = journeyEnd(data, journeys, j);
    let total = 0;
    for (let k = start; k < end; k++) {
      const weight = weightOf(int32At(journeys.touch, k), closedAt);
      credits[k] = weight;
      total += weight;
    }
    // A touch long before the close can underflow to 0: then the journey splits equally.
    for (let k = start; k < end; k++)
      credits[k] = total > 0 ? (amount * float64At(credits, k)) / total : amount / (end - start);
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
    if (!isCredited(data, journeys, j)) continue;
    const { start, end } = journeyRange(journeys, j);
    if (end === start) continue;
    const amount = float64At(data.opportunities.amount, int32At(journeys.opportunity, j));
    let total = 0;
    let channels = 0;
    for (let k = start; k < end; k++) {
      const c = int32At(channel, int32At(journeys.touch, k));
      if (touchesOf[c] === 0) {
        total += Math.max(0, channelWeights[c] ?? 0);
        channels++;
      }
      touchesOf[c] = float64At(touchesOf, c) + 1;
    }
    for (let k = start; k < end; k++) {
      const c = int32At(channel, int32At(journeys.touch, k));
      const share = total > 0 ? Math.max(0, channelWeights[c] ?? 0) / total : 1 / channels;
      credits[k] = (amount * share) / float64At(touchesOf, c);
    }
    for (let k = start; k < end; k++) touchesOf[int32At(channel, int32At(journeys.touch, k))] = 0;
  }
  return credits;
}
