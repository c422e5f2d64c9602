import type { EngineCache } from '../engine/cache';
import type { EngineHandlerTable } from '../engineHost/protocol';
import { createExportHandlers } from './exportHandlers';
import { createJourneyHandlers } from './journeyHandlers';
import { createModelHandlers } from './modelHandlers';
import type { ProjectSource } from './projectSource';
import { createCompareHandlers, createScenarioHandlers } from './scenarioHandlers';

/** Every method the engine answers, over one project and one cache: the table the engine worker runs. */
export function createEngineHandlers(project: ProjectSource, cache: EngineCache): EngineHandlerTable {
  return {
    ...createModelHandlers(project, cache),
    ...createJourneyHandlers(project, cache),
    ...createCompareHandlers(project, cache),
    ...createScenarioHandlers(project),
    ...createExportHandlers(project, cache),
  };
}
