import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { computeCar, type CarOptions, type CarResult } from '../../src/main/engine/models/car';
import { positionCredits } from '../../src/main/engine/models/credit';
import { buildJourneys } from '../../src/main/engine/models/journeys';
import { PRESET_WEIGHTS, type PositionWeights } from '../../src/shared/modelOptions';
import { at, readRows, type Rows } from './build';
import { action, lostDeal, openDeal, touchpoint, wonDeal } from './rows';

const DAY = 86_400_000;
const FULL_PATH = PRESET_WEIGHTS['full-path'];

/** Writes the rows to a fresh project and computes CAR from the Dataset and CommunityData of the same connection. */
function carOf(rows: Rows, options: Partial<CarOptions> = {}, weights: PositionWeights = FULL_PATH): CarResult {
  return readRows(rows, (db) => {
    const { data, community } = loadEngineData(db);
    const journeys = buildJourneys(data, { lookbackDays: 0, upgradePolicy: 'restart-at-opportunity' });
    const credits = positionCredits(data, journeys, weights);
    return computeCar(
      data,
      community,
      { journeys, credits },
      {
        referralWindowDays: 180,
        roadmapShare: 0,
        seed: 42,
        ...options,
      },
    );
  });
}

type Opp = NonNullable<Rows['opportunities']>[number];

function expectNoNaN(value: unknown, path = 'result'): void {
  if (typeof value === 'number') expect(Number.isFinite(value), path).toBe(true);
  else if (Array.isArray(value)) value.forEach((v, i) => expectNoNaN(v, `${path}[${i}]`));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) expectNoNaN(v, `${path}.${k}`);
}

/**
 * Every category by hand. Full path (FT, LC, OC, CW 22.5; MID 10); no contact has a lead date, so LC is missing.
 * - O1 (A1, 10,000): X1 internal_referral (FT), T1 MID, T2 OC, T3 CW; 77.5 present: X1 = 10,000 x 22.5 / 77.5.
 * - U1 (A1 upgrade, 5,000): OC = X2 (post, after O1's close), CW = T4: 50/50, X2 = 2,500; sourced by OC.
 * - O2 (A2, 20,000): external referral X3 by an unresolved member to bob@beta.com (no contact: domain → A2);
 *   T5 FT|OC, X4 reply MID, T6 CW: X4 = 20,000 x 10 / 77.5.
 * - O3 (A4 delta.com, 8,000): X5 job move of M4 to delta.com is FT|OC on A4, T7 CW: X5 = 8,000 x 45 / 67.5.
 * - O4 (A3, 12,000): T8 FT|OC, X9 answer CW: X9 = 12,000 / 3 = 4,000. Linked to F1 (shipped 2024-06-15, requested
 *   by M3 and M1 before, by M2 after) and to F2 (never shipped): roadmap-influenced.
 * - Renewals: R1 (A1, won 6,000) and R2 (A2, lost 2,000) engaged; R3 (A3, won 3,000), R4 (A3, lost 3,000) not (X9 is
 *   more than 365 days before them).
 */
const WORLD: Rows = {
  accounts: [
    { account_id: 'A1', domain: 'acme.com', segment: 'smb' },
    { account_id: 'A2', domain: 'beta.com', segment: 'enterprise' },
    { account_id: 'A3', domain: 'gamma.com', segment: 'smb' },
    { account_id: 'A4', domain: 'delta.com' },
  ],
  contacts: [
    { contact_id: 'C1', account_id: 'A1', email: 'ann@acme.com' },
    { contact_id: 'C3', account_id: 'A3', email: 'cat@gamma.com' },
  ],
  community_members: [
    { member_id: 'M1', email: 'ann@acme.com' },
    { member_id: 'M2', email: 'bob@beta.com' },
    { member_id: 'M3', email: 'zed@gmail.com' },
    { member_id: 'M4', email: 'dan@acme.com' },
    { member_id: 'M5', email: 'cat@gamma.com' },
  ],
  opportunities: [
    wonDeal({ id: 'O1', account: 'A1', amount: 10_000, created: '2024-03-01', closed: '2024-03-31' }),
    wonDeal({ id: 'U1', account: 'A1', amount: 5_000, created: '2024-06-01', closed: '2024-06-30', type: 'upgrade' }),
    wonDeal({ id: 'O2', account: 'A2', amount: 20_000, created: '2024-04-01', closed: '2024-04-30' }),
    wonDeal({ id: 'O3', account: 'A4', amount: 8_000, created: '2024-05-01', closed: '2024-05-20' }),
    wonDeal({ id: 'O4', account: 'A3', amount: 12_000, created: '2024-07-01', closed: '2024-07-31' }),
    lostDeal({ id: 'L1', account: 'A3', amount: 7_000, created: '2024-06-01', closed: '2024-06-10' }),
    wonDeal({ id: 'R1', account: 'A1', amount: 6_000, created: '2025-01-01', closed: '2025-01-31', type: 'renewal' }),
    lostDeal({ id: 'R2', account: 'A2', amount: 2_000, created: '2025-03-01', closed: '2025-03-31', type: 'renewal' }),
    wonDeal({ id: 'R3', account: 'A3', amount: 3_000, created: '2025-08-01', closed: '2025-08-31', type: 'renewal' }),
    lostDeal({ id: 'R4', account: 'A3', amount: 3_000, created: '2025-09-01', closed: '2025-09-30', type: 'renewal' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-02-15' }),
    touchpoint({ id: 'T2', account: 'A1', when: '2024-03-01T09:00:00Z' }),
    touchpoint({ id: 'T3', account: 'A1', when: '2024-03-20' }),
    touchpoint({ id: 'T4', account: 'A1', when: '2024-06-15' }),
    touchpoint({ id: 'T5', account: 'A2', when: '2024-03-15' }),
    touchpoint({ id: 'T6', account: 'A2', when: '2024-04-20' }),
    touchpoint({ id: 'T7', account: 'A4', when: '2024-05-10' }),
    touchpoint({ id: 'T8', account: 'A3', when: '2024-06-20' }),
  ],
  community_actions: [
    action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'internal_referral' }),
    action({ id: 'X2', member: 'M1', when: '2024-05-10', type: 'post' }),
    action({ id: 'X3', member: 'M3', when: '2024-02-01', type: 'external_referral', targetEmail: 'bob@beta.com' }),
    action({ id: 'X4', member: 'M2', when: '2024-04-10', type: 'reply' }),
    action({ id: 'X5', member: 'M4', when: '2024-04-01', type: 'job_move', targetDomain: 'delta.com' }),
    action({ id: 'X6', member: 'M3', when: '2024-03-01', type: 'feature_request', feature: 'F1' }),
    action({ id: 'X7', member: 'M1', when: '2024-05-01', type: 'feature_request', feature: 'F1' }),
    action({ id: 'X8', member: 'M2', when: '2024-07-01', type: 'feature_request', feature: 'F1' }),
    action({ id: 'X9', member: 'M5', when: '2024-07-10', type: 'answer' }),
  ],
  features: [{ feature_id: 'F1', shipped_at: at('2024-06-15') }, { feature_id: 'F2' }],
  opportunity_features: [
    { opportunity_id: 'O4', feature_id: 'F1' },
    { opportunity_id: 'O4', feature_id: 'F2' },
    { opportunity_id: 'O2', feature_id: 'F1' },
    { opportunity_id: 'L1', feature_id: 'F1' },
  ],
};

const X1 = (10_000 * 22.5) / 77.5;
const X4 = (20_000 * 10) / 77.5;
const X5 = (8_000 * 45) / 67.5;

describe('community-attributed revenue by hand', () => {
  const car = carOf(WORLD, { roadmapShare: 0.25 });

  it('reports the three measures separately', () => {
    expect(car.attributed).toBeCloseTo(X1 + 2_500 + X4 + X5 + 4_000, 9);
    expect(car.influenced).toBe(10_000 + 5_000 + 20_000 + 8_000 + 12_000);
    expect(car.sourced).toBe(10_000 + 5_000 + 20_000 + 8_000);
    expect(car.communityTouchesPerWonDeal).toBeCloseTo(5 / 7, 12); // X1 X2 X4 X5 X9 over 7 won deals
  });

  it('lists each sourced opportunity once with its earliest source (a link kind wins over FT on the same action)', () => {
    expect(car.sourcedOpportunities).toEqual([
      { opportunityId: 'O1', amount: 10_000, source: 'internal_referral', actionId: 'X1', at: at('2024-01-10') },
      { opportunityId: 'O2', amount: 20_000, source: 'external_referral', actionId: 'X3', at: at('2024-02-01') },
      { opportunityId: 'O3', amount: 8_000, source: 'job_move', actionId: 'X5', at: at('2024-04-01') },
      { opportunityId: 'U1', amount: 5_000, source: 'opportunity_creation', actionId: 'X2', at: at('2024-05-10') },
    ]);
    expect(car.linkedNotWon).toEqual([]);
  });

  it('computes the sourcing, upgrade and engagement categories', () => {
    const c = car.byCategory;
    expect(c.internal_referral).toEqual({ attributed: expect.closeTo(X1, 9), sourced: 10_000 });
    expect(c.external_referral).toEqual({ attributed: 0, sourced: 20_000 }); // X3's member is no touch
    expect(c.job_move).toEqual({ attributed: expect.closeTo(X5, 9), sourced: 8_000 });
    expect(c.upgrade).toEqual({ attributed: 2_500, influenced: 5_000, sourced: 5_000 });
    expect(c.engagement.attributed).toBeCloseTo(2_500 + X4 + 4_000, 9);
  });

  it('splits attributed CAR over positions; X5 holds FT and OC of equal weight', () => {
    const p = car.attributedByPosition;
    expect(p.FT).toBeCloseTo(X1 + X5 / 2, 9);
    expect(p.LC).toBe(0);
    expect(p.OC).toBeCloseTo(2_500 + X5 / 2, 9);
    expect(p.CW).toBeCloseTo(4_000, 9);
    expect(p.MID).toBeCloseTo(X4, 9);
  });

  it('finds roadmap influence: won, closed after the ship date, requested before it (not after, not unshipped)', () => {
    expect(car.byCategory.roadmap).toEqual({
      attributed: 3_000,
      influenced: 12_000,
      opportunities: [{ opportunityId: 'O4', amount: 12_000, features: ['F1'], members: ['M1', 'M3'] }],
      byMember: [
        { memberId: 'M1', attributed: 1_500 },
        { memberId: 'M3', attributed: 1_500 },
      ],
    });
    expect(carOf(WORLD).byCategory.roadmap.attributed).toBe(0); // roadmap_share defaults to 0
  });

  it('compares renewal retention of engaged and other accounts, with a bootstrap interval', () => {
    const churn = car.byCategory.churn_reduction;
    expect(churn.engaged).toEqual({
      renewals: 2,
      won: 1,
      amount: 8_000,
      wonAmount: 6_000,
      retention: 0.75,
      empty: false,
    });
    expect(churn.other).toEqual({ renewals: 2, won: 1, amount: 6_000, wonAmount: 3_000, retention: 0.5, empty: false });
    expect(churn.retained).toBe(2_000); // (0.75 - 0.5) x 8,000
    // Resamples: engaged retention 1 (x12,000), 0.75 (x8,000) or 0; other 1, 0.5 or 0. P(12,000) = 1/16 > 2.5%.
    expect(churn.interval).toEqual([0, 12_000]);
    expect(churn.resamples).toBe(1000);
    expect(churn.caveat).toMatch(/correlation/i);
    expect(churn.note).toBeNull();
    expect(
      churn.bySegment.map((s) => [s.segment, s.retained, s.interval, s.engaged.renewals, s.other.renewals]),
    ).toEqual([
      ['enterprise', 0, [0, 0], 1, 0],
      ['smb', 3_000, [0, 6_000], 1, 2], // (1 - 0.5) x 6,000
    ]);
    expect(churn.bySegment[0]?.note).toMatch(/other/);
    expectNoNaN(car);
  });

  it('splits a multi-milestone touch by the weights when given, equally otherwise', () => {
    const custom = { FT: 10, LC: 0, OC: 30, CW: 60, MID: 0 };
    // O3 under custom: X5 (FT|OC) gets 8,000 x 40 / 100 = 3,200.
    const o3Only: Rows = { ...WORLD, opportunities: WORLD.opportunities?.filter((o) => o.opportunity_id === 'O3') };
    expect(carOf(o3Only, { weights: custom }, custom).attributedByPosition).toMatchObject({ FT: 800, OC: 2_400 });
    expect(carOf(o3Only, {}, custom).attributedByPosition).toMatchObject({ FT: 1_600, OC: 1_600 });
  });
});

/** An unresolved member referring other companies: its actions are no touches, so only links can source. */
const REFERRER: Rows['community_members'] = [{ member_id: 'Z', email: 'zed@gmail.com' }];
const T0 = at('2024-01-01T12:00:00Z');

describe('sourcing links', () => {
  it('counts an opportunity created on the W-th calendar day after the action, not the day after', () => {
    // The action is at noon on 1 January; day 180 after it is 29 June, which ends at the window's last millisecond.
    const endOfDay180 = at('2024-06-29T23:59:59.999Z');
    const rows: Rows = {
      accounts: ['b1', 'b2', 'b3', 'b4', 'b5'].map((d, i) => ({ account_id: `B${i + 1}`, domain: `${d}.com` })),
      community_members: REFERRER,
      opportunities: [
        wonDeal({ id: 'P1', account: 'B1', amount: 100, created: T0 + 180 * DAY, closed: T0 + 200 * DAY }),
        wonDeal({ id: 'P2', account: 'B2', amount: 200, created: endOfDay180 + 1, closed: T0 + 200 * DAY }),
        wonDeal({ id: 'P3', account: 'B3', amount: 400, created: T0, closed: T0 + 200 * DAY }),
        wonDeal({ id: 'P4', account: 'B4', amount: 800, created: T0 - 1, closed: T0 + 200 * DAY }),
        wonDeal({ id: 'P5', account: 'B5', amount: 1600, created: endOfDay180, closed: T0 + 200 * DAY }),
      ],
      community_actions: ['b1', 'b2', 'b3', 'b4', 'b5'].map((d, i) =>
        action({ id: `E${i + 1}`, member: 'Z', when: T0, type: 'external_referral', targetDomain: `${d}.com` }),
      ),
    };
    const car = carOf(rows);
    expect(car.sourcedOpportunities.map((s) => s.opportunityId)).toEqual(['P1', 'P3', 'P5']);
    expect(car.sourced).toBe(2100);
    expect(carOf(rows, { referralWindowDays: 181 }).sourced).toBe(2300);
  });

  it("takes the row's opportunity_id over the window search, and an unknown one links nothing", () => {
    const car = carOf({
      accounts: [{ account_id: 'A1', domain: 'acme.com' }],
      contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'ann@acme.com' }],
      community_members: [{ member_id: 'M1', email: 'ann@acme.com' }],
      opportunities: [
        wonDeal({ id: 'Q1', account: 'A1', amount: 100, created: '2024-02-01', closed: '2024-02-10' }),
        wonDeal({ id: 'Q2', account: 'A1', amount: 300, created: '2025-06-01', closed: '2025-06-10' }),
      ],
      touchpoints: [touchpoint({ id: 'T0', account: 'A1', when: '2023-12-01' })], // the FT of both journeys: only the links can source
      community_actions: [
        action({ id: 'I1', member: 'M1', when: '2024-01-10', type: 'internal_referral', opportunity: 'Q2' }),
        action({ id: 'I2', member: 'M1', when: '2024-01-11', type: 'internal_referral', opportunity: 'NOPE' }),
      ],
    });
    expect(car.sourcedOpportunities).toEqual([
      { opportunityId: 'Q2', amount: 300, source: 'internal_referral', actionId: 'I1', at: at('2024-01-10') },
    ]);
    expect(car.byCategory.internal_referral.sourced).toBe(300);
  });

  it('takes the first opportunity by (created_at, id), ids compared by code unit', () => {
    const car = carOf({
      accounts: [{ account_id: 'K', domain: 'k.com' }],
      community_members: REFERRER,
      opportunities: [
        wonDeal({ id: 'K2', account: 'K', amount: 100, created: '2024-02-01', closed: '2024-03-01' }),
        wonDeal({ id: 'K10', account: 'K', amount: 200, created: '2024-02-01', closed: '2024-03-01' }),
        wonDeal({ id: 'K0', account: 'K', amount: 400, created: '2024-02-02', closed: '2024-03-01' }),
      ],
      community_actions: [
        action({ id: 'E1', member: 'Z', when: '2024-01-15', type: 'external_referral', targetEmail: 'x@k.com' }),
      ],
    });
    expect(car.sourcedOpportunities.map((s) => s.opportunityId)).toEqual(['K10']);
  });

  it('counts an opportunity sourced twice once, from the earliest action, but in each link category', () => {
    const car = carOf({
      accounts: [{ account_id: 'A1', domain: 'acme.com' }],
      contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'ann@acme.com' }],
      community_members: [...(REFERRER ?? []), { member_id: 'M1', email: 'ann@acme.com' }],
      opportunities: [wonDeal({ id: 'D1', account: 'A1', amount: 1_000, created: '2024-03-01', closed: '2024-03-31' })],
      touchpoints: [touchpoint({ id: 'T0', account: 'A1', when: '2023-12-01' })],
      community_actions: [
        action({ id: 'R1', member: 'M1', when: '2024-02-10', type: 'internal_referral' }),
        action({ id: 'R2', member: 'Z', when: '2024-02-01', type: 'external_referral', targetEmail: 'ann@acme.com' }),
      ],
    });
    expect(car.sourced).toBe(1_000);
    expect(car.sourcedOpportunities).toEqual([
      { opportunityId: 'D1', amount: 1_000, source: 'external_referral', actionId: 'R2', at: at('2024-02-01') },
    ]);
    expect(car.byCategory.internal_referral.sourced).toBe(1_000);
    expect(car.byCategory.external_referral.sourced).toBe(1_000);
  });

  it('links a job move to the first new-business deal within W; past W only its FT touch sources', () => {
    const car = carOf({
      accounts: [
        { account_id: 'A1', domain: 'acme.com' },
        { account_id: 'N1', domain: 'new.com' },
        { account_id: 'N2', domain: 'late.com' },
      ],
      community_members: [{ member_id: 'M1', email: 'ann@acme.com' }],
      opportunities: [
        wonDeal({ id: 'N1U', account: 'N1', amount: 50, created: '2024-01-20', closed: '2024-02-01', type: 'upgrade' }),
        wonDeal({ id: 'N1B', account: 'N1', amount: 500, created: '2024-02-01', closed: '2024-02-20' }),
        wonDeal({ id: 'N2B', account: 'N2', amount: 700, created: '2025-02-01', closed: '2025-02-20' }),
      ],
      community_actions: [
        action({ id: 'J1', member: 'M1', when: '2024-01-10', type: 'job_move', targetDomain: 'new.com' }),
        action({ id: 'J2', member: 'M1', when: '2024-06-01', type: 'job_move', targetDomain: 'late.com' }), // 245 days before N2B
      ],
    });
    expect(car.byCategory.job_move.sourced).toBe(500);
    expect(car.sourcedOpportunities.map((s) => [s.opportunityId, s.source])).toEqual([
      ['N1B', 'job_move'],
      ['N1U', 'opportunity_creation'], // J1 is on N1 from the move on: the upgrade's OC touch
      ['N2B', 'first_touch'],
    ]);
  });

  it('never matches a free-mail target domain, and reports links to lost or open deals without counting them', () => {
    const car = carOf({
      accounts: [
        { account_id: 'G', domain: 'gmail.com' },
        { account_id: 'L', domain: 'lost.com' },
        { account_id: 'P', domain: 'open.com' },
      ],
      community_members: REFERRER,
      opportunities: [
        wonDeal({ id: 'G1', account: 'G', amount: 100, created: '2024-02-01', closed: '2024-02-10' }),
        lostDeal({ id: 'L1', account: 'L', amount: 200, created: '2024-02-01', closed: '2024-02-10' }),
        wonDeal({ id: 'L2', account: 'L', amount: 250, created: '2024-02-02', closed: '2024-02-10' }),
        openDeal({ id: 'P1', account: 'P', amount: 300, created: '2024-02-01' }),
      ],
      community_actions: [
        action({ id: 'E1', member: 'Z', when: '2024-01-10', type: 'external_referral', targetDomain: 'gmail.com' }),
        action({
          id: 'E2',
          member: 'Z',
          when: '2024-01-10',
          type: 'external_referral',
          targetEmail: 'someone@gmail.com',
        }),
        action({ id: 'E3', member: 'Z', when: '2024-01-10', type: 'job_move', targetDomain: 'gmail.com' }),
        action({ id: 'E4', member: 'Z', when: '2024-01-10', type: 'external_referral', targetDomain: 'lost.com' }),
        action({ id: 'E5', member: 'Z', when: '2024-01-10', type: 'external_referral', targetDomain: 'open.com' }),
      ],
    });
    expect(car.sourced).toBe(0);
    expect(car.sourcedOpportunities).toEqual([]);
    expect(car.linkedNotWon.map((l) => [l.opportunityId, l.stage, l.actionId])).toEqual([
      ['L1', 'lost', 'E4'],
      ['P1', 'open', 'E5'],
    ]);
  });
});

describe('churn reduction edges', () => {
  const renewal = (id: string, stage: 'won' | 'lost', amount: number, closedAt: number): Opp =>
    (stage === 'won' ? wonDeal : lostDeal)({
      id,
      account: 'A1',
      amount,
      created: closedAt - 30 * DAY,
      closed: closedAt,
      type: 'renewal',
    });
  const base: Rows = {
    accounts: [{ account_id: 'A1', domain: 'acme.com' }],
    community_members: [{ member_id: 'M1', email: 'ann@acme.com' }],
  };
  const close = at('2025-06-01T12:00:00Z');

  it('counts an action exactly 365 days before the close as engagement, not 1 ms earlier', () => {
    const engagedBy = (actionAt: number) =>
      carOf({
        ...base,
        opportunities: [renewal('R1', 'won', 100, close)],
        community_actions: [action({ id: 'P1', member: 'M1', when: actionAt, type: 'post' })],
      }).byCategory.churn_reduction.engaged.renewals;
    expect(engagedBy(close - 365 * DAY)).toBe(1);
    expect(engagedBy(close - 365 * DAY - 1)).toBe(0);
  });

  it('reports empty groups with retention 0 and a note, never NaN', () => {
    const car = carOf({ ...base, opportunities: [renewal('R1', 'won', 100, close), renewal('R2', 'lost', 0, close)] });
    const churn = car.byCategory.churn_reduction;
    expect(churn.engaged).toEqual({ renewals: 0, won: 0, amount: 0, wonAmount: 0, retention: 0, empty: true });
    expect(churn.other.retention).toBe(1);
    expect([churn.retained, churn.interval]).toEqual([0, [0, 0]]);
    expect(churn.note).toMatch(/engaged/);
    expectNoNaN(car);
  });

  it('gives the same interval for the same seed, and one that holds the point estimate', () => {
    const opportunities: Opp[] = [];
    const community_actions = [];
    const accounts = [];
    const community_members = [];
    for (let i = 0; i < 40; i++) {
      const account = `A${i}`;
      accounts.push({ account_id: account, domain: `a${i}.com` });
      const engaged = i % 2 === 0;
      if (engaged) {
        community_members.push({ member_id: `M${i}`, email: `m@a${i}.com` });
        community_actions.push(action({ id: `P${i}`, member: `M${i}`, when: close - 10 * DAY, type: 'post' }));
      }
      const won = engaged ? i % 8 !== 0 : i % 4 === 1;
      opportunities.push({ ...renewal(`R${i}`, won ? 'won' : 'lost', 1_000 + 37 * i, close), account_id: account });
    }
    const rows: Rows = { accounts, community_members, community_actions, opportunities };
    const first = carOf(rows, { seed: 7 }).byCategory.churn_reduction;
    const again = carOf(rows, { seed: 7 }).byCategory.churn_reduction;
    const other = carOf(rows, { seed: 8 }).byCategory.churn_reduction;
    expect(again.interval).toEqual(first.interval);
    expect(other.retained).toBe(first.retained);
    expect(other.interval).not.toEqual(first.interval);
    expect(first.retained).toBeGreaterThan(0);
    expect(first.interval[0]).toBeLessThanOrEqual(first.retained);
    expect(first.interval[1]).toBeGreaterThanOrEqual(first.retained);
    expect(first.interval[1]).toBeGreaterThan(first.interval[0]);
  });
});

describe('an empty project', () => {
  it('has no community revenue and no NaN', () => {
    const car = carOf({});
    expect([car.attributed, car.influenced, car.sourced, car.communityTouchesPerWonDeal]).toEqual([0, 0, 0, 0]);
    expect(car.byCategory.churn_reduction.interval).toEqual([0, 0]);
    expect(car.byCategory.churn_reduction.bySegment).toEqual([]);
    expect(car.sourcedOpportunities).toEqual([]);
    expectNoNaN(car);
  });
});

describe('roadmap CAR (property)', () => {
  /** Random worlds: four features (one never shipped), won and lost deals linked to some, requests before and after. */
  const worldArbitrary = fc
    .record({
      shipped: fc.array(fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }), { minLength: 4, maxLength: 4 }),
      deals: fc.array(
        fc.record({
          won: fc.boolean(),
          closedDay: fc.integer({ min: 1, max: 360 }),
          amount: fc.integer({ min: 1, max: 100_000 }),
          features: fc.subarray([0, 1, 2, 3]),
        }),
        { maxLength: 12 },
      ),
      requests: fc.array(
        fc.record({
          member: fc.integer({ min: 0, max: 7 }),
          feature: fc.nat(3),
          day: fc.integer({ min: 0, max: 360 }),
        }),
        { maxLength: 25 },
      ),
    })
    .map(({ shipped, deals, requests }) => ({
      accounts: [{ account_id: 'A1', domain: 'acme.com' }],
      community_members: Array.from({ length: 8 }, (_, m) => ({ member_id: `M${m}`, email: `m${m}@gmail.com` })),
      features: shipped.map((day, f) =>
        day === null ? { feature_id: `F${f}` } : { feature_id: `F${f}`, shipped_at: at('2024-01-01') + day * DAY },
      ),
      opportunities: deals.map(({ won, closedDay, amount }, d) => {
        const closed = new Date(at('2024-01-01') + closedDay * DAY).toISOString().slice(0, 10);
        const spec = { id: `O${d}`, account: 'A1', amount, created: '2024-01-01', closed };
        return won ? wonDeal(spec) : lostDeal(spec);
      }),
      opportunity_features: deals.flatMap(({ features }, d) =>
        features.map((f) => ({ opportunity_id: `O${d}`, feature_id: `F${f}` })),
      ),
      community_actions: requests.map(({ member, feature, day }, i) =>
        action({
          id: `R${i}`,
          member: `M${member}`,
          when: at('2024-01-01') + day * DAY + 1,
          type: 'feature_request',
          feature: `F${feature}`,
        }),
      ),
    }));

  it('lists each influenced deal with its features and requesters, and splits the share among them deal by deal', () => {
    fc.assert(
      fc.property(worldArbitrary, fc.constantFrom(0, 0.25, 1), (rows, roadmapShare) => {
        const { roadmap } = carOf(rows, { roadmapShare }).byCategory;
        // spec 7 read deal by deal.
        const shippedAt = new Map(rows.features.map((f) => [f.feature_id, 'shipped_at' in f ? f.shipped_at : null]));
        const expected: { opportunityId: string; amount: number; features: string[]; members: string[] }[] = [];
        const byMember = new Map<string, number>();
        for (const opp of rows.opportunities) {
          if (opp.stage !== 'won') continue;
          const features = rows.opportunity_features
            .filter((link) => link.opportunity_id === opp.opportunity_id)
            .map((link) => link.feature_id)
            .filter((feature) => {
              const shipped = shippedAt.get(feature);
              const requested = rows.community_actions.some(
                (a) => a.feature_id === feature && shipped != null && (a.occurred_at as number) < shipped,
              );
              return requested && shipped != null && (opp.closed_at as number) > shipped;
            });
          if (features.length === 0) continue;
          const members = [
            ...new Set(
              rows.community_actions
                .filter((a) => features.includes(a.feature_id as string))
                .filter((a) => (a.occurred_at as number) < (shippedAt.get(a.feature_id as string) as number))
                .map((a) => a.member_id),
            ),
          ].sort();
          expected.push({ opportunityId: opp.opportunity_id, amount: opp.amount as number, features, members });
          for (const m of members)
            byMember.set(m, (byMember.get(m) ?? 0) + (roadmapShare * (opp.amount as number)) / members.length);
        }
        const byId = (a: { opportunityId: string }, b: { opportunityId: string }) =>
          a.opportunityId.localeCompare(b.opportunityId);
        const sortedFeatures = (list: typeof expected) =>
          list.map((o) => ({ ...o, features: [...o.features].sort() })).sort(byId);
        expect(sortedFeatures(roadmap.opportunities)).toEqual(sortedFeatures(expected));
        expect(roadmap.influenced).toBeCloseTo(
          expected.reduce((sum, o) => sum + o.amount, 0),
          6,
        );
        expect(roadmap.byMember.map((m) => m.memberId)).toEqual([...byMember.keys()].sort());
        for (const { memberId, attributed } of roadmap.byMember) {
          expect(attributed).toBeCloseTo(byMember.get(memberId) as number, 6);
        }
      }),
      { numRuns: 40 },
    );
  });
});
