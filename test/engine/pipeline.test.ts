import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { runPipeline, type PipelineRun } from '../../src/main/engine/pipeline/pipeline';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import { readRows, endOf, type Rows } from './build';
import { creditsByTouch } from './credits';
import { action, lostDeal, openDeal, touchpoint, wonDeal } from './rows';

function pipelineOf(rows: Rows, options: ModelOptionsInput = {}, asOf?: number): PipelineRun {
  return readRows(rows, (db) => runPipeline(loadEngineData(db), modelOptionsSchema.parse(options), asOf));
}

const creditsOf = (run: PipelineRun): Record<string, number> =>
  Object.fromEntries(creditsByTouch(run.data, run.journeys, run.credits));

const OPEN: Rows = {
  accounts: [{ account_id: 'A1' }, { account_id: 'A2' }],
  contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'm@a1.com' }],
  community_members: [{ member_id: 'M1', email: 'm@a1.com' }],
  opportunities: [
    openDeal({ id: 'P1', account: 'A1', amount: 1100, created: '2024-03-01' }),
    openDeal({ id: 'P2', account: 'A2', amount: 0, created: '2024-03-05' }),
    // Created after the as-of date of the third test: not pipeline then.
    openDeal({ id: 'P3', account: 'A2', amount: 700, created: '2024-05-01' }),
    wonDeal({ id: 'W1', account: 'A2', amount: 400, created: '2024-01-01', closed: '2024-02-01' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T2', account: 'A1', when: '2024-02-10', channel: 'ads' }),
    touchpoint({ id: 'T3', account: 'A1', when: '2024-03-20', channel: 'email' }),
    touchpoint({ id: 'T4', account: 'A2', when: '2024-01-10', channel: 'ads' }),
  ],
  community_actions: [action({ id: 'X1', member: 'M1', when: '2024-01-15', type: 'post' })],
};

describe('pipeline (spec 11)', () => {
  it('credits an open deal up to the as-of time with CW redistributed, apart from revenue', () => {
    const run = pipelineOf(OPEN, { model: 'full-path' });
    // The latest timestamp in the data: P3's creation (end of 2024-05-01).
    expect(run.asOf).toBe(endOf('2024-05-01'));
    // P1: X1 FT, T2 OC (last before creation), T3 after creation: a middle touch, not CW. Present FT 22.5, OC 22.5,
    // MID 10: the missing LC and CW spread in proportion, so X1 and T2 get 22.5/55 and T3 10/55 of 1,100.
    expect(creditsOf(run)).toMatchObject({ 'P1/X1': 450, 'P1/T2': 450, 'P1/T3': 200 });
    expect(run).toMatchObject({ openDeals: 3, unvaluedDeals: 1, amount: 1800 });
    expect(run.car).toEqual({ attributed: 450, influenced: 1100, sourced: 1100 });
    // Every open deal's amount is on its touches (P2 and P3 share A2's ad, as journeys are account based).
    expect(run.attributed).toBeCloseTo(1800, 9);
    expect(run.unattributed).toBe(0);
  });

  it('learns data-driven weights from won and lost journeys only, and credits the open ones with them', () => {
    const rows: Rows = {
      ...OPEN,
      opportunities: [
        ...(OPEN.opportunities ?? []),
        lostDeal({ id: 'L1', account: 'A1', amount: 50, created: '2024-01-01', closed: '2024-01-20' }),
      ],
    };
    const run = pipelineOf(rows, { model: 'markov' });
    // Won: W1 with ads only; lost: L1 with the community post only. Ads takes every weight, email (in no closed
    // journey) none: P1's whole amount goes to its one ad.
    expect(creditsOf(run)).toMatchObject({ 'P1/X1': 0, 'P1/T2': 1100, 'P1/T3': 0, 'P3/T4': 700 });
  });

  it('ends journeys at an as-of date given, leaving out later touches and deals created after it', () => {
    const run = pipelineOf(OPEN, { model: 'linear' }, endOf('2024-03-10'));
    expect(run.openDeals).toBe(2);
    expect(creditsOf(run)).toEqual({ 'P1/X1': 550, 'P1/T2': 550, 'P2/T4': 0 });
  });
});
