import { describe, expect, it } from 'vitest';
import { at, datasetOf, endOf, type Rows } from '../../../../test/engine/build';
import { lostDeal, openDeal, touchpoint, wonDeal } from '../../../../test/engine/rows';
import { MODEL_NAMES, modelOptionsSchema, type ModelName } from '../../../shared/modelOptions';
import type { Dataset } from '../arrays/dataset';
import { attribute } from './attribute';
import { explainJourney, moneyFormat } from './explain';
import { findOpportunity } from './opportunitySearch';

const touch = (id: string, contact: string, when: string, channel = 'email') =>
  touchpoint({ id, contact, when, channel });

/**
 * A1: a $1,000 deal with every position and three middle touches, then a $500 upgrade. A2: a $1,000 deal with no
 * lead and no middle touch, closed at midnight so its touches are whole days old. A3: a lost deal; A1 also has an
 * open one.
 */
const ROWS: Rows = {
  accounts: [{ account_id: 'A1' }, { account_id: 'A2' }, { account_id: 'A3' }],
  contacts: [
    { contact_id: 'C1', account_id: 'A1', lead_created_at: endOf('2024-02-01') },
    { contact_id: 'C2', account_id: 'A2' },
    { contact_id: 'C3', account_id: 'A3' },
  ],
  opportunities: [
    wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
    wonDeal({ id: 'U1', account: 'A1', amount: 500, created: '2024-06-01', closed: '2024-06-30', type: 'upgrade' }),
    openDeal({ id: 'P1', account: 'A1', amount: 700, created: '2024-07-01' }),
    wonDeal({ id: 'O2', account: 'A2', amount: 1000, created: '2024-03-01', closed: at('2024-03-31') }),
    lostDeal({ id: 'L3', account: 'A3', amount: 300, created: '2024-03-01', closed: '2024-03-31' }),
  ],
  touchpoints: [
    touch('T1', 'C1', '2024-01-10'),
    touch('T2', 'C1', '2024-01-20', 'web'),
    touch('M1', 'C1', '2024-02-05', 'ads'),
    touch('M2', 'C1', '2024-02-10'),
    touch('M3', 'C1', '2024-02-15', 'web'),
    touch('T4', 'C1', '2024-02-20', 'ads'),
    touch('T5', 'C1', '2024-03-19'),
    touch('T6', 'C1', '2024-05-01', 'web'),
    touch('T7', 'C1', '2024-06-10'),
    touch('X1', 'C2', '2024-02-10'),
    touch('X2', 'C2', '2024-02-20', 'web'),
    touch('X3', 'C2', '2024-03-19', 'ads'),
    touch('Y1', 'C3', '2024-02-10', 'ads'),
    touch('Y2', 'C3', '2024-03-10', 'web'),
  ],
};

const data: Dataset = datasetOf(ROWS);

function explain(id: string, model: ModelName) {
  const options = modelOptionsSchema.parse(
    model === 'custom' ? { model, weights: { FT: 1, LC: 0, OC: 2, CW: 0, MID: 3 } } : { model },
  );
  return explainJourney(data, attribute(data, options), findOpportunity(data, id), 'USD');
}

/** The amount a rule ends on: "… = $333.33". */
function ruleAmount(rule: string): number {
  const match = /= \$([\d,]+(?:\.\d+)?)$/.exec(rule);
  if (!match) throw new Error(`No amount at the end of: ${rule}`);
  return Number((match[1] as string).replaceAll(',', ''));
}

describe('explainJourney', () => {
  it('spreads missing positions over present ones and shares MID (full-path, hand-computed)', () => {
    const o2 = explain('O2', 'full-path');
    expect(o2.touches.map((t) => [t.id, t.positions.join('|')])).toEqual([
      ['X1', 'FT'],
      ['X2', 'OC'],
      ['X3', 'CW'],
    ]);
    expect(o2.touches[0]?.rule).toBe(
      'FT 22.5 of 67.5 present weight (LC and MID missing, redistributed) × $1,000 = $333.33',
    );
    expect(o2.touches[0]?.credit).toBeCloseTo(1000 / 3, 9);

    const o1 = explain('O1', 'full-path');
    const byId = Object.fromEntries(o1.touches.map((t) => [t.id, t]));
    expect(byId.T1?.rule).toBe('FT 22.5 of 100 present weight × $1,000 = $225');
    expect(byId.T2?.positions).toEqual(['LC']);
    expect(byId.M2?.rule).toBe('MID 10 ÷ 3 middle touches of 100 present weight × $1,000 = $33.33');
    expect(byId.M2?.credit).toBeCloseTo(100 / 3, 9);
    expect(o1.total).toBeCloseTo(1000, 9);
    expect(o1.restarted).toBe(false);
  });

  it('explains an upgrade mini-journey, where FT and LC cannot exist (spec 4)', () => {
    const u1 = explain('U1', 'full-path');
    expect(u1.restarted).toBe(true);
    expect(u1.policy).toBe('restart-at-opportunity');
    expect(u1.touches.map((t) => t.positions.join('|'))).toEqual(['OC', 'CW']);
    expect(u1.touches[0]?.rule).toBe(
      'OC 22.5 of 45 present weight (upgrade journey, FT, LC and MID missing, redistributed) × $500 = $250',
    );
  });

  it('states linear and time-decay arithmetic', () => {
    expect(explain('O1', 'linear').touches.map((t) => t.rule)).toEqual(
      Array(7).fill('1 of 7 touches × $1,000 = $142.86'),
    );
    // Closed at midnight: X1, X2, X3 are 50, 40 and 12 days old; 2^(-50/7) + 2^(-40/7) + 2^(-12/7) = 0.331.
    const decay = explain('O2', 'time-decay');
    expect(decay.touches[2]?.rule).toBe('weight 2^(−12.0/7) = 0.305 of 0.331 total × $1,000 = $921.05');
    expect(decay.touches[0]?.rule).toBe('weight 2^(−50.0/7) = 0.007 of 0.331 total × $1,000 = $21.39');
  });

  it('names the channel weights of data-driven models', () => {
    for (const model of ['markov', 'shapley'] as const) {
      const o1 = explain('O1', model);
      const m2 = o1.touches.find((t) => t.id === 'M2');
      expect(m2?.rule).toMatch(/^channel email: .+ over the journey's 3 channels, shared by 3 touches × \$1,000 = /);
    }
  });

  it.each(MODEL_NAMES)('%s: every rule ends on its credit and won journeys sum to their amount', (model) => {
    for (const id of ['O1', 'U1', 'O2']) {
      const detail = explain(id, model);
      expect(detail.touches.length).toBeGreaterThan(0);
      for (const t of detail.touches) expect(ruleAmount(t.rule)).toBeCloseTo(t.credit, 2);
      expect(detail.total).toBeCloseTo(detail.amount, 6);
      expect(detail.unattributed).toBe(false);
    }
  });

  it('shows a lost journey without credit and an open deal without a journey', () => {
    const lost = explain('L3', 'full-path');
    expect(lost.hasJourney).toBe(true);
    expect(lost.touches.map((t) => t.credit)).toEqual([0, 0]);
    expect(lost.total).toBe(0);
    expect(lost.note).toMatch(/lost/i);
    const open = explain('P1', 'full-path');
    expect(open).toMatchObject({ hasJourney: false, touches: [], stage: 'open', closedAt: null, total: 0 });
    expect(open.note).toMatch(/pipeline/);
  });
});

describe('amounts in the sentences', () => {
  it('show credits to the currency’s minor unit, and survive a currency code Intl cannot read', () => {
    expect(moneyFormat('USD').format(13333.333)).toBe('$13,333.33');
    expect(moneyFormat('JPY').format(13333.333)).toBe('¥13,333');
    expect(moneyFormat('USD').format(40000)).toBe('$40,000');
    expect(moneyFormat('US$').format(13333.333)).toBe('13,333.33');
  });
});
