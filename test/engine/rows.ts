import { at, endOf, type Rows } from './build';

type Opportunity = NonNullable<Rows['opportunities']>[number];
type Touchpoint = NonNullable<Rows['touchpoints']>[number];
type CommunityAction = NonNullable<Rows['community_actions']>[number];

/** A day, `2024-03-01`, or an instant in UTC milliseconds. */
export type When = string | number;

export interface DealSpec {
  id: string;
  account: string;
  amount: number;
  /** Read as the end of the day, as a milestone given without a time is (spec 1). */
  created: When;
  closed: When;
  /** New business unless given. */
  type?: NonNullable<Opportunity['type']>;
}

const dayEnd = (when: When): number => (typeof when === 'number' ? when : endOf(when));

function deal(stage: Opportunity['stage'], { id, account, amount, created, type }: Omit<DealSpec, 'closed'>) {
  return {
    opportunity_id: id,
    account_id: account,
    ...(type ? { type } : {}),
    stage,
    amount,
    created_at: dayEnd(created),
  } satisfies Opportunity;
}

/** A won opportunity, created and closed at the end of the days given. */
export const wonDeal = (spec: DealSpec): Opportunity => ({ ...deal('won', spec), closed_at: dayEnd(spec.closed) });

export const lostDeal = (spec: DealSpec): Opportunity => ({ ...deal('lost', spec), closed_at: dayEnd(spec.closed) });

/** An opportunity still open: no close date. */
export const openDeal = (spec: Omit<DealSpec, 'closed'>): Opportunity => deal('open', spec);

/**
 * A marketing touch of a contact or an account at `when`, a day's midnight or an ISO instant (`at`), by email unless
 * `channel` says otherwise.
 */
export function touchpoint({
  id,
  contact,
  account,
  when,
  channel = 'email',
  campaign,
}: {
  id: string;
  contact?: string;
  account?: string;
  when: When;
  channel?: string;
  campaign?: string;
}): Touchpoint {
  return {
    touchpoint_id: id,
    ...(contact !== undefined ? { contact_id: contact } : {}),
    ...(account !== undefined ? { account_id: account } : {}),
    occurred_at: typeof when === 'number' ? when : at(when),
    channel,
    ...(campaign !== undefined ? { campaign } : {}),
  };
}

/** A community action of `member` at `when` (as for `touchpoint`), with the target, feature or deal it names. */
export function action({
  id,
  member,
  when,
  type,
  channel,
  targetEmail,
  targetDomain,
  feature,
  opportunity,
}: {
  id: string;
  member: string;
  when: When;
  type: string;
  channel?: string;
  targetEmail?: string;
  targetDomain?: string;
  feature?: string;
  opportunity?: string;
}): CommunityAction {
  return {
    action_id: id,
    member_id: member,
    occurred_at: typeof when === 'number' ? when : at(when),
    action_type: type,
    ...(channel !== undefined ? { channel } : {}),
    ...(targetEmail !== undefined ? { target_email: targetEmail } : {}),
    ...(targetDomain !== undefined ? { target_domain: targetDomain } : {}),
    ...(feature !== undefined ? { feature_id: feature } : {}),
    ...(opportunity !== undefined ? { opportunity_id: opportunity } : {}),
  };
}
