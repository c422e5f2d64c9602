import { ACTION_TYPES } from '../../../shared/importSpec';
import { ROBUST_CAR_CATEGORIES, type RobustCarCategory } from '../../../shared/robustness';
import type { CommunityData } from '../arrays/communityData';
import { actionTypeId, COMMUNITY, OPPORTUNITY_TYPE_IDS, type Dataset } from '../arrays/dataset';
import { stringAt } from '../arrays/packed';
import { float64At, int32At, int8At, uint8At } from '../arrays/read';
import { ENGAGEMENT_TYPES } from '../models/car';
import { roadmapCar } from '../models/car/roadmap';
import { journeyRange, type Journeys } from '../models/journeys';

/**
 * The figures whose robustness spec 13 reports, as one vector: each channel's credit (in the dataset's channel order),
 * then attributed CAR, then the attributed value of each category of ROBUST_CAR_CATEGORIES. Every one of them is a sum
 * of credits by channel, by community action type and over community touches of upgrades (spec 7), except roadmap's,
 * which is the roadmap share of roadmap-influenced revenue and so moves with the deals drawn but not with the model.
 * So a model's figures come from a few raw sums (`RawSums`), wherever those are summed from.
 */
export interface FigureLayout {
  channels: readonly string[];
  /** Index of attributed CAR; the categories follow it. */
  attributed: number;
  size: number;
}

export function figureLayout(data: Dataset): FigureLayout {
  const channels = data.channels.values;
  return { channels, attributed: channels.length, size: channels.length + 1 + ROBUST_CAR_CATEGORIES.length };
}

export const categoryIndex = (layout: FigureLayout, i: number): number => layout.attributed + 1 + i;

/** The sums every figure is read from. */
export interface RawSums {
  byChannel: Float64Array;
  byActionType: Float64Array;
  /** Credit on community touches of upgrade opportunities (spec 7's upgrade category). */
  upgrade: number;
  /** Roadmap's attributed CAR (spec 7): roadmap share x roadmap-influenced revenue. */
  roadmap: number;
}

function categoryValue(field: RobustCarCategory, sums: RawSums): number {
  switch (field) {
    case 'internal_referral':
    case 'external_referral':
    case 'job_move':
      return float64At(sums.byActionType, actionTypeId(field));
    case 'upgrade':
      return sums.upgrade;
    case 'roadmap':
      return sums.roadmap;
    case 'engagement': {
      let engagement = 0;
      for (const type of ENGAGEMENT_TYPES) engagement += float64At(sums.byActionType, type);
      return engagement;
    }
  }
}

/** The figure vector of `sums`, as computeCar would report them (models/car.ts). */
export function figuresOf(layout: FigureLayout, sums: RawSums): Float64Array {
  const figures = new Float64Array(layout.size);
  figures.set(sums.byChannel.subarray(0, layout.channels.length));
  let attributed = 0;
  for (let a = 0; a < sums.byActionType.length; a++) attributed += float64At(sums.byActionType, a);
  figures[layout.attributed] = attributed;
  ROBUST_CAR_CATEGORIES.forEach(
    (category, i) => (figures[categoryIndex(layout, i)] = categoryValue(category.field, sums)),
  );
  return figures;
}

/**
 * Which figures one unit of credit adds to, per raw sum: a channel's credit to that channel, a community action
 * type's to attributed CAR and to its category (a link type's, or engagement's), an upgrade's community credit to
 * the upgrade category. The linear form of figuresOf, for a scan that sums coefficients straight into figures.
 */
export interface FigureTargets {
  byActionType: number[][];
  upgrade: number;
  roadmap: number;
}

export function figureTargets(layout: FigureLayout): FigureTargets {
  const index = (field: RobustCarCategory): number =>
    categoryIndex(
      layout,
      ROBUST_CAR_CATEGORIES.findIndex((category) => category.field === field),
    );
  const byActionType = ACTION_TYPES.map((type, a) => {
    const targets = [layout.attributed];
    if (type === 'internal_referral' || type === 'external_referral' || type === 'job_move') targets.push(index(type));
    if (ENGAGEMENT_TYPES.has(a)) targets.push(index('engagement'));
    return targets;
  });
  return { byActionType, upgrade: index('upgrade'), roadmap: index('roadmap') };
}

export function emptySums(data: Dataset): RawSums {
  return {
    byChannel: new Float64Array(data.channels.size),
    byActionType: new Float64Array(ACTION_TYPES.length),
    upgrade: 0,
    roadmap: 0,
  };
}

/**
 * Adds per-touch credits (aligned with `journeys.touch`) to `sums`, each journey `times[j]` times (a bootstrap
 * resample's multiplicity; 1 each when absent). Lost journeys carry 0 credit, so they add nothing.
 */
export function addCredits(
  data: Dataset,
  journeys: Journeys,
  credits: Float64Array,
  sums: RawSums,
  times: Int32Array | null = null,
): void {
  const { channel, kind, actionType } = data.touches;
  const { type } = data.opportunities;
  const upgradeType = OPPORTUNITY_TYPE_IDS.upgrade;
  for (let j = 0; j < journeys.count; j++) {
    const m = times === null ? 1 : int32At(times, j);
    if (m === 0) continue;
    const isUpgrade = uint8At(type, int32At(journeys.opportunity, j)) === upgradeType;
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      const credit = m * float64At(credits, k);
      if (credit === 0) continue;
      const t = int32At(journeys.touch, k);
      const c = int32At(channel, t);
      sums.byChannel[c] = float64At(sums.byChannel, c) + credit;
      if (uint8At(kind, t) !== COMMUNITY) continue;
      const a = int8At(actionType, t);
      sums.byActionType[a] = float64At(sums.byActionType, a) + credit;
      if (isUpgrade) sums.upgrade += credit;
    }
  }
}

/**
 * Roadmap's attributed CAR per journey (spec 7: roadmap share x the amount of each roadmap-influenced in-scope won
 * deal), so a resample can count each deal as often as it was drawn. Zeros when the roadmap share is 0.
 */
export function roadmapPerJourney(
  data: Dataset,
  community: CommunityData,
  journeys: Journeys,
  roadmapShare: number,
  inScope: Uint8Array | null,
): Float64Array {
  const perJourney = new Float64Array(journeys.count);
  if (roadmapShare === 0) return perJourney;
  const influenced = new Set(
    roadmapCar(data, community, roadmapShare, inScope).opportunities.map((o) => o.opportunityId),
  );
  const opps = data.opportunities;
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    if (influenced.has(stringAt(opps, 'id', o) as string)) perJourney[j] = roadmapShare * float64At(opps.amount, o);
  }
  return perJourney;
}
