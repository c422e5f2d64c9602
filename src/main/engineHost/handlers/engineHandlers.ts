import type { EngineCache } from '../../engine/cache/cache';
import type { EngineHandlerTable } from '../protocol';
import { checkOpenProject, type StoreOptions } from '../../store/project';
import { createDataHandlers } from './dataHandlers';
import { createExportHandlers } from './exportHandlers';
import { createJourneyHandlers } from './journeyHandlers';
import { createModelHandlers } from './modelHandlers';
import { createReportHandlers } from './reportHandlers';
import { createRobustnessHandlers } from './robustnessHandlers';
import { BootstrapJobs } from '../bootstrapJobs';
import type { ProjectSource } from './projectSource';
import { createCompareHandlers, createScenarioHandlers } from './scenarioHandlers';

/**
 * Every method the engine answers, over one project and one cache: the table the engine worker runs. The full
 * integrity check of `project:check` runs here too, since it reads the whole file (5 s at a million touches).
 */
export function createEngineHandlers(
  project: ProjectSource,
  cache: EngineCache,
  storeOptions: StoreOptions = {},
  jobs: BootstrapJobs = new BootstrapJobs(),
): EngineHandlerTable {
  return {
    'project:check': () => {
      const { path, ok, schemaVersion, problems } = checkOpenProject(project.require(), storeOptions);
      return { path, ok, schemaVersion, problems };
    },
    ...createDataHandlers(project),
    ...createModelHandlers(project, cache),
    ...createJourneyHandlers(project, cache),
    ...createCompareHandlers(project, cache),
    ...createScenarioHandlers(project),
    ...createExportHandlers(project, cache, jobs),
    ...createReportHandlers(project, cache),
    ...createRobustnessHandlers(project, cache, jobs),
  };
}
