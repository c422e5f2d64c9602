import type { ModelOptions } from '../../../shared/modelOptions';
import type { OpportunityType } from '../../../shared/importSpec';
import {
  TOO_SMALL_GROUP,
  VELOCITY_GROUPS,
  type VelocityGroup,
  type VelocityGroupName,
  type VelocityResult,
} from '../../../shared/velocity';
import { COMMUNITY, OPPORTUNITY_TYPE_IDS, STAGE_IDS } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import { earliestSources, linkedOpportunities, touchSourcing } from '../models/car/sourcing';
import { buildJourneys, journeyRange } from '../models/journeys';
import type { ModelDataset } from '../run';
import { NO_CUSTOM_FIELDS, scopeJourneys, scopeMask } from '../scope/scope';

const DAY_MS = 86_400_000;

/**
 * Deal velocity and win rate by community involvement (spec 12): the in-scope won and lost deals of one type, in
 * three groups: sourced by the community (spec 7's rules, applied to won and lost deals alike, so a win rate can be
 * read), influenced (a community touch in the journey, not sourced), and no community touch. Days to close are
 * whole UTC calendar days from the day of `created_at` to the day of `closed_at` (a choice: imports store a
 * date-only value at the end of its day, so an hour-based count would depend on how each CRM writes dates); "closed
 * within D days" includes a deal closed on day D.
 */
export function dealVelocity(
  dataset: ModelDataset,
  options: ModelOptions,
  type: OpportunityType,
  days: number,
): VelocityResult {
  const { data, community } = dataset;
  const opps = data.opportunities;
  const mask = scopeMask(data, options.scope, dataset.fields ?? NO_CUSTOM_FIELDS);
  const all = dataset.journeys?.(options) ?? buildJourneys(data, options);
  const journeys = mask === null ? all : scopeJourneys(all, mask);
  const typeId = OPPORTUNITY_TYPE_IDS[type];
  const isDeal = (o: number): boolean =>
    uint8At(opps.type, o) === typeId && uint8At(opps.stage, o) !== STAGE_IDS.open && (mask === null || mask[o] === 1);

  const links = linkedOpportunities(data, community, options.referralWindowDays).filter((l) => isDeal(l.opportunity));
  const sourced = earliestSources([...touchSourcing(data, journeys), ...links]);
  const touched = new Uint8Array(opps.count);
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      if (data.touches.kind[int32At(journeys.touch, k)] === COMMUNITY) {
        touched[int32At(journeys.opportunity, j)] = 1;
        break;
      }
    }
  }

  const members: Record<VelocityGroupName, number[]> = { sourced: [], influenced: [], none: [] };
  for (let o = 0; o < opps.count; o++) {
    if (!isDeal(o)) continue;
    members[sourced.has(o) ? 'sourced' : touched[o] ? 'influenced' : 'none'].push(o);
  }
  const groups = Object.fromEntries(
    VELOCITY_GROUPS.map((name) => [name, groupFigures(dataset, members[name], days)]),
  ) as Record<VelocityGroupName, VelocityGroup>;
  return { type, days, groups };
}

function groupFigures({ data }: ModelDataset, deals: readonly number[], days: number): VelocityGroup {
  const opps = data.opportunities;
  const wonDays: number[] = [];
  let wonAmount = 0;
  for (const o of deals) {
    if (uint8At(opps.stage, o) !== STAGE_IDS.won) continue;
    wonAmount += float64At(opps.amount, o);
    const created = Math.floor(float64At(opps.createdAt, o) / DAY_MS);
    const closed = Math.floor(float64At(opps.closedAt, o) / DAY_MS);
    wonDays.push(closed - created);
  }
  const won = wonDays.length;
  wonDays.sort((a, b) => a - b);
  const middle = won >> 1;
  const median =
    won % 2 === 1 ? (wonDays[middle] as number) : ((wonDays[middle - 1] as number) + (wonDays[middle] as number)) / 2;
  const someWon = won > 0;
  return {
    deals: deals.length,
    won,
    winRate: deals.length > 0 ? won / deals.length : null,
    wonAmount: someWon ? wonAmount : null,
    averageWonAmount: someWon ? wonAmount / won : null,
    medianDays: someWon ? median : null,
    meanDays: someWon ? wonDays.reduce((sum, d) => sum + d, 0) / won : null,
    closedWithin: someWon ? wonDays.filter((d) => d <= days).length / won : null,
    tooSmall: deals.length < TOO_SMALL_GROUP,
  };
}
