import { SOURCE_KINDS, type SourceKind } from '../../../../shared/results';
import type { CommunityData } from '../../arrays/communityData';
import { actionTypeId, COMMUNITY, OPPORTUNITY_TYPE_IDS, type Dataset } from '../../arrays/dataset';
import { FT, journeyRange, OC, type Journeys } from '../journeys';
import { stringAt } from '../../arrays/packed';
import { float64At, int32At, int8At, uint8At } from '../../arrays/read';

export { SOURCE_KINDS, type SourceKind };

/** One action naming one opportunity (of any stage: whether it is revenue is decided by the caller). */
export interface SourcingLink {
  opportunity: number;
  source: SourceKind;
  action: string;
  at: number;
}

const DAY_MS = 86_400_000;
const INTERNAL = actionTypeId('internal_referral');
const EXTERNAL = actionTypeId('external_referral');
const JOB_MOVE = actionTypeId('job_move');

const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Per account, its opportunities sorted by `(created_at, opportunity_id)`: spec 7's "first". */
function opportunitiesByAccount(data: Dataset, keep: (o: number) => boolean): number[][] {
  const opps = data.opportunities;
  const byAccount: number[][] = [];
  for (let o = 0; o < opps.count; o++) {
    if (keep(o)) (byAccount[int32At(opps.account, o)] ??= []).push(o);
  }
  for (const list of byAccount) {
    list?.sort(
      (a, b) =>
        float64At(opps.createdAt, a) - float64At(opps.createdAt, b) ||
        compareIds(stringAt(opps, 'id', a) as string, stringAt(opps, 'id', b) as string),
    );
  }
  return byAccount;
}

/**
 * spec 7: the first opportunity in `list` created within W after t, i.e. `t <= created_at <= t + W days`. Days are
 * calendar days (spec 1 stores a date-only created_at as the end of its day): the window closes at the end of the
 * W-th day after the action's day, so a deal dated 180 days after a referral counts with the default window.
 */
function firstWithin(data: Dataset, list: number[] | undefined, t: number, windowDays: number): number {
  if (list === undefined) return -1;
  const created = data.opportunities.createdAt;
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (float64At(created, list[mid] as number) < t) lo = mid + 1;
    else hi = mid;
  }
  const o = list[lo];
  const windowEnd = Math.floor(t / DAY_MS) * DAY_MS + (windowDays + 1) * DAY_MS - 1;
  return o !== undefined && float64At(created, o) <= windowEnd ? o : -1;
}

/** The account of an email: its contact's account, else its domain's (free-mail never matches). */
function accountOfEmail(community: CommunityData, email: string): number {
  const contact = community.accountByEmail.get(email);
  if (contact !== undefined) return contact;
  const domain = email.slice(email.lastIndexOf('@') + 1);
  return community.accountByDomain.get(domain) ?? -1;
}

/**
 * The opportunities the three sourcing links of spec 7 name, whatever their stage. A row's `opportunity_id` that
 * names no imported opportunity links nothing: the row said which one it meant, so no other is guessed.
 */
export function linkedOpportunities(data: Dataset, community: CommunityData, windowDays: number): SourcingLink[] {
  // Made for the first action that needs them: a community of engagement alone links nothing, and these are a list
  // per account.
  let allByAccount: number[][] | undefined;
  let newBusinessByAccount: number[][] | undefined;
  const all = (account: number): number[] | undefined =>
    (allByAccount ??= opportunitiesByAccount(data, () => true))[account];
  const newBusiness = (account: number): number[] | undefined =>
    (newBusinessByAccount ??= opportunitiesByAccount(
      data,
      (o) => data.opportunities.type[o] === OPPORTUNITY_TYPE_IDS.new_business,
    ))[account];
  const { actions } = community;
  const links: SourcingLink[] = [];
  for (let i = 0; i < actions.count; i++) {
    const type = int8At(actions.actionType, i);
    const t = float64At(actions.occurredAt, i);
    // Ids and targets are read item by item (stringAt): most actions are engagement, and name no opportunity.
    const given = (): boolean => stringAt(actions, 'opportunityId', i) !== null;
    let opportunity = -1;
    let source: SourceKind;
    if (type === INTERNAL) {
      source = 'internal_referral';
      // spec 7.1: the row's opportunity, else the first of the member's account (at the action's time) within W.
      const account = int32At(actions.account, i);
      if (given()) opportunity = int32At(actions.opportunity, i);
      else if (account >= 0) opportunity = firstWithin(data, all(account), t, windowDays);
    } else if (type === EXTERNAL) {
      source = 'external_referral';
      // spec 7.3: the row's opportunity, else the first of target_email's account (contact, else domain), else of
      // target_domain's account, within W.
      if (given()) opportunity = int32At(actions.opportunity, i);
      else {
        const email = stringAt(actions, 'targetEmail', i);
        const domain = stringAt(actions, 'targetDomain', i);
        let account = email === null ? -1 : accountOfEmail(community, email);
        if (account < 0 && domain) account = community.accountByDomain.get(domain) ?? -1;
        if (account >= 0) opportunity = firstWithin(data, all(account), t, windowDays);
      }
    } else if (type === JOB_MOVE) {
      source = 'job_move';
      // spec 7.2: the first new-business opportunity of the target domain's account within W (no row override).
      const domain = stringAt(actions, 'targetDomain', i);
      const account = domain ? (community.accountByDomain.get(domain) ?? -1) : -1;
      if (account >= 0) opportunity = firstWithin(data, newBusiness(account), t, windowDays);
    } else continue;
    if (opportunity >= 0) links.push({ opportunity, source, action: stringAt(actions, 'id', i) as string, at: t });
  }
  return links;
}

/**
 * spec 7, sourced: a journey's FT (new business) or OC (upgrade or renewal) held by a community touch. Chosen by the
 * opportunity's type, not by how its journey was built: under `account-lifetime` an upgrade's FT is the account's
 * first touch, which sourced the first deal, not this one. Only the journeys of the deals `keep` keeps are looked at.
 */
export function touchSourcing(
  data: Dataset,
  journeys: Journeys,
  keep: (o: number) => boolean = () => true,
): SourcingLink[] {
  const { touches, opportunities: opps } = data;
  const links: SourcingLink[] = [];
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    if (!keep(o)) continue;
    const bit = opps.type[o] === OPPORTUNITY_TYPE_IDS.new_business ? FT : OC;
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      if (!(uint8At(journeys.positions, k) & bit)) continue;
      const touch = int32At(journeys.touch, k);
      if (touches.kind[touch] === COMMUNITY) {
        links.push({
          opportunity: o,
          source: bit === FT ? 'first_touch' : 'opportunity_creation',
          action: stringAt(touches, 'id', touch) as string,
          at: float64At(touches.occurredAt, touch),
        });
      }
      break;
    }
  }
  return links;
}

/**
 * spec 7: an opportunity sourced several ways counts once, its source the earliest action, by `(time, action id)`.
 * When one action both holds FT/OC and names the opportunity by a link, the link's kind is kept: it says why.
 */
export function earliestSources(links: SourcingLink[]): Map<number, SourcingLink> {
  const earliest = new Map<number, SourcingLink>();
  for (const link of links) {
    const best = earliest.get(link.opportunity);
    if (best === undefined || compareLinks(link, best) < 0) earliest.set(link.opportunity, link);
  }
  return earliest;
}

function compareLinks(a: SourcingLink, b: SourcingLink): number {
  return (
    a.at - b.at || compareIds(a.action, b.action) || SOURCE_KINDS.indexOf(a.source) - SOURCE_KINDS.indexOf(b.source)
  );
}
