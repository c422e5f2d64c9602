import type { Method } from '../../../shared/api';
import type { ModelResults } from '../../../shared/modelApi';
import type { ModelOptions } from '../../../shared/modelOptions';
import { attributionSummary } from '../../engine/attributionSummary';
import type { EngineCache } from '../../engine/cache/cache';
import { sankeyFlows } from '../../engine/models/flows';
import { carView } from '../../engine/models/carView';
import { focusRun } from '../../engine/models/focus';
import { runModel, type ModelRunResult } from '../../engine/run';
import { opportunityFieldValues } from '../../engine/scope/fieldValues';
import { scopeSummary } from '../../engine/scope/scope';
import type { ProjectSource } from './projectSource';
import type { Handlers } from '../../handlerTable';

type ModelMethod = keyof ModelResults & Method;
export type ModelHandlerTable = Handlers<ModelMethod>;

/** One model run over the open project, from the cached dataset and journeys. */
export function runModelOn(session: ProjectSource, cache: EngineCache, options: ModelOptions): ModelRunResult {
  return runModel(cache.load(session.require().db), options);
}

/**
 * The model methods over the open project. They run in the engine worker (src/main/engineHost), never in the
 * renderer; the dataset is loaded once per data change and journeys once per journey options.
 */
export function createModelHandlers(session: ProjectSource, cache: EngineCache): ModelHandlerTable {
  return {
    'model:car': ({ options }) => runModelOn(session, cache, options).car(),
    'model:run': ({ options, flows: scope, topN, focus, breakdownField }) => {
      const loaded = cache.load(session.require().db);
      const run = runModel(loaded, options);
      const { data, attribution } = run;
      const field = breakdownField === null ? null : opportunityFieldValues(data, loaded.fields, breakdownField);
      const flows = sankeyFlows(data, attribution, { scope, topN });
      const focused = focus === null ? null : focusRun(data, attribution, scope, focus, flows);
      return {
        scope: scopeSummary(run, loaded.fields),
        // The cards keep the whole model's totals; the breakdowns and the chart follow the filter.
        attribution: attributionSummary(run, focused?.run, field),
        car: carView(run.car()),
        flows: focused ? sankeyFlows(data, focused.run, { scope, topN }) : flows,
        focus: focused?.focus ?? null,
      };
    },
  };
}
