import fc from 'fast-check';
import { at, endOf, type Rows } from './build';
import { action, lostDeal, touchpoint, wonDeal } from './rows';

const DAY = 86_400_000;
const BASE = at('2024-01-01');

/**
 * Random small projects: a few accounts, contacts and members, won/lost/open deals of every type, marketing touches
 * with and without a campaign, community actions of several types (some giving their own channel).
 */
export const rowsArbitrary: fc.Arbitrary<Rows> = fc
  .record({
    accounts: fc.integer({ min: 1, max: 3 }),
    touches: fc.array(
      fc.record({
        account: fc.nat(2),
        day: fc.nat(200),
        channel: fc.constantFrom('email', 'ads', 'event'),
        campaign: fc.option(fc.constantFrom('Spring', 'Fall'), { nil: null }),
        viaContact: fc.boolean(),
      }),
      { maxLength: 25 },
    ),
    actions: fc.array(
      fc.record({
        member: fc.nat(5),
        day: fc.nat(200),
        type: fc.constantFrom('post', 'reply', 'internal_referral', 'event_attended', 'feature_request'),
        channel: fc.option(fc.constantFrom('slack', 'forum'), { nil: null, freq: 4 }),
      }),
      { maxLength: 12 },
    ),
    deals: fc.array(
      fc.record({
        account: fc.nat(2),
        created: fc.nat(200),
        length: fc.nat(60),
        stage: fc.constantFrom('won', 'lost', 'open'),
        type: fc.constantFrom('new_business', 'upgrade', 'renewal'),
        amount: fc.integer({ min: 1, max: 100_000 }),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    leadDay: fc.option(fc.nat(200), { nil: null }),
  })
  .map(({ accounts, touches, actions, deals, leadDay }) => {
    const account = (i: number) => `A${i % accounts}`;
    // Two members per account, each resolving through a contact's email.
    const people = accounts * 2;
    return {
      accounts: Array.from({ length: accounts }, (_, i) => ({ account_id: `A${i}`, domain: `a${i}.com` })),
      contacts: Array.from({ length: people }, (_, i) => ({
        contact_id: `C${i}`,
        account_id: account(i),
        email: `c${i}@${account(i).toLowerCase()}.com`,
        lead_created_at: leadDay === null ? null : BASE + leadDay * DAY,
      })),
      community_members: Array.from({ length: people }, (_, i) => ({
        member_id: `M${i}`,
        email: `c${i}@${account(i).toLowerCase()}.com`,
      })),
      touchpoints: touches.map((t, i) => ({
        touchpoint_id: `T${i}`,
        ...(t.viaContact ? { contact_id: `C${t.account % accounts}` } : { account_id: account(t.account) }),
        occurred_at: BASE + t.day * DAY,
        channel: t.channel,
        campaign: t.campaign,
      })),
      community_actions: actions.map((a, i) => ({
        action_id: `X${i}`,
        member_id: `M${a.member % people}`,
        occurred_at: BASE + a.day * DAY,
        action_type: a.type,
        channel: a.channel,
      })),
      opportunities: deals.map((d, i) => ({
        opportunity_id: `O${i}`,
        account_id: account(d.account),
        type: d.type,
        stage: d.stage,
        amount: d.amount,
        created_at: BASE + d.created * DAY + DAY - 1,
        closed_at: d.stage === 'open' ? null : BASE + (d.created + d.length) * DAY + DAY - 1,
      })),
    } satisfies Rows;
  });

/**
 * The hand-computed project the breakdown and flow tests share. Under full path, O1 ($1,000, new business) credits
 * X1 FT 225, T1 MID 50, T2 LC 225, X2 MID 50, T3 OC 225, X3 CW 225; U1 ($400, upgrade) credits X4 OC 200 and T4 CW
 * 200 (no middle: OC and CW share it); the lost L1 credits nothing; W2 ($300) has no touch.
 */
export const TWO_DEALS: Rows = {
  accounts: [{ account_id: 'A1' }, { account_id: 'A2' }],
  contacts: [
    { contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com', lead_created_at: endOf('2024-02-01') },
    { contact_id: 'C2', account_id: 'A1', email: 'm2@a1.com' },
  ],
  community_members: [
    { member_id: 'M1', email: 'm1@a1.com' },
    { member_id: 'M2', email: 'm2@a1.com' },
  ],
  opportunities: [
    wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
    wonDeal({ id: 'U1', account: 'A1', amount: 400, created: '2024-06-01', closed: '2024-06-30', type: 'upgrade' }),
    lostDeal({ id: 'L1', account: 'A1', amount: 900, created: '2024-08-01', closed: '2024-08-31' }),
    wonDeal({ id: 'W2', account: 'A2', amount: 300, created: '2024-03-01', closed: '2024-03-31' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T1', contact: 'C1', when: '2024-01-20', campaign: 'Spring' }),
    touchpoint({ id: 'T2', contact: 'C1', when: '2024-02-01T10:00:00Z', channel: 'ads' }),
    touchpoint({ id: 'T3', contact: 'C2', when: '2024-03-01T09:00:00Z', campaign: 'Spring' }),
    touchpoint({ id: 'T4', account: 'A1', when: '2024-06-20', channel: 'ads' }),
    touchpoint({ id: 'T5', account: 'A1', when: '2024-08-10', channel: 'event' }),
  ],
  community_actions: [
    action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'internal_referral' }),
    action({ id: 'X2', member: 'M2', when: '2024-02-20', type: 'post' }),
    action({ id: 'X3', member: 'M1', when: '2024-03-20', type: 'reply' }),
    action({ id: 'X4', member: 'M2', when: '2024-05-15', type: 'post' }),
  ],
};
