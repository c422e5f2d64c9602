import type { Method } from '../../../shared/api';
import { TributaryError } from '../../../shared/errors';
import type { CarResult } from '../../../shared/results';
import type { CarMeasures, ScenarioResults } from '../../../shared/scenarioApi';
import type { EngineCache } from '../../engine/cache/cache';
import { runModel } from '../../engine/run';
import type { ProjectSource } from './projectSource';
import { translateSqliteError } from '../../store/database';
import { deleteScenario, listScenarios, saveScenario } from '../../store/scenarios';
import type { Handlers } from '../../handlerTable';

type ScenarioMethod = Exclude<keyof ScenarioResults & Method, 'model:compare'>;
export type ScenarioHandlerTable = Handlers<ScenarioMethod>;
export type CompareHandlerTable = Handlers<'model:compare'>;

/** CAR's measures without its lists (opportunities, members, segments): what a comparison shows. */
export function carMeasures(car: CarResult): CarMeasures {
  const { byCategory } = car;
  return {
    attributed: car.attributed,
    influenced: car.influenced,
    sourced: car.sourced,
    byCategory: {
      internal_referral: byCategory.internal_referral,
      external_referral: byCategory.external_referral,
      job_move: byCategory.job_move,
      upgrade: byCategory.upgrade,
      roadmap: { attributed: byCategory.roadmap.attributed, influenced: byCategory.roadmap.influenced },
      churn_reduction: {
        retained: byCategory.churn_reduction.retained,
        interval: byCategory.churn_reduction.interval,
      },
      engagement: byCategory.engagement,
    },
  };
}

/**
 * Saved scenarios of the open project. They run in the engine worker, on its connection: SQLite moves a
 * connection's data_version only for other connections' commits, so saving a scenario does not make the engine
 * reload a project whose data did not change (seconds at a million touches).
 */
export function createScenarioHandlers(project: ProjectSource): ScenarioHandlerTable {
  return {
    'scenario:list': () => listScenarios(project.require().db),
    'scenario:save': ({ name, options }) => {
      const { db, path } = project.require();
      // An import holds the write lock for its whole run: that is said as `locked`, not as an internal error.
      try {
        saveScenario(db, name, options);
      } catch (error) {
        throw translateSqliteError(error, path);
      }
      return listScenarios(db);
    },
    'scenario:delete': ({ name }) => {
      const { db, path } = project.require();
      let deleted: boolean;
      try {
        deleted = deleteScenario(db, name);
      } catch (error) {
        throw translateSqliteError(error, path);
      }
      if (!deleted) throw new TributaryError('not_found', `No scenario is named ${name}.`);
      return listScenarios(db);
    },
  };
}

/** Several model runs compared over one loaded project (in the engine worker). */
export function createCompareHandlers(session: ProjectSource, cache: EngineCache): CompareHandlerTable {
  return {
    'model:compare': ({ entries }) => {
      // One loaded project for every entry: an import committing meanwhile cannot give two entries different data.
      const loaded = cache.load(session.require().db);
      return entries.map(({ label, options }) => {
        const run = runModel(loaded, options);
        const { attribution } = run;
        return {
          label,
          model: options.model,
          options,
          revenue: attribution.revenue,
          attributed: attribution.attributed,
          unattributed: attribution.unattributed,
          byChannel: attribution.byChannel,
          car: carMeasures(run.car()),
        };
      });
    },
  };
}
