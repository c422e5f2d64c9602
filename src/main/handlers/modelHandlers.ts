import type { Method } from '../../shared/api';
import type { AttributionSummary, ModelResults } from '../../shared/modelApi';
import { weightsOf, type ModelOptions } from '../../shared/modelOptions';
import type { CarResult } from '../../shared/results';
import { attribute, type AttributionRun } from '../engine/attribute';
import { breakdowns } from '../engine/breakdowns';
import type { EngineCache, EngineSnapshot } from '../engine/cache';
import { computeCar } from '../engine/car';
import { sankeyFlows } from '../engine/flows';
import { carView } from '../engine/carView';
import { focusRun } from '../engine/focus';
import type { ProjectSource } from './projectSource';
import type { Handlers } from './handlerTable';

type ModelMethod = keyof ModelResults & Method;
export type ModelHandlerTable = Handlers<ModelMethod>;

export interface ModelRunOf {
  snapshot: EngineSnapshot;
  result: AttributionRun;
}

/** One model run over the open project, from the cached dataset and journeys. */
export function runModelOn(session: ProjectSource, cache: EngineCache, options: ModelOptions): ModelRunOf {
  const snapshot = cache.snapshot(session.require().db);
  return { snapshot, result: attribute(snapshot.data, options, snapshot.journeys(options)) };
}

/** The run's totals, with the breakdowns of `shown` (the run itself, or the part of it a filter keeps). */
export function attributionSummary(
  { snapshot, result }: ModelRunOf,
  options: ModelOptions,
  shown: AttributionRun = result,
): AttributionSummary {
  return {
    model: options.model,
    options,
    revenue: result.revenue,
    attributed: result.attributed,
    unattributed: result.unattributed,
    unattributedDeals: result.unattributedOpportunities.length,
    byChannel: result.byChannel,
    breakdowns: breakdowns(snapshot.data, shown),
    ...(result.removalEffects ? { removalEffects: result.removalEffects } : {}),
    ...(result.shapleyValues ? { shapleyValues: result.shapleyValues } : {}),
  };
}

/** CAR (spec 7) of one attribution run, with the options' CAR settings. */
export function carOf({ snapshot, result }: ModelRunOf, options: ModelOptions): CarResult {
  const weights = weightsOf(options);
  return computeCar(snapshot.data, snapshot.community, result.journeys, result.credits, {
    referralWindowDays: options.referralWindowDays,
    roadmapShare: options.roadmapShare,
    seed: options.seed,
    memo: snapshot.memo,
    ...(weights ? { weights } : {}),
  });
}

/**
 * The model methods over the open project. They run in the engine worker (src/main/engineHost), never in the
 * renderer; the dataset is loaded once per data change and journeys once per journey options.
 */
export function createModelHandlers(session: ProjectSource, cache: EngineCache): ModelHandlerTable {
  return {
    'model:attribute': ({ options }) => attributionSummary(runModelOn(session, cache, options), options),
    'model:car': ({ options }) => carOf(runModelOn(session, cache, options), options),
    'model:flows': ({ options, scope, topN }) => {
      const { snapshot, result } = runModelOn(session, cache, options);
      return sankeyFlows(snapshot.data, result, { scope, topN });
    },
    'model:run': ({ options, scope, topN, focus }) => {
      const run = runModelOn(session, cache, options);
      const { snapshot, result } = run;
      const flows = sankeyFlows(snapshot.data, result, { scope, topN });
      const focused = focus === null ? null : focusRun(snapshot.data, result, scope, focus, flows);
      return {
        // The cards keep the whole model's totals; the breakdowns and the chart follow the filter.
        attribution: attributionSummary(run, options, focused?.run),
        car: carView(carOf(run, options)),
        flows: focused ? sankeyFlows(snapshot.data, focused.run, { scope, topN }) : flows,
        focus: focused?.focus ?? null,
      };
    },
  };
}
