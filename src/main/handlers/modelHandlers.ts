import type { Method, Results, ValidArgs } from '../../shared/api';
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
import type { Session } from '../session/session';

type ModelMethod = keyof ModelResults & Method;
export type ModelHandlerTable = {
  [M in ModelMethod]: (args: ValidArgs<M>) => Results[M] | Promise<Results[M]>;
};

/** CAR (spec 7) of one attribution run, with the options' CAR settings. */
export function carOf(snapshot: EngineSnapshot, options: ModelOptions, result: AttributionRun): CarResult {
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
 * The model methods over the open project. The engine runs here in the main process (or the browser-mode server),
 * never in the renderer; the dataset is loaded once per data change and journeys once per journey options.
 */
export function createModelHandlers(session: Session, cache: EngineCache): ModelHandlerTable {
  function run(options: ModelOptions): { snapshot: EngineSnapshot; result: AttributionRun } {
    const snapshot = cache.snapshot(session.require().db);
    return { snapshot, result: attribute(snapshot.data, options, snapshot.journeys(options)) };
  }
  return {
    'model:attribute': ({ options }) => {
      const { snapshot, result } = run(options);
      return summarize(result, breakdowns(snapshot.data, result));
    },
    'model:car': ({ options }) => {
      const { snapshot, result } = run(options);
      return carOf(snapshot, options, result);
    },
    'model:flows': ({ options, scope, topN }) => {
      const { snapshot, result } = run(options);
      return sankeyFlows(snapshot.data, result, { scope, topN });
    },
    'model:run': ({ options, scope, topN, focus }) => {
      const { snapshot, result } = run(options);
      const flows = sankeyFlows(snapshot.data, result, { scope, topN });
      const focused = focus === null ? null : focusRun(snapshot.data, result, scope, focus, flows);
      const shown = focused?.run ?? result;
      return {
        // The cards keep the whole model's totals; the breakdowns and the chart follow the filter.
        attribution: summarize(result, breakdowns(snapshot.data, shown)),
        car: carView(carOf(snapshot, options, result)),
        flows: focused ? sankeyFlows(snapshot.data, shown, { scope, topN }) : flows,
        focus: focused?.focus ?? null,
      };
    },
  };
}

function summarize(result: AttributionRun, shown: AttributionSummary['breakdowns']): AttributionSummary {
  return {
    model: result.options.model,
    options: result.options,
    revenue: result.revenue,
    attributed: result.attributed,
    unattributed: result.unattributed,
    unattributedDeals: result.unattributedOpportunities.length,
    byChannel: result.byChannel,
    breakdowns: shown,
    ...(result.removalEffects ? { removalEffects: result.removalEffects } : {}),
    ...(result.shapleyValues ? { shapleyValues: result.shapleyValues } : {}),
  };
}
