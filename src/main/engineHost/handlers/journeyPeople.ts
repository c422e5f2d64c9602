import type Database from 'better-sqlite3';
import type { JourneyDetail, OpportunityListResult } from '../../../shared/journeyApi';
import type { ExplainedJourney } from '../../engine/models/explain';
import type { ListedOpportunity } from '../../engine/models/opportunityList';
import { readAccountNames, readTouchPeople } from '../../store/people';

/**
 * People, not ids (issue 17): the engine lists and explains deals from its arrays, which hold ids; the names the
 * app shows beside them (the account's, the contact's or member's behind each touch) are read here from the store,
 * for the one page or the one journey asked for.
 */
export function withAccountNames(
  db: Database.Database,
  list: OpportunityListResult<ListedOpportunity>,
): OpportunityListResult {
  const ids = [...new Set(list.rows.flatMap((row) => (row.accountId === null ? [] : [row.accountId])))];
  const names = readAccountNames(db, ids);
  return {
    ...list,
    rows: list.rows.map((row) => ({
      ...row,
      accountName: row.accountId === null ? null : (names[row.accountId] ?? null),
    })),
  };
}

export function withPeople(db: Database.Database, journey: ExplainedJourney): JourneyDetail {
  const idsOf = (kind: 'marketing' | 'community') =>
    journey.touches.flatMap((touch) => (touch.kind === kind ? [touch.id] : []));
  const people = readTouchPeople(db, idsOf('marketing'), idsOf('community'));
  return {
    ...journey,
    accountName: readAccountNames(db, [journey.accountId])[journey.accountId] ?? null,
    touches: journey.touches.map((touch) => ({ ...touch, person: people[touch.kind].get(touch.id) ?? null })),
  };
}
