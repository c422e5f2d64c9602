import type { Handlers } from '../../handlerTable';
import { dataOverview, scopeChoices } from '../../store/dataView';
import { projectDateRange } from '../../store/summary';
import type { ProjectSource } from './projectSource';

/**
 * The data view's figures that read whole tables: the orphan checks and identity counts of the data health (0.6-1 s
 * at a million touches) and the scope bar's choices (the distinct values of every custom field, 0.2 s). Each runs in
 * a thread of its own (ASIDE_METHODS in engineHost/protocol.ts): on the main thread they held up every answer, and in
 * the engine worker's queue the Model tab's.
 */
export function createDataHandlers(
  project: ProjectSource,
): Handlers<'data:overview' | 'data:scopeChoices' | 'data:dateRange'> {
  return {
    'data:overview': () => dataOverview(project.require().db),
    'data:scopeChoices': () => scopeChoices(project.require().db),
    'data:dateRange': () => projectDateRange(project.require().db),
  };
}
