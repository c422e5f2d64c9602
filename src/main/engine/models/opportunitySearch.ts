import type { OpportunityMatch, OpportunityTypeName, StageName } from '../../../shared/journeyApi';
import { isWon, OPPORTUNITY_TYPE_IDS, STAGE_IDS, type Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';

const TYPE_NAMES = Object.keys(OPPORTUNITY_TYPE_IDS) as OpportunityTypeName[];
const STAGE_NAMES = Object.keys(STAGE_IDS) as StageName[];

/** Opportunity `o` as the API shows it. */
export function opportunityMatch(data: Dataset, o: number): OpportunityMatch {
  const opps = data.opportunities;
  const closedAt = float64At(opps.closedAt, o);
  return {
    opportunityId: opps.id[o] as string,
    name: opps.name[o] ?? null,
    accountId: data.accounts.values[int32At(opps.account, o)] as string,
    type: TYPE_NAMES[uint8At(opps.type, o)] as OpportunityTypeName,
    stage: STAGE_NAMES[uint8At(opps.stage, o)] as StageName,
    amount: float64At(opps.amount, o),
    closedAt: Number.isNaN(closedAt) ? null : closedAt,
  };
}

/**
 * Opportunities whose id, name or account id holds `query` (case-insensitive), won first, then by id. The dataset
 * lists opportunities by id already, so a stable partition keeps that order within each group.
 */
export function searchOpportunities(
  data: Dataset,
  query: string,
  limit: number,
  inScope: Uint8Array | null = null,
): OpportunityMatch[] {
  const needle = query.toLowerCase();
  const opps = data.opportunities;
  const won: number[] = [];
  const others: number[] = [];
  for (let o = 0; o < opps.count; o++) {
    if (inScope !== null && inScope[o] !== 1) continue;
    const account = data.accounts.values[int32At(opps.account, o)] ?? '';
    const hit =
      (opps.id[o] as string).toLowerCase().includes(needle) ||
      (opps.name[o] ?? '').toLowerCase().includes(needle) ||
      account.toLowerCase().includes(needle);
    if (!hit) continue;
    if (isWon(opps, o)) won.push(o);
    else others.push(o);
    if (won.length >= limit) break;
  }
  return [...won, ...others].slice(0, limit).map((o) => opportunityMatch(data, o));
}

/** The index of the opportunity with this id, or -1. */
export function findOpportunity(data: Dataset, id: string): number {
  return data.opportunities.id.indexOf(id);
}
