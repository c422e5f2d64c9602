import type { Method } from '../../../shared/api';
import { TributaryError } from '../../../shared/errors';
import type { JourneyResults } from '../../../shared/journeyApi';
import type { EngineCache } from '../../engine/cache';
import { explainJourney } from '../../engine/explain';
import { findOpportunity, searchOpportunities } from '../../engine/opportunitySearch';
import { runModel } from '../../engine/run';
import type { ProjectSource } from './projectSource';
import type { Handlers } from '../../handlerTable';

type JourneyMethod = keyof JourneyResults & Method;
export type JourneyHandlerTable = Handlers<JourneyMethod>;

/** Journey methods: find an opportunity and explain its credit, over the same engine snapshots as the model. */
export function createJourneyHandlers(session: ProjectSource, cache: EngineCache): JourneyHandlerTable {
  return {
    'journey:search': ({ query, limit }) => {
      const snapshot = cache.snapshot(session.require().db);
      return searchOpportunities(snapshot.data, query, limit);
    },
    'journey:detail': ({ opportunityId, options }) => {
      const project = session.require();
      const snapshot = cache.snapshot(project.db);
      const o = findOpportunity(snapshot.data, opportunityId);
      if (o < 0) throw new TributaryError('not_found', `No opportunity has the id ${opportunityId}.`);
      const { attribution } = runModel(snapshot, options);
      return explainJourney(snapshot.data, attribution, o, project.meta.currency);
    },
  };
}
