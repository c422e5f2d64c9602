import fc from 'fast-check';
import type { Rows } from '../engine/build';
import type { SqlOptions } from '../../src/main/warehouse/sql/contract';

const DAY = 86_400_000;
const BASE = Date.UTC(2024, 0, 1);
/**
 * Three instants per day (midnight, noon, the day's last millisecond, when milestones fall), over a few weeks, so
 * touches often tie with each other and with milestones, and spec 1's (kind, id) order and the <= / < of each rule
 * decide.
 */
const SLOTS = [0, DAY / 2, DAY - 1];
const instant = (day: number, slot: number): number => BASE + day * DAY + (SLOTS[slot] as number);
const DAYS = 40;
const endOfDay = (day: number): number => BASE + day * DAY + DAY - 1;

/** Most rows go to two accounts, so journeys are long; A2 has few, A9 is an orphan no accounts row holds. */
const ACCOUNTS = ['A0', 'A1'];
const DOMAINS = ['a0.com', 'a1.com', 'a2.com', 'gmail.com', 'elsewhere.org'];
const EMAILS = ['c0@a0.com', 'c1@a1.com', 'c2@a2.com', 'shared@a0.com', 'x@gmail.com', 'y@a1.com', 'z@elsewhere.org'];
const ACTION_TYPES = [
  'internal_referral',
  'external_referral',
  'job_move',
  'post',
  'reply',
  'reaction',
  'event_attended',
  'answer',
  'other',
  'feature_request',
] as const;

const maybe = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arbitrary, { nil: null });

/**
 * Random small projects that reach every rule the SQL reproduces: contacts sharing emails, free-mail and unknown
 * domains, members resolving by email, company domain or email domain or not at all, job moves, referrals with and
 * without an opportunity (known or not), targets by email and domain, orphan accounts and contacts, ties in time, ids
 * whose code-unit order differs from their numeric one, deals of every type and stage, some won ones never closed.
 */
export const warehouseRows: fc.Arbitrary<Rows> = fc
  .record({
    accounts: fc.tuple(
      ...[0, 1, 2].map((i) =>
        fc.record({
          domain: fc.constantFrom(`a${i}.com`, `a${i}.com`, `a${i}.com`, 'gmail.com', null),
          segment: maybe(fc.constantFrom('smb', 'ent')),
        }),
      ),
    ),
    contacts: fc.array(
      fc.record({
        account: fc.constantFrom(...ACCOUNTS, null, 'A9'),
        email: maybe(fc.constantFrom(...EMAILS)),
        lead: maybe(fc.nat(DAYS)),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    members: fc.array(
      fc.record({ email: maybe(fc.constantFrom(...EMAILS)), company: maybe(fc.constantFrom(...DOMAINS)) }),
      { minLength: 3, maxLength: 5 },
    ),
    touches: fc.array(
      fc.record({
        contact: maybe(fc.constantFrom('C0', 'C1', 'C2', 'C9')),
        account: maybe(fc.constantFrom(...ACCOUNTS, 'A9')),
        day: fc.nat(DAYS),
        slot: fc.nat(2),
        channel: fc.constantFrom('email', 'ads', 'event', `it's "web"`),
      }),
      { minLength: 4, maxLength: 25 },
    ),
    actions: fc.array(
      fc.record({
        member: fc.constantFrom('M0', 'M1', 'M2', 'M0', 'M1', 'M2', 'M9'),
        day: fc.nat(DAYS),
        slot: fc.nat(2),
        type: fc.constantFrom(...ACTION_TYPES),
        channel: fc.option(fc.constantFrom('slack', 'email'), { nil: null, freq: 4 }),
        targetEmail: fc.option(fc.constantFrom(...EMAILS), { nil: null, freq: 2 }),
        targetDomain: fc.option(fc.constantFrom(...DOMAINS), { nil: null, freq: 2 }),
        opportunity: fc.option(fc.constantFrom('O0', 'O1', 'O10', 'O99'), { nil: null, freq: 3 }),
      }),
      { minLength: 2, maxLength: 14 },
    ),
    deals: fc.array(
      fc.record({
        account: fc.constantFrom(...ACCOUNTS, ...ACCOUNTS, 'A2', 'A9'),
        created: fc.nat(DAYS),
        length: fc.nat(30),
        stage: fc.constantFrom('won', 'won', 'lost', 'open'),
        type: fc.constantFrom('new_business', 'new_business', 'upgrade', 'renewal'),
        amount: fc.integer({ min: 0, max: 100_000 }),
        neverClosed: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      }),
      { minLength: 2, maxLength: 12 },
    ),
  })
  .map(({ accounts, contacts, members, touches, actions, deals }) => ({
    accounts: accounts.map((a, i) => ({
      account_id: `A${i}`,
      ...(a.domain ? { domain: a.domain } : {}),
      ...(a.segment ? { segment: a.segment } : {}),
    })),
    contacts: contacts.map((c, i) => ({
      contact_id: `C${i}`,
      account_id: c.account,
      ...(c.email ? { email: c.email } : {}),
      lead_created_at: c.lead === null ? null : endOfDay(c.lead),
    })),
    community_members: members.map((m, i) => ({ member_id: `M${i}`, email: m.email, company_domain: m.company })),
    touchpoints: touches
      .filter((t) => t.contact !== null || t.account !== null)
      .map((t, i) => ({
        touchpoint_id: `T${i}`,
        contact_id: t.contact,
        account_id: t.account,
        occurred_at: instant(t.day, t.slot),
        channel: t.channel,
      })),
    community_actions: actions.map((a, i) => ({
      action_id: `X${i}`,
      member_id: a.member,
      occurred_at: instant(a.day, a.slot),
      action_type: a.type,
      channel: a.channel,
      target_email: a.targetEmail,
      target_domain: a.targetDomain,
      opportunity_id: a.opportunity,
    })),
    opportunities: deals.map((d, i) => ({
      opportunity_id: `O${i}`,
      account_id: d.account,
      type: d.type,
      stage: d.stage,
      amount: d.amount,
      created_at: endOfDay(d.created),
      closed_at: d.stage === 'open' || (d.stage === 'won' && d.neverClosed) ? null : endOfDay(d.created + d.length),
    })),
  }));

/** Random options of the SQL path: journey options, the referral window, collapse, and a scope. */
export const warehouseOptions: fc.Arbitrary<SqlOptions> = fc.record({
  lookbackDays: fc.constantFrom(0, 0, 20, 90),
  upgradePolicy: fc.constantFrom('restart-at-opportunity' as const, 'account-lifetime' as const),
  referralWindowDays: fc.constantFrom(0, 1, 3, 180),
  // 0.01 days over weeks: most decay weights underflow to 0, some journeys' all of them.
  halfLifeDays: fc.constantFrom(7, 0.5, 30, 0.01),
  collapseRepeats: fc.boolean(),
  weights: fc.constant({ FT: 10, LC: 0, OC: 35, CW: 0, MID: 55 }),
  scope: fc.oneof(
    fc.constant({}),
    fc.record({ from: fc.constant('2024-02-01'), to: fc.constant('2024-05-31') }),
    fc.record({ segments: fc.constant<string[]>(['smb', '']) }),
    fc.record({ types: fc.constant<('upgrade' | 'renewal')[]>(['upgrade', 'renewal']) }),
  ),
});
