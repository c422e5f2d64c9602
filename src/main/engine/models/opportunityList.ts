import type { OpportunityListArgs, OpportunityListResult, OpportunityRow } from '../../../shared/journeyApi';
import { COMMUNITY, STAGE_IDS, type Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import { journeyRange, type Journeys } from './journeys';
import { opportunityMatch } from './opportunitySearch';

type Query = Omit<OpportunityListArgs, 'scope'> & {
  /**
   * Accounts whose name holds the text: the arrays keep account ids only, so the caller finds these in the store
   * (the list shows account names, so they are what a user types).
   */
  namedAccounts?: ReadonlySet<string>;
};
/** A row as the engine lists it; the account's name is read from the store by the journey handler (issue 17). */
export type ListedOpportunity = Omit<OpportunityRow, 'accountName'>;

/** Touches and community touches of each opportunity's journey; -1 for an open deal, which has none (spec 2). */
function journeyCounts(data: Dataset, journeys: Journeys): { touches: Int32Array; community: Int32Array } {
  const touches = new Int32Array(data.opportunities.count).fill(-1);
  const community = new Int32Array(data.opportunities.count).fill(-1);
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    const { start, end } = journeyRange(journeys, j);
    let own = 0;
    for (let i = start; i < end; i++) {
      if (uint8At(data.touches.kind, int32At(journeys.touch, i)) === COMMUNITY) own++;
    }
    touches[o] = end - start;
    community[o] = own;
  }
  return { touches, community };
}

/** A sortable number of opportunity o, or NaN when it has none (an open deal's close date or touches). */
function sortKey(data: Dataset, counts: ReturnType<typeof journeyCounts>, column: Query['sort']['column']) {
  const opps = data.opportunities;
  const orNaN = (n: number) => (n < 0 ? NaN : n);
  switch (column) {
    case 'amount':
      return (o: number) => float64At(opps.amount, o);
    case 'closedAt':
      return (o: number) => float64At(opps.closedAt, o);
    case 'touches':
      return (o: number) => orNaN(int32At(counts.touches, o));
    case 'communityTouches':
      return (o: number) => orNaN(int32At(counts.community, o));
  }
}

/**
 * The in-scope opportunities (spec 9) that pass the stage and text filters, sorted and paged. Ties keep the
 * dataset's order (by id); a deal without the sorted figure (an open deal's close date or touches) sorts last
 * whichever the direction, so a descending sort opens on real figures.
 */
export function listOpportunities(
  data: Dataset,
  journeys: Journeys,
  query: Query,
  inScope: Uint8Array | null,
): OpportunityListResult<ListedOpportunity> {
  // A page further down the same list (the table scrolling) reuses the order the first page sorted.
  const key = JSON.stringify([query.stage, query.text, query.sort]);
  let listed = lastListed.get(journeys);
  if (listed?.key !== key || !sameMask(listed.inScope, inScope)) {
    listed = { key, inScope, order: orderOpportunities(data, journeys, query, inScope) };
    lastListed.set(journeys, listed);
  }
  const { order } = listed;
  const counts = countsOf(data, journeys);
  const opps = data.opportunities;
  const rows: ListedOpportunity[] = Array.from(order.subarray(query.offset, query.offset + query.limit), (o) => {
    const match = opportunityMatch(data, o);
    const amount = float64At(opps.amount, o);
    const touches = int32At(counts.touches, o);
    return {
      opportunityId: match.opportunityId,
      name: match.name,
      accountId: data.accounts.values[int32At(opps.account, o)] ?? null,
      type: match.type,
      stage: match.stage,
      amount: Number.isFinite(amount) ? amount : null,
      createdAt: float64At(opps.createdAt, o),
      closedAt: match.closedAt,
      touches: touches < 0 ? null : touches,
      communityTouches: touches < 0 ? null : int32At(counts.community, o),
    };
  });
  return { total: order.length, offset: query.offset, rows };
}

/** The indexes of the opportunities that pass the scope and filters, in the order asked for. */
function orderOpportunities(data: Dataset, journeys: Journeys, query: Query, inScope: Uint8Array | null): Int32Array {
  const opps = data.opportunities;
  const stage = query.stage === undefined ? -1 : STAGE_IDS[query.stage];
  const needle = query.text?.toLowerCase() ?? '';
  const kept: number[] = [];
  for (let o = 0; o < opps.count; o++) {
    if (inScope !== null && inScope[o] !== 1) continue;
    if (stage >= 0 && uint8At(opps.stage, o) !== stage) continue;
    if (needle) {
      const account = data.accounts.values[int32At(opps.account, o)] ?? '';
      const hit =
        (opps.id[o] as string).toLowerCase().includes(needle) ||
        (opps.name[o] ?? '').toLowerCase().includes(needle) ||
        account.toLowerCase().includes(needle) ||
        query.namedAccounts?.has(account) === true;
      if (!hit) continue;
    }
    kept.push(o);
  }
  const counts = countsOf(data, journeys);
  const key = sortKey(data, counts, query.sort.column);
  const sign = query.sort.direction === 'ascending' ? 1 : -1;
  const keys = new Float64Array(opps.count);
  for (const o of kept) keys[o] = key(o);
  kept.sort((a, b) => {
    const x = keys[a] as number;
    const y = keys[b] as number;
    const xMissing = Number.isNaN(x);
    const yMissing = Number.isNaN(y);
    if (xMissing || yMissing) return xMissing === yMissing ? a - b : xMissing ? 1 : -1;
    return x === y ? a - b : sign * (x - y);
  });
  return Int32Array.from(kept);
}

/** Journey counts per journeys built (the cache keeps the journeys while the data stays the same). */
const counted = new WeakMap<Journeys, ReturnType<typeof journeyCounts>>();
/** The last list sorted over these journeys: its filters and sort, its scope, and its order. */
const lastListed = new WeakMap<Journeys, { key: string; inScope: Uint8Array | null; order: Int32Array }>();

function countsOf(data: Dataset, journeys: Journeys): ReturnType<typeof journeyCounts> {
  let counts = counted.get(journeys);
  if (!counts) {
    counts = journeyCounts(data, journeys);
    counted.set(journeys, counts);
  }
  return counts;
}

/** Whether two scope masks select the same opportunities (null: every one). */
function sameMask(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
