import { COMMUNITY, isWon, OPPORTUNITY_TYPE_IDS, type Dataset, type Opportunities } from '../../arrays/dataset';
import { float64At, int32At } from '../../arrays/read';
import { journeyRange, type Journeys } from '../journeys';

/** What CAR counts of the deals and journeys whatever the weights (spec 7): kept, so a weight move reads none of it. */

/** The won amount the community touched, that of upgrades, and the community touches of won journeys. */
export interface CommunityReach {
  influenced: number;
  upgradeInfluenced: number;
  communityTouches: number;
}

/**
 * Kept per scope mask (never changed once made, engine/scope/scope.ts), or per opportunities for no scope: counting
 * them was a pass over every deal on each weight move.
 */
const wonCountCache = new WeakMap<Opportunities | Uint8Array, number>();

/** How many won deals the scope holds (all of them without one). */
export function wonDealsIn(opps: Opportunities, inScope: Uint8Array | null): number {
  const kept = wonCountCache.get(inScope ?? opps);
  if (kept !== undefined) return kept;
  let count = 0;
  for (let o = 0; o < opps.count; o++) if (isWon(opps, o) && (inScope === null || inScope[o] === 1)) count++;
  wonCountCache.set(inScope ?? opps, count);
  return count;
}

/** Kept per journeys: it depends on which touches are the community's, never on credits. */
const reachCache = new WeakMap<Journeys, CommunityReach>();

export function communityReach(data: Dataset, journeys: Journeys): CommunityReach {
  const kept = reachCache.get(journeys);
  if (kept) return kept;
  const { touches, opportunities: opps } = data;
  const reach = { influenced: 0, upgradeInfluenced: 0, communityTouches: 0 };
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    if (!isWon(opps, o)) continue;
    let touched = false;
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      if (touches.kind[int32At(journeys.touch, k)] !== COMMUNITY) continue;
      touched = true;
      reach.communityTouches++;
    }
    if (touched) {
      const amount = float64At(opps.amount, o);
      reach.influenced += amount;
      if (opps.type[o] === OPPORTUNITY_TYPE_IDS.upgrade) reach.upgradeInfluenced += amount;
    }
  }
  reachCache.set(journeys, reach);
  return reach;
}
