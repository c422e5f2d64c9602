import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { runModel, type ModelRunResult } from '../../src/main/engine/run';
import { customFieldSourceOf, scopeSummary } from '../../src/main/engine/scope/scope';
import { seriesOf } from '../../src/main/engine/series/series';
import { registerCustomFields } from '../../src/main/store/customFields';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import type { ReportScope } from '../../src/shared/scope';
import { rowsArbitrary } from './arbitraries';
import { creditsByTouch } from './credits';
import { readRows, type Rows } from './build';
import { action, touchpoint, wonDeal, lostDeal, openDeal } from './rows';

/** Runs the model over `rows` under each scope given, with the project's custom fields, all in one project. */
function runScoped(rows: Rows, options: ModelOptionsInput, scopes: ReportScope[]): ModelRunResult[] {
  return readRows(rows, (db) => {
    registerCustomFields(db, 'opportunities', ['Lead Source']);
    registerCustomFields(db, 'accounts', ['Region']);
    const dataset = { ...loadEngineData(db), fields: customFieldSourceOf(db) };
    return scopes.map((scope) => {
      const run = runModel(dataset, modelOptionsSchema.parse({ ...options, scope }));
      run.car(); // computed while the project is open, as the engine thread does
      return run;
    });
  });
}

/** Credit per `opportunity/touch` of a run. */
const byTouch = ({ data, attribution }: ModelRunResult): Map<string, number> =>
  creditsByTouch(data, attribution.journeys, attribution.credits);

const QUARTERS: Rows = {
  accounts: [
    { account_id: 'A1', segment: 'Enterprise', custom: '{"Region":"EMEA"}' },
    { account_id: 'A2', segment: 'SMB', custom: '{"Region":"APAC"}' },
  ],
  contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com' }],
  community_members: [{ member_id: 'M1', email: 'm1@a1.com' }],
  opportunities: [
    // Created in Q1, closed in Q3: in Q3, with its Q1 touches.
    {
      ...wonDeal({ id: 'Q3', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-08-15' }),
      custom: '{"Lead Source":"Partner"}',
    },
    wonDeal({ id: 'Q2', account: 'A2', amount: 500, created: '2024-04-01', closed: '2024-05-15' }),
    lostDeal({ id: 'L3', account: 'A2', amount: 700, created: '2024-06-01', closed: '2024-09-01' }),
    // Open: in a period by its creation.
    openDeal({ id: 'OP', account: 'A1', amount: 300, created: '2024-09-10' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T1', contact: 'C1', when: '2024-01-15', channel: 'ads' }),
    touchpoint({ id: 'T2', account: 'A1', when: '2024-07-01', channel: 'email' }),
    touchpoint({ id: 'T3', account: 'A2', when: '2024-04-10', channel: 'ads' }),
    touchpoint({ id: 'T4', account: 'A2', when: '2024-07-10', channel: 'event' }),
  ],
  community_actions: [action({ id: 'X1', member: 'M1', when: '2024-02-01', type: 'internal_referral' })],
};

describe('report scope (spec 9)', () => {
  it('puts a deal closed in Q3 whose journey starts in Q1 in Q3, with all its touches', () => {
    const [all, q3] = runScoped(QUARTERS, { model: 'full-path' }, [{}, { from: '2024-07-01', to: '2024-09-30' }]);
    const whole = all as ModelRunResult;
    const scoped = q3 as ModelRunResult;
    expect(scoped.attribution.revenue).toBe(1000);
    expect(whole.attribution.revenue).toBe(1500);
    const q3Credits = [...byTouch(whole)].filter(([key]) => key.startsWith('Q3/') || key.startsWith('L3/'));
    expect([...byTouch(scoped)]).toEqual(q3Credits);
    // Its Q1 touches (a community referral and an ad) are credited, as in the all-time journey.
    expect(byTouch(scoped).get('Q3/T1')).toBeGreaterThan(0);
    expect(byTouch(scoped).get('Q3/X1')).toBeGreaterThan(0);
    expect(scoped.attribution.attributed).toBeCloseTo(1000, 9);
    // Community CAR of the Q3 deal only; the referral before the period still sources it.
    expect(scoped.car().influenced).toBe(1000);
    expect(scoped.car().sourced).toBe(1000);
  });

  it('filters by segment, type and a custom field of the deal or of its account, AND-ed', () => {
    const [enterprise, emea, partner, apac, none, upgrades] = runScoped(QUARTERS, { model: 'linear' }, [
      { segments: ['Enterprise'] },
      { fields: [{ field: 'Region', values: ['EMEA'] }] },
      { fields: [{ field: 'Lead Source', values: ['Partner', 'Event'] }] },
      { fields: [{ field: 'Region', values: ['APAC'] }], segments: ['SMB'] },
      { fields: [{ field: 'Lead Source', values: [''] }] },
      { types: ['upgrade'] },
    ]);
    expect(enterprise?.attribution.revenue).toBe(1000);
    expect(emea?.attribution.revenue).toBe(1000);
    expect(partner?.attribution.revenue).toBe(1000);
    expect(apac?.attribution.revenue).toBe(500);
    // A blank value matches the deals without one.
    expect(none?.attribution.revenue).toBe(500);
    // A filter that selects nothing: zeros, never NaN.
    expect(upgrades?.attribution).toMatchObject({ revenue: 0, attributed: 0, unattributed: 0 });
    expect(upgrades?.attribution.byChannel.every((row) => row.credit === 0)).toBe(true);
    expect(upgrades?.car()).toMatchObject({ attributed: 0, influenced: 0, sourced: 0, communityTouchesPerWonDeal: 0 });
  });

  it('says, filter by filter, how many deals are left, and which filter emptied the scope', () => {
    const summaries = readRows(QUARTERS, (db) => {
      registerCustomFields(db, 'accounts', ['Region']);
      const fields = customFieldSourceOf(db);
      const dataset = { ...loadEngineData(db), fields };
      return [{}, { from: '2024-07-01', segments: ['SMB'], fields: [{ field: 'Region', values: ['EMEA'] }] }].map(
        (scope) => scopeSummary(runModel(dataset, modelOptionsSchema.parse({ scope })), fields),
      );
    });
    expect(summaries[0]).toEqual({
      label: 'all time',
      allTime: true,
      deals: 4,
      wonDeals: 2,
      steps: [],
      emptiedBy: null,
    });
    expect(summaries[1]).toEqual({
      label: '2024-07-01 to the end; segment SMB; Region EMEA',
      allTime: false,
      deals: 0,
      wonDeals: 0,
      steps: [
        { filter: 'period 2024-07-01 to the end', deals: 3 },
        { filter: 'segment SMB', deals: 1 },
        { filter: 'Region EMEA', deals: 0 },
      ],
      emptiedBy: 'Region EMEA',
    });
  });

  it('says which custom fields there are when a filter names none of them', () => {
    expect(() => runScoped(QUARTERS, {}, [{ fields: [{ field: 'Regoin', values: ['EMEA'] }] }])).toThrow(
      'No custom field "Regoin" on opportunities or accounts (did you mean Region?); the fields are Lead Source, Region.',
    );
  });

  it('learns data-driven weights from the in-scope won and lost journeys', () => {
    const [all, q2] = runScoped(QUARTERS, { model: 'markov' }, [{}, { to: '2024-06-30' }]);
    // Closed before July: only Q2 (an ad) converts, and no lost journey: ads takes everything.
    expect(q2?.attribution.removalEffects).toEqual({ ads: 1, email: 0, event: 0, 'community:internal_referral': 0 });
    expect(all?.attribution.removalEffects).not.toEqual(q2?.attribution.removalEffects);
  });
});

const scopeArbitrary: fc.Arbitrary<ReportScope> = fc.record(
  {
    from: fc.nat(260).map((day) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10)),
    segments: fc.subarray(['S0', 'S1', ''], { minLength: 1 }),
    types: fc.subarray(['new_business', 'upgrade', 'renewal'] as const, { minLength: 1 }),
    fields: fc.constant([{ field: 'Region', values: ['R0'] }]),
  },
  { requiredKeys: [] },
);

describe('a scope selects deals, never changes their journeys (spec 9, property)', () => {
  it('gives, for any scope, the all-time credits of exactly the in-scope deals (position models, linear, time decay)', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        scopeArbitrary,
        fc.constantFrom('w-shaped', 'full-path', 'linear', 'time-decay' as const),
        (rows, scope, model) => {
          const withFields: Rows = {
            ...rows,
            accounts: rows.accounts?.map((a, i) => ({
              ...a,
              segment: i % 3 === 2 ? undefined : `S${i % 3}`,
              custom: `{"Region":"R${i % 2}"}`,
            })),
          };
          const [whole, scoped] = runScoped(withFields, { model }, [{}, scope]) as [ModelRunResult, ModelRunResult];
          const mask = scoped.attribution.inScope;
          const inScope = (id: string) => mask === null || mask[whole.data.opportunities.id.indexOf(id)] === 1;
          const expected = [...byTouch(whole)].filter(([key]) => inScope(key.split('/')[0] as string));
          expect([...byTouch(scoped)]).toEqual(expected);
          let revenue = 0;
          const opps = whole.data.opportunities;
          for (let o = 0; o < opps.count; o++) {
            if (opps.stage[o] === 0 && inScope(opps.id[o] as string)) revenue += opps.amount[o] as number;
          }
          expect(scoped.attribution.revenue).toBeCloseTo(revenue, 6);
          const byChannel = new Map<string, number>();
          for (const [key, credit] of expected) {
            const touch = whole.data.touches.id.indexOf(key.split('/')[1] as string);
            const channel = whole.data.channels.values[whole.data.touches.channel[touch] as number] as string;
            byChannel.set(channel, (byChannel.get(channel) ?? 0) + credit);
          }
          for (const row of scoped.attribution.byChannel) {
            expect(row.credit).toBeCloseTo(byChannel.get(row.channel) ?? 0, 6);
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('series (spec 9): figures by calendar bucket', () => {
  it('puts each deal in the bucket of its close (open ones: creation), empty buckets included, oldest first', () => {
    const [run] = runScoped(QUARTERS, { model: 'full-path' }, [{}]) as [ModelRunResult];
    const byQuarter = seriesOf(run, 'quarter');
    expect(byQuarter.map((b) => [b.bucket, b.revenue])).toEqual([
      ['2024-Q2', 500],
      ['2024-Q3', 1000],
    ]);
    expect(byQuarter[1]?.car).toEqual({ attributed: run.car().attributed, influenced: 1000, sourced: 1000 });
    expect(seriesOf(run, 'month').map((b) => b.bucket)).toEqual([
      '2024-05',
      '2024-06',
      '2024-07',
      '2024-08',
      '2024-09',
    ]);
    expect(seriesOf(run, 'month')[1]).toMatchObject({ revenue: 0, attributed: 0, byChannel: [] });
    expect(seriesOf(run, 'year').map((b) => b.bucket)).toEqual(['2024']);
  });

  it('buckets as many deals as ten million touches bring (676,000), which once overflowed the stack', () => {
    // Lost deals, one account each and no touches: the fewest rows that make that many deals to bucket.
    const deals = 200_000;
    const rows: Rows = {
      opportunities: Array.from({ length: deals }, (_, i) =>
        lostDeal({
          id: `D${i}`,
          account: `A${i % 50}`,
          amount: 1,
          created: '2024-01-01',
          closed: `2024-0${1 + (i % 9)}-15`,
        }),
      ),
    };
    const [run] = runScoped(rows, { model: 'linear' }, [{}]) as [ModelRunResult];
    const byMonth = seriesOf(run, 'month');
    expect(byMonth.map((b) => b.bucket)).toEqual(Array.from({ length: 9 }, (_, m) => `2024-0${m + 1}`));
    expect(byMonth.every((b) => b.revenue === 0)).toBe(true);
  });

  it('has buckets whose additive figures sum to the scope’s, for any data and scope (property)', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        scopeArbitrary,
        fc.constantFrom('month', 'quarter', 'year' as const),
        (rows, scope, by) => {
          const withFields: Rows = {
            ...rows,
            accounts: rows.accounts?.map((a, i) => ({ ...a, segment: `S${i % 2}`, custom: `{"Region":"R${i % 2}"}` })),
          };
          const [run] = runScoped(withFields, { model: 'markov' }, [scope]) as [ModelRunResult];
          const series = seriesOf(run, by);
          const sum = (pick: (b: (typeof series)[number]) => number) => series.reduce((t, b) => t + pick(b), 0);
          const car = run.car();
          expect(sum((b) => b.revenue)).toBeCloseTo(run.attribution.revenue, 6);
          expect(sum((b) => b.attributed)).toBeCloseTo(run.attribution.attributed, 6);
          expect(sum((b) => b.car.attributed)).toBeCloseTo(car.attributed, 6);
          expect(sum((b) => b.car.influenced)).toBeCloseTo(car.influenced, 6);
          expect(sum((b) => b.car.sourced)).toBeCloseTo(car.sourced, 6);
          for (const row of run.attribution.byChannel) {
            const inBuckets = sum((b) => b.byChannel.find((c) => c.channel === row.channel)?.credit ?? 0);
            expect(inBuckets).toBeCloseTo(row.credit, 6);
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
