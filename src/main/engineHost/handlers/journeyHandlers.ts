import type { Method } from '../../../shared/api';
import { TributaryError } from '../../../shared/errors';
import type { JourneyResults } from '../../../shared/journeyApi';
import type { EngineCache } from '../../engine/cache/cache';
import { explainJourney } from '../../engine/models/explain';
import { findOpportunity } from '../../engine/models/opportunitySearch';
import { listOpportunities } from '../../engine/models/opportunityList';
import { modelOptionsSchema } from '../../../shared/modelOptions';
import { runModel } from '../../engine/run';
import { scopeMask } from '../../engine/scope/scope';
import { describeScope } from '../../../shared/scope';
import type { ProjectSource } from './projectSource';
import type { Handlers } from '../../handlerTable';
import { withAccountNames, withPeople } from './journeyPeople';
import { findAccountsByName } from '../../store/people';

type JourneyMethod = keyof JourneyResults & Method;
export type JourneyHandlerTable = Handlers<JourneyMethod>;

/** Journey methods: find an opportunity and explain its credit, over the same loaded projects as the model. */
export function createJourneyHandlers(session: ProjectSource, cache: EngineCache): JourneyHandlerTable {
  return {
    'journey:list': ({ scope, ...query }) => {
      const { db } = session.require();
      const loaded = cache.load(db);
      // The journeys of the default journey options: the touch counts a deal is browsed by, whatever the model.
      const journeys = loaded.journeys(modelOptionsSchema.parse({}));
      // The text finds deals by their account's name too, which only the store holds.
      const namedAccounts = query.text ? findAccountsByName(db, query.text) : undefined;
      return withAccountNames(
        db,
        listOpportunities(
          loaded.data,
          journeys,
          { ...query, namedAccounts },
          scopeMask(loaded.data, scope, loaded.fields),
        ),
      );
    },
    'journey:detail': ({ opportunityId, options }) => {
      const project = session.require();
      const loaded = cache.load(project.db);
      const o = findOpportunity(loaded.data, opportunityId);
      if (o < 0) throw new TributaryError('not_found', `No opportunity has the id ${opportunityId}.`);
      const { attribution } = runModel(loaded, options);
      if (attribution.inScope !== null && attribution.inScope[o] !== 1) {
        throw new TributaryError(
          'not_found',
          `Opportunity ${opportunityId} is outside the report scope (${describeScope(options.scope)}).`,
        );
      }
      return withPeople(project.db, explainJourney(loaded.data, attribution, o, project.meta.currency));
    },
  };
}
