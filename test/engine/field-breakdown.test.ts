import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { attribute } from '../../src/main/engine/models/attribute';
import { breakdowns, fieldBreakdown, type FieldBreakdown } from '../../src/main/engine/models/breakdowns';
import { sankeyFlows } from '../../src/main/engine/models/flows';
import { pipelineAttribution, runPipeline } from '../../src/main/engine/pipeline/pipeline';
import { runModel } from '../../src/main/engine/run';
import { opportunityFieldValues } from '../../src/main/engine/scope/fieldValues';
import { customFieldSourceOf } from '../../src/main/engine/scope/scope';
import { registerCustomFields } from '../../src/main/store/customFields';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import { rowsArbitrary } from './arbitraries';
import { datasetOf, readRows, type Rows } from './build';
import { openDeal, touchpoint, wonDeal } from './rows';

const ROWS: Rows = {
  accounts: [
    { account_id: 'A1', custom: '{"Region":"EMEA"}' },
    { account_id: 'A2', custom: '{"Region":"APAC"}' },
    { account_id: 'A3' },
  ],
  opportunities: [
    {
      ...wonDeal({ id: 'W1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-04-01' }),
      custom: '{"Lead Source":"Partner"}',
    },
    wonDeal({ id: 'W2', account: 'A2', amount: 500, created: '2024-03-01', closed: '2024-04-01' }),
    {
      ...wonDeal({ id: 'W3', account: 'A3', amount: 200, created: '2024-03-01', closed: '2024-04-01' }),
      custom: '{"Lead Source":"Event"}',
    },
    { ...openDeal({ id: 'P1', account: 'A2', amount: 800, created: '2024-05-01' }), custom: '{"Lead Source":"Event"}' },
  ],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-01-10', channel: 'ads' }),
    touchpoint({ id: 'T2', account: 'A1', when: '2024-02-10', channel: 'email' }),
    touchpoint({ id: 'T3', account: 'A2', when: '2024-02-10', channel: 'ads' }),
    touchpoint({ id: 'T4', account: 'A3', when: '2024-02-10', channel: 'event' }),
    touchpoint({ id: 'T5', account: 'A2', when: '2024-04-20', channel: 'email' }),
  ],
};

/** What `field` breaks the credit down into, for the revenue run and the pipeline run of `options`. */
function byField(field: string, options: ModelOptionsInput = { model: 'linear' }) {
  return readRows(ROWS, (db) => {
    registerCustomFields(db, 'opportunities', ['Lead Source']);
    registerCustomFields(db, 'accounts', ['Region']);
    const fields = customFieldSourceOf(db);
    const dataset = { ...loadEngineData(db), fields };
    const parsed = modelOptionsSchema.parse(options);
    const run = runModel(dataset, parsed);
    const values = opportunityFieldValues(run.data, fields, field);
    const pipeline = runPipeline(dataset, parsed);
    return {
      revenue: fieldBreakdown(run.data, run.attribution, values),
      folded: fieldBreakdown(run.data, run.attribution, values, 1),
      pipeline: fieldBreakdown(pipeline.data, pipelineAttribution(pipeline), values),
    };
  });
}

const rows = (breakdown: FieldBreakdown) => breakdown.top.map((e) => [e.label, e.credit, e.touches]);

describe('credit by a custom field (spec 9)', () => {
  it('counts each touch under its deal’s value, deals without one apart', () => {
    const { revenue, pipeline } = byField('Lead Source');
    expect(rows(revenue)).toEqual([
      ['Partner', 1000, 2],
      ['(no value)', 500, 1],
      ['Event', 200, 1],
    ]);
    expect(revenue).toMatchObject({ field: 'Lead Source', other: null, values: 3 });
    // Pipeline: P1 (Event) is credited over A2's touches up to the latest date, T3 and T5.
    expect(rows(pipeline)).toEqual([['Event', 800, 2]]);
  });

  it('reads the account’s field when the deals have none of that name', () => {
    const { revenue } = byField('Region');
    expect(rows(revenue)).toEqual([
      ['EMEA', 1000, 2],
      ['APAC', 500, 1],
      ['(no value)', 200, 1],
    ]);
  });

  it('folds the values past the top ones into one entry that keeps their credit', () => {
    const { folded } = byField('Lead Source');
    expect(rows(folded)).toEqual([['Partner', 1000, 2]]);
    expect(folded.other).toEqual({ key: 'other', label: 'Other (2 values)', credit: 700, touches: 2 });
    expect(folded.values).toBe(3);
  });

  it('refuses a field the project does not have, naming those it has', () => {
    expect(() => byField('Lead Sorce')).toThrow(
      'No custom field "Lead Sorce" on opportunities or accounts (did you mean Lead Source?); the fields are Lead Source, Region.',
    );
  });

  it('adds up to the attributed credit for any data, model and assignment of values', () => {
    const models: ModelOptionsInput[] = [{ model: 'w-shaped' }, { model: 'time-decay' }, { model: 'markov' }];
    fc.assert(
      fc.property(rowsArbitrary, fc.nat(3), fc.nat(4), (data, top, spread) => {
        const dataset = datasetOf(data);
        const names = ['', 'a', 'b', 'c', 'd'].slice(0, spread + 1);
        const values = {
          field: 'F',
          kind: 'opportunities' as const,
          ofOpportunity: Int32Array.from({ length: dataset.opportunities.count }, (_, o) => o % names.length),
          names,
        };
        for (const model of models) {
          const run = attribute(dataset, modelOptionsSchema.parse(model));
          const result = breakdowns(dataset, run, { field: values }).byField as FieldBreakdown;
          const sum = result.top.reduce((total, e) => total + e.credit, 0) + (result.other?.credit ?? 0);
          expect(Math.abs(sum - run.attributed)).toBeLessThanOrEqual(1e-9 * Math.max(1, run.attributed));
          const whole = fieldBreakdown(dataset, run, values);
          expect(fieldBreakdown(dataset, run, values, top).top).toEqual(whole.top.slice(0, top));
        }
      }),
      { numRuns: 40 },
    );
  });
});

describe('the flows chart and breakdowns over the pipeline (spec 11)', () => {
  it('sends every pipeline credit to "Open pipeline" and breaks it down as revenue is', () => {
    readRows(ROWS, (db) => {
      const run = runPipeline(loadEngineData(db), modelOptionsSchema.parse({ model: 'w-shaped' }));
      const credited = pipelineAttribution(run);
      const flows = sankeyFlows(run.data, credited, { scope: 'all' });
      expect(flows.nodes.at(-1)).toMatchObject({ kind: 'won', label: 'Open pipeline', value: 800 });
      expect(flows.total).toBeCloseTo(run.attributed, 9);
      const result = breakdowns(run.data, credited);
      expect(result.attributed).toBeCloseTo(800, 9);
      expect(result.byChannel.map((e) => [e.key, e.touches])).toEqual([
        ['ads', 1],
        ['email', 1],
      ]);
      expect(result.byOpportunityType).toEqual([
        { key: 'new_business', label: 'New business', credit: 800, touches: 2 },
      ]);
    });
  });
});
