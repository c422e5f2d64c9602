import type { OpportunityMatch, OpportunityTypeName, StageName } from '../../../shared/journeyApi';
import { OPPORTUNITY_TYPE_IDS, STAGE_IDS, type Dataset } from '../arrays/dataset';
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

/** The index of the opportunity with this id, or -1. */
export function findOpportunity(data: Dataset, id: string): number {
  return data.opportunities.id.indexOf(id);
}
