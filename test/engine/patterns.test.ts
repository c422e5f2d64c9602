import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMUNITY } from '../../src/main/engine/arrays/dataset';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { attribute, type AttributionRun } from '../../src/main/engine/models/attribute';
import { breakdowns, type BreakdownEntry } from '../../src/main/engine/models/breakdowns';
import { computeCar } from '../../src/main/engine/models/car';
import { sankeyFlows } from '../../src/main/engine/models/flows';
import { buildJourneys } from '../../src/main/engine/models/journeys';
import { pipelineAttribution, runPipeline } from '../../src/main/engine/pipeline/pipeline';
import { scopeJourneys } from '../../src/main/engine/scope/scope';
import { modelOptionsSchema, weightsOf } from '../../src/shared/modelOptions';
import { rowsArbitrary } from './arbitraries';
import { readRows } from './build';

/** |actual - expected| within 1e-9 of the expected value (or of 1, near zero). */
function close(actual: number, expected: number, what: string): void {
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  if (!(Math.abs(actual - expected) <= tolerance)) throw new Error(`${what}: ${actual} != ${expected}`);
}

function closeMaps(actual: Map<string, number>, expected: Map<string, number>, what: string): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [key, value] of expected) close(actual.get(key) as number, value, `${what} ${key}`);
}

const entries = (list: BreakdownEntry[]): Map<string, number> => new Map(list.map((e) => [e.key, e.credit]));
const counts = (list: BreakdownEntry[]): Map<string, number> => new Map(list.map((e) => [e.key, e.touches]));

/** The same run summed from its per-touch credits: no presence-pattern sums. */
function perTouch(run: AttributionRun): AttributionRun {
  const { linear: _sums, ...rest } = run;
  return { ...rest, credits: run.credits };
}

const weight = fc.constantFrom(0, 0, 1, 2.5, 10, 22.5, 40);
// Besides random weights, MID alone: every journey without a middle touch then has present weights of 0 only.
// Weights that are all 0 are refused before any model runs (modelOptions.ts), so they are never drawn.
const weights = fc.oneof(
  fc
    .record({ FT: weight, LC: weight, OC: weight, CW: weight, MID: weight })
    .filter((drawn) => Object.values(drawn).some((value) => value > 0)),
  fc.constant({ FT: 0, LC: 0, OC: 0, CW: 0, MID: 1 }),
);

describe('presence-pattern aggregates (spec 8)', () => {
  it('equal the per-touch sums for any data, journey options, weights and scope, to 1e-9', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        weights,
        fc.constantFrom(0, 30, 90),
        fc.constantFrom('restart-at-opportunity' as const, 'account-lifetime' as const),
        fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
        (rows, custom, lookbackDays, upgradePolicy, picks) =>
          readRows(rows, (db) => {
            const { data, community } = loadEngineData(db);
            const options = modelOptionsSchema.parse({ model: 'custom', weights: custom, lookbackDays, upgradePolicy });
            const all = buildJourneys(data, options);
            // Every deal, or the ones a random scope keeps.
            const mask = Uint8Array.from({ length: data.opportunities.count }, (_, o) => (picks[o % 8] ? 1 : 0));
            for (const [journeys, inScope] of [
              [all, null],
              [scopeJourneys(all, mask), mask],
            ] as const) {
              const run = attribute(data, options, journeys, inScope);
              expect(run.linear).toBeDefined();
              const reference = perTouch(run);
              close(
                run.attributed,
                reference.credits.reduce((sum, c) => sum + c, 0),
                'attributed',
              );
              const shown = breakdowns(data, run);
              const summed = breakdowns(data, reference);
              close(shown.attributed, summed.attributed, 'breakdowns attributed');
              for (const key of ['byChannel', 'byCampaign', 'byTouchKind', 'byPosition', 'byActionType'] as const) {
                closeMaps(entries(shown[key]), entries(summed[key]), key);
                expect(counts(shown[key])).toEqual(counts(summed[key]));
              }
              closeMaps(entries(shown.byOpportunityType), entries(summed.byOpportunityType), 'byOpportunityType');
              closeMaps(entries(shown.byMember.top), entries(summed.byMember.top), 'byMember');
              for (const scope of ['community', 'all'] as const) {
                const a = sankeyFlows(data, run, { scope, topN: 50 });
                const b = sankeyFlows(data, reference, { scope, topN: 50 });
                closeMaps(
                  new Map(a.nodes.map((n) => [n.id, n.value])),
                  new Map(b.nodes.map((n) => [n.id, n.value])),
                  scope,
                );
                const link = (l: { source: string; target: string; value: number }) =>
                  [`${l.source}>${l.target}`, l.value] as const;
                closeMaps(new Map(a.links.map(link)), new Map(b.links.map(link)), `${scope} links`);
              }
              const carOptions = {
                referralWindowDays: 180,
                roadmapShare: 0,
                seed: 42,
                weights: weightsOf(options) ?? undefined,
                inScope,
              };
              const car = computeCar(data, community, run, carOptions);
              const carReference = computeCar(data, community, reference, carOptions);
              close(car.attributed, carReference.attributed, 'CAR attributed');
              close(car.byCategory.upgrade.attributed, carReference.byCategory.upgrade.attributed, 'upgrade');
              close(
                car.byCategory.internal_referral.attributed,
                carReference.byCategory.internal_referral.attributed,
                'referral',
              );
              close(car.byCategory.engagement.attributed, carReference.byCategory.engagement.attributed, 'engagement');
              for (const [position, value] of Object.entries(carReference.attributedByPosition)) {
                close(car.attributedByPosition[position as keyof typeof car.attributedByPosition], value, position);
              }
              expect(car.influenced).toBe(carReference.influenced);
              expect(car.communityTouchesPerWonDeal).toBe(carReference.communityTouchesPerWonDeal);
            }
          }),
      ),
      { numRuns: 40 },
    );
  });

  it('give the pipeline the same figures, flows and breakdowns as its per-touch credits, to 1e-9 (spec 11)', () => {
    fc.assert(
      fc.property(rowsArbitrary, weights, fc.constantFrom(0, 60), (rows, custom, lookbackDays) =>
        readRows(rows, (db) => {
          const loaded = loadEngineData(db);
          const options = modelOptionsSchema.parse({ model: 'custom', weights: custom, lookbackDays });
          const pipeline = runPipeline(loaded, options);
          expect(pipeline.linear).toBeDefined();
          const { data, journeys } = pipeline;
          const perChannel = new Map(data.channels.values.map((channel) => [channel, 0]));
          let community = 0;
          pipeline.credits.forEach((credit, k) => {
            const touch = journeys.touch[k] as number;
            const channel = data.channels.values[data.touches.channel[touch] as number] as string;
            perChannel.set(channel, (perChannel.get(channel) ?? 0) + credit);
            if (data.touches.kind[touch] === COMMUNITY) community += credit;
          });
          closeMaps(
            new Map(pipeline.byChannel.map((entry) => [entry.channel, entry.credit])),
            perChannel,
            'pipeline by channel',
          );
          close(
            pipeline.attributed,
            [...perChannel.values()].reduce((sum, c) => sum + c, 0),
            'pipeline attributed',
          );
          close(pipeline.car.attributed, community, 'pipeline CAR attributed');
          const run = pipelineAttribution(pipeline);
          const reference = perTouch(run);
          const shown = breakdowns(data, run);
          const summed = breakdowns(data, reference);
          for (const key of ['byChannel', 'byPosition', 'byActionType'] as const) {
            closeMaps(entries(shown[key]), entries(summed[key]), `pipeline ${key}`);
          }
          const a = sankeyFlows(data, run, { scope: 'all', topN: 50 });
          const b = sankeyFlows(data, reference, { scope: 'all', topN: 50 });
          closeMaps(
            new Map(a.nodes.map((n) => [n.id, n.value])),
            new Map(b.nodes.map((n) => [n.id, n.value])),
            'pipeline flows',
          );
        }),
      ),
      { numRuns: 30 },
    );
  });

  it('splits a journey whose present positions all weigh 0 equally over its touches', () => {
    readRows(
      {
        accounts: [{ account_id: 'A1' }],
        opportunities: [
          {
            opportunity_id: 'O1',
            account_id: 'A1',
            stage: 'won',
            amount: 900,
            created_at: Date.UTC(2024, 1, 1),
            closed_at: Date.UTC(2024, 2, 1),
          },
        ],
        touchpoints: [0, 1, 2].map((i) => ({
          touchpoint_id: `T${i}`,
          account_id: 'A1',
          occurred_at: Date.UTC(2024, 0, 10 + i),
          channel: `c${i}`,
        })),
      },
      (db) => {
        const { data } = loadEngineData(db);
        // FT, MID and OC with CW are present (T0 first, T1 between, T2 the last before creation and close); only LC,
        // absent without a lead, weighs.
        const options = modelOptionsSchema.parse({ model: 'custom', weights: { FT: 0, LC: 5, OC: 0, CW: 0, MID: 0 } });
        const run = attribute(data, options);
        expect(run.byChannel.map((row) => [row.channel, row.credit])).toEqual([
          ['c0', 300],
          ['c1', 300],
          ['c2', 300],
        ]);
        expect([...perTouch(run).credits]).toEqual([300, 300, 300]);
      },
    );
  });
});
