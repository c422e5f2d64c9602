import { describe, expect, it } from 'vitest';
import type { Dataset } from '../../src/main/engine/arrays/dataset';
import { positionCredits } from '../../src/main/engine/models/credit';
import {
  buildJourneys,
  type JourneyOptions,
  POSITION_BITS,
  POSITION_NAMES,
} from '../../src/main/engine/models/journeys';
import { PRESET_WEIGHTS, type PositionWeights } from '../../src/shared/modelOptions';
import { datasetOf, endOf, type Rows } from './build';
import { action, lostDeal, openDeal, touchpoint, wonDeal } from './rows';

const RESTART: JourneyOptions = { lookbackDays: 0, upgradePolicy: 'restart-at-opportunity' };

/** Per opportunity, its touches' credits and positions keyed by touch id. */
function creditsOf(data: Dataset, weights: PositionWeights, options: JourneyOptions = RESTART) {
  const journeys = buildJourneys(data, options);
  const credits = positionCredits(data, journeys, weights);
  const out: Record<string, Record<string, { credit: number; positions: string }>> = {};
  for (let j = 0; j < journeys.count; j++) {
    const opp = data.opportunities.id[journeys.opportunity[j] as number] as string;
    out[opp] = {};
    for (let k = journeys.start[j] as number; k < (journeys.start[j + 1] as number); k++) {
      const bits = journeys.positions[k] as number;
      out[opp][data.touches.id[journeys.touch[k] as number] as string] = {
        credit: credits[k] as number,
        positions: POSITION_NAMES.filter((_, i) => bits & (POSITION_BITS[i] as number)).join('|'),
      };
    }
  }
  return out;
}

/** A touch of the one contact, C1. */
const touch = (id: string, when: string) => touchpoint({ id, contact: 'C1', when });

/** The seed's worked example: a $100,000 new-business deal, then two $25,000 upgrades. */
const SEED: Rows = {
  accounts: [{ account_id: 'A1' }],
  contacts: [{ contact_id: 'C1', account_id: 'A1', lead_created_at: endOf('2024-02-01') }],
  opportunities: [
    wonDeal({ id: 'O1', account: 'A1', amount: 100_000, created: '2024-03-01', closed: '2024-03-31' }),
    wonDeal({ id: 'U1', account: 'A1', amount: 25_000, created: '2024-06-01', closed: '2024-06-30', type: 'upgrade' }),
    wonDeal({ id: 'U2', account: 'A1', amount: 25_000, created: '2024-09-01', closed: '2024-09-30', type: 'upgrade' }),
  ],
  touchpoints: [
    touch('T01', '2024-01-05'),
    touch('T02', '2024-01-20'),
    touch('T03', '2024-02-01T10:00:00Z'),
    touch('T04', '2024-02-15'),
    touch('T05', '2024-03-01T09:00:00Z'),
    touch('T06', '2024-03-10'),
    touch('T07', '2024-03-30'),
    touch('T08', '2024-04-10'),
    touch('T09', '2024-05-20'),
    touch('T10', '2024-06-10'),
    touch('T11', '2024-06-20'),
    touch('T12', '2024-09-15'),
  ],
};

describe("the seed's worked example under full path", () => {
  const result = creditsOf(datasetOf(SEED), PRESET_WEIGHTS['full-path']);

  it('gives 22.5% to each milestone of the new-business deal and 10% shared by its middle touches', () => {
    expect(result['O1']).toEqual({
      T01: { credit: 22_500, positions: 'FT' },
      T02: { credit: expect.closeTo(10_000 / 3, 9), positions: 'MID' },
      T03: { credit: 22_500, positions: 'LC' },
      T04: { credit: expect.closeTo(10_000 / 3, 9), positions: 'MID' },
      T05: { credit: 22_500, positions: 'OC' },
      T06: { credit: expect.closeTo(10_000 / 3, 9), positions: 'MID' },
      T07: { credit: 22_500, positions: 'CW' },
    });
  });

  it('credits the first upgrade over its mini-journey from opportunity creation (FT and LC redistributed)', () => {
    // Present: OC 22.5, MID 10, CW 22.5 of 55. T08 precedes T09, the last touch before the upgrade was created.
    expect(result['U1']).toEqual({
      T09: { credit: expect.closeTo((25_000 * 22.5) / 55, 9), positions: 'OC' },
      T10: { credit: expect.closeTo((25_000 * 10) / 55, 9), positions: 'MID' },
      T11: { credit: expect.closeTo((25_000 * 22.5) / 55, 9), positions: 'CW' },
    });
  });

  it("starts the second upgrade after the first one's close: no OC touch, its one touch gets everything", () => {
    expect(result['U2']).toEqual({ T12: { credit: 25_000, positions: 'CW' } });
  });

  it('builds upgrades like new business under the account-lifetime policy', () => {
    const lifetime = creditsOf(datasetOf(SEED), PRESET_WEIGHTS['full-path'], {
      lookbackDays: 0,
      upgradePolicy: 'account-lifetime',
    });
    expect(Object.keys(lifetime['U1'] ?? {})).toEqual([
      'T01',
      'T02',
      'T03',
      'T04',
      'T05',
      'T06',
      'T07',
      'T08',
      'T09',
      'T10',
      'T11',
    ]);
    expect(lifetime['U1']?.['T01']).toEqual({ credit: 25_000 * 0.225, positions: 'FT' });
    expect(lifetime['U1']?.['T03']?.positions).toBe('LC');
    expect(lifetime['U1']?.['T09']?.positions).toBe('OC');
    expect(lifetime['U1']?.['T11']?.positions).toBe('CW');
  });
});

function oneDeal(
  touches: Rows['touchpoints'],
  lead: number | null = endOf('2024-02-01'),
  extra: Partial<Rows> = {},
): Rows {
  return {
    accounts: [{ account_id: 'A1' }],
    contacts: [{ contact_id: 'C1', account_id: 'A1', lead_created_at: lead }],
    opportunities: [wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' })],
    touchpoints: touches,
    ...extra,
  };
}

const credit = (result: ReturnType<typeof creditsOf>, opp: string) =>
  Object.fromEntries(Object.entries(result[opp] ?? {}).map(([id, value]) => [id, value.credit]));

describe('position models by hand', () => {
  it('adds the credits of milestones that coincide on one touch, and spreads a missing MID', () => {
    // T1 is FT and LC; no middle touch: MID's 10 goes to the four milestones in proportion, 25% each.
    const data = datasetOf(oneDeal([touch('T1', '2024-01-15'), touch('T2', '2024-02-20'), touch('T3', '2024-03-20')]));
    const result = creditsOf(data, PRESET_WEIGHTS['full-path']);
    expect(result['O1']).toEqual({
      T1: { credit: 500, positions: 'FT|LC' },
      T2: { credit: 250, positions: 'OC' },
      T3: { credit: 250, positions: 'CW' },
    });
  });

  it('gives a one-touch journey 100% under every position model', () => {
    const data = datasetOf(oneDeal([touch('T1', '2024-03-05')], null));
    for (const weights of Object.values(PRESET_WEIGHTS)) {
      expect(credit(creditsOf(data, weights), 'O1')).toEqual({ T1: 1000 });
    }
  });

  it('orders touches tied on the same instant by kind ("community" before "marketing"), then by id', () => {
    const data = datasetOf(
      oneDeal(
        [touch('T1', '2024-01-10'), touch('T2b', '2024-03-01T12:00:00Z'), touch('T2a', '2024-03-01T12:00:00Z')],
        null,
        {
          community_members: [{ member_id: 'M1', email: 'm@acme.com' }],
          contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'm@acme.com', lead_created_at: null }],
          community_actions: [action({ id: 'X1', member: 'M1', when: '2024-03-01T12:00:00Z', type: 'post' })],
        },
      ),
    );
    const result = creditsOf(data, PRESET_WEIGHTS['full-path'])['O1'] ?? {};
    expect(Object.keys(result)).toEqual(['T1', 'X1', 'T2a', 'T2b']);
    expect(result['T2b']?.positions).toBe('OC|CW');
  });

  it('reads a date-only close date as the whole day: a touch that evening counts, the next morning does not', () => {
    const data = datasetOf(
      oneDeal(
        [touch('T1', '2024-03-05'), touch('T2', '2024-03-31T18:00:00Z'), touch('T3', '2024-04-01T06:00:00Z')],
        null,
      ),
    );
    expect(creditsOf(data, PRESET_WEIGHTS['last-touch'])['O1']).toMatchObject({
      T2: { credit: 1000, positions: 'CW' },
    });
    expect(Object.keys(creditsOf(data, PRESET_WEIGHTS['last-touch'])['O1'] ?? {})).toEqual(['T1', 'T2']);
  });

  it('cuts the journey at the lookback window before the opportunity was created', () => {
    const data = datasetOf(
      oneDeal([touch('T1', '2023-12-01'), touch('T2', '2024-02-10'), touch('T3', '2024-03-20')], null),
    );
    const cut = creditsOf(data, PRESET_WEIGHTS['first-touch'], {
      lookbackDays: 30,
      upgradePolicy: 'restart-at-opportunity',
    });
    expect(cut['O1']).toEqual({ T2: { credit: 1000, positions: 'FT|OC' }, T3: { credit: 0, positions: 'CW' } });
    const whole = creditsOf(data, PRESET_WEIGHTS['first-touch']);
    expect(credit(whole, 'O1')).toEqual({ T1: 1000, T2: 0, T3: 0 });
  });

  it('redistributes a missing LC in proportion: U-shaped without a lead date gives FT 40/60 and MID 20/60', () => {
    const data = datasetOf(
      oneDeal([touch('T1', '2024-01-10'), touch('T2', '2024-02-10'), touch('T3', '2024-03-20')], null),
    );
    // T1 FT, T2 OC, T3 CW: only T2 is... not middle (it holds OC), so MID is missing too: FT takes everything.
    expect(credit(creditsOf(data, PRESET_WEIGHTS['u-shaped']), 'O1')).toEqual({ T1: 1000, T2: 0, T3: 0 });
    const withMiddle = datasetOf(
      oneDeal(
        [
          touch('T1', '2024-01-10'),
          touch('T2', '2024-02-10'),
          touch('T3', '2024-03-01T08:00:00Z'),
          touch('T4', '2024-03-20'),
        ],
        null,
      ),
    );
    const result = credit(creditsOf(withMiddle, PRESET_WEIGHTS['u-shaped']), 'O1');
    expect(result['T1']).toBeCloseTo((1000 * 40) / 60, 9);
    expect(result['T2']).toBeCloseTo((1000 * 20) / 60, 9);
    expect(result['T3']).toBe(0);
    expect(result['T4']).toBe(0);
  });

  it('splits equally when every present position weighs 0, as first-touch and lead-creation do on upgrades', () => {
    const data = datasetOf(SEED);
    expect(credit(creditsOf(data, PRESET_WEIGHTS['first-touch']), 'U1')).toEqual({
      T09: 25_000 / 3,
      T10: 25_000 / 3,
      T11: 25_000 / 3,
    });
    expect(credit(creditsOf(data, PRESET_WEIGHTS['lead-creation']), 'U1')).toEqual({
      T09: 25_000 / 3,
      T10: 25_000 / 3,
      T11: 25_000 / 3,
    });
    expect(credit(creditsOf(data, { FT: 0, LC: 100, OC: 0, CW: 0, MID: 0 }), 'O1')['T01']).toBe(0);
  });

  it("keeps a touch of an unknown contact on the touch's own account", () => {
    const data = datasetOf(
      oneDeal([
        touch('T1', '2024-01-10'),
        touchpoint({ id: 'T2', contact: 'C-UNKNOWN', account: 'A1', when: '2024-03-20', channel: 'ads' }),
        touchpoint({ id: 'T3', contact: 'C-UNKNOWN', when: '2024-03-21', channel: 'ads' }),
      ]),
    );
    expect(Object.keys(creditsOf(data, PRESET_WEIGHTS['full-path'])['O1'] ?? {})).toEqual(['T1', 'T2']);
  });

  it('credits no lost or open opportunity, and leaves an untouched won one without credits', () => {
    const data = datasetOf({
      ...oneDeal([touch('T1', '2024-03-05')], null),
      opportunities: [
        lostDeal({ id: 'L1', account: 'A1', amount: 500, created: '2024-03-01', closed: '2024-03-31' }),
        openDeal({ id: 'P1', account: 'A1', amount: 700, created: '2024-03-01' }),
        wonDeal({ id: 'W0', account: 'A1', amount: 900, created: '2023-01-01', closed: '2023-01-02' }),
      ],
    });
    const result = creditsOf(data, PRESET_WEIGHTS['full-path']);
    expect(Object.keys(result).sort()).toEqual(['L1', 'W0']);
    expect(credit(result, 'L1')).toEqual({ T1: 0 });
    expect(result['W0']).toEqual({});
  });
});
