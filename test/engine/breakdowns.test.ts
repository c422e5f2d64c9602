import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/main/engine/models/attribute';
import { breakdowns, type BreakdownEntry, type Breakdowns } from '../../src/main/engine/models/breakdowns';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import { rowsArbitrary, TWO_DEALS } from './arbitraries';
import { datasetOf, endOf, type Rows } from './build';
import { touchpoint, wonDeal } from './rows';

const FULL_PATH = modelOptionsSchema.parse({ model: 'full-path' });

/** Entries as `key: [credit, touches]`, in list order, so a whole breakdown reads at a glance. */
const table = (entries: BreakdownEntry[]) => entries.map((e) => [e.key, e.credit, e.touches]);
const total = (entries: BreakdownEntry[]) => entries.reduce((sum, e) => sum + e.credit, 0);
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

/** Every breakdown adds up: the full ones to the run's attributed revenue, the community ones to community credit. */
function expectConsistent(result: Breakdowns, attributed: number): void {
  close(result.attributed, attributed);
  for (const list of [result.byChannel, result.byCampaign, result.byTouchKind, result.byPosition]) {
    close(total(list), attributed);
  }
  close(total(result.byOpportunityType), attributed);
  const community = result.byTouchKind.find((e) => e.key === 'community')?.credit ?? 0;
  close(total(result.byActionType), community);
  close(total(result.byMember.top) + (result.byMember.other?.credit ?? 0), community);
  for (const list of Object.values(result).filter(Array.isArray) as BreakdownEntry[][]) {
    const sorted = [...list].sort((a, b) => b.credit - a.credit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    expect(list).toEqual(sorted);
    for (const entry of list) expect(Number.isFinite(entry.credit) && entry.credit >= 0).toBe(true);
  }
}

describe('breakdowns of a hand-computed two-deal project under full path', () => {
  const data = datasetOf(TWO_DEALS);
  const run = attribute(data, FULL_PATH);
  const result = breakdowns(data, run);

  it('adds up to the attributed revenue and leaves the untouched deal unattributed', () => {
    expect(run.attributed).toBe(1400);
    expectConsistent(result, run.attributed);
    expect(result.unattributed).toEqual({ amount: 300, count: 1 });
  });

  it('credits channels and campaigns, and lists no channel only a lost deal touched', () => {
    expect(table(result.byChannel)).toEqual([
      ['ads', 425, 2],
      ['email', 275, 2],
      ['community:post', 250, 2],
      ['community:internal_referral', 225, 1],
      ['community:reply', 225, 1],
    ]);
    expect(result.byChannel).toEqual(
      run.byChannel
        .filter((c) => c.credit > 0)
        .map((c) => expect.objectContaining({ key: c.channel, label: c.channel, credit: c.credit })),
    );
    expect(result.byCampaign).toEqual([
      { key: '', label: '(no campaign)', credit: 1125, touches: 6 },
      { key: 'Spring', label: 'Spring', credit: 275, touches: 2 },
    ]);
  });

  it('splits by touch kind, position, action type and opportunity type', () => {
    expect(result.byTouchKind).toEqual([
      { key: 'community', label: 'Community', credit: 700, touches: 4 },
      { key: 'marketing', label: 'Marketing', credit: 700, touches: 4 },
    ]);
    expect(table(result.byPosition)).toEqual([
      ['CW', 425, 2],
      ['OC', 425, 2],
      ['FT', 225, 1],
      ['LC', 225, 1],
      ['MID', 100, 2],
    ]);
    expect(result.byActionType).toEqual([
      { key: 'post', label: 'Post', credit: 250, touches: 2 },
      { key: 'internal_referral', label: 'Internal referral', credit: 225, touches: 1 },
      { key: 'reply', label: 'Reply', credit: 225, touches: 1 },
    ]);
    expect(result.byOpportunityType).toEqual([
      { key: 'new_business', label: 'New business', credit: 1000, touches: 6 },
      { key: 'upgrade', label: 'Upgrade', credit: 400, touches: 2 },
    ]);
  });

  it('lists members by community credit and folds those past the top into "Other"', () => {
    expect(result.byMember).toEqual({
      top: [
        { key: 'M1', label: 'M1', credit: 450, touches: 2 },
        { key: 'M2', label: 'M2', credit: 250, touches: 2 },
      ],
      other: null,
      members: 2,
    });
    expect(breakdowns(data, run, { topMembers: 1 }).byMember).toEqual({
      top: [{ key: 'M1', label: 'M1', credit: 450, touches: 2 }],
      other: { key: '', label: 'Other (1 member)', credit: 250, touches: 2 },
      members: 2,
    });
  });
});

/** One $1,000 deal: T1 is FT and LC, T2 middle, T3 both OC and CW. */
const COINCIDING: Rows = {
  accounts: [{ account_id: 'A1' }],
  contacts: [{ contact_id: 'C1', account_id: 'A1', lead_created_at: endOf('2024-02-01') }],
  opportunities: [wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' })],
  touchpoints: [
    touchpoint({ id: 'T1', contact: 'C1', when: '2024-01-15' }),
    touchpoint({ id: 'T2', contact: 'C1', when: '2024-02-10' }),
    touchpoint({ id: 'T3', contact: 'C1', when: '2024-03-01T09:00:00Z', channel: 'ads' }),
  ],
};

describe('a touch holding several positions', () => {
  const data = datasetOf(COINCIDING);
  const byPosition = (options: ModelOptionsInput) =>
    Object.fromEntries(
      breakdowns(data, attribute(data, modelOptionsSchema.parse(options))).byPosition.map((e) => [
        e.key,
        [e.credit, e.touches],
      ]),
    );

  it('splits its credit over them in proportion to the weights under a position model', () => {
    // W-shaped: FT 30 + LC 30 on T1 (600), MID 10 on T2 (100), OC 30 + CW 0 on T3 (300).
    expect(byPosition({ model: 'w-shaped' })).toEqual({
      FT: [300, 1],
      LC: [300, 1],
      OC: [300, 1],
      CW: [0, 1],
      MID: [100, 1],
    });
    expect(byPosition({ model: 'custom', weights: { FT: 1, LC: 3, OC: 0, CW: 0, MID: 0 } })).toEqual({
      FT: [250, 1],
      LC: [750, 1],
      OC: [0, 1],
      CW: [0, 1],
      MID: [0, 1],
    });
  });

  it('splits it equally under a model without positions', () => {
    const result = byPosition({ model: 'linear' });
    for (const key of ['FT', 'LC', 'OC', 'CW'] as const) expect(result[key]?.[0]).toBeCloseTo(1000 / 6, 9);
    expect(result['MID']?.[0]).toBeCloseTo(1000 / 3, 9);
  });
});

describe('breakdowns of an empty project', () => {
  it('has empty lists, zero totals and no NaN', () => {
    const data = datasetOf({});
    const result = breakdowns(data, attribute(data, FULL_PATH));
    expect(result).toEqual({
      attributed: 0,
      byChannel: [],
      byCampaign: [],
      byTouchKind: [],
      byPosition: [],
      byActionType: [],
      byMember: { top: [], other: null, members: 0 },
      byOpportunityType: [],
      byField: null,
      unattributed: { amount: 0, count: 0 },
    });
  });
});

describe('breakdown properties', () => {
  const models: ModelOptionsInput[] = [
    { model: 'full-path' },
    { model: 'first-touch' },
    { model: 'w-shaped' },
    { model: 'custom', weights: { FT: 0, LC: 1, OC: 2, CW: 0, MID: 5 } },
    { model: 'linear' },
    { model: 'time-decay' },
    { model: 'markov' },
    { model: 'shapley' },
  ];

  it('every breakdown adds up to the attributed revenue, for every model and upgrade policy', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.constantFrom('restart-at-opportunity', 'account-lifetime' as const),
        fc.nat(3),
        (rows, upgradePolicy, topMembers) => {
          const data = datasetOf(rows);
          for (const model of models) {
            const run = attribute(data, modelOptionsSchema.parse({ ...model, upgradePolicy }));
            const result = breakdowns(data, run, { topMembers });
            expectConsistent(result, run.attributed);
            close(result.unattributed.amount + result.attributed, run.revenue);
            expect(result.byMember.top.length).toBeLessThanOrEqual(topMembers);
            // The top members are the first ones of the whole sorted list, ties broken by id.
            const all = breakdowns(data, run, { topMembers: 1e9 }).byMember;
            expect(result.byMember.top).toEqual(all.top.slice(0, topMembers));
            expect(result.byMember.members).toBe(all.members);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
