import type { AttributionSummary } from '../../shared/modelApi';
import type { AttributionRun } from './models/attribute';
import { breakdowns } from './models/breakdowns';
import type { OpportunityFieldValues } from './scope/fieldValues';
import type { ModelRunResult } from './run';

/**
 * A run's totals as the app and the report show them, with the breakdowns of `shown`: the run itself, or the part
 * of it a filter keeps; with `field`, by that custom field too.
 */
export function attributionSummary(
  { options, data, attribution }: ModelRunResult,
  shown: AttributionRun = attribution,
  field: OpportunityFieldValues | null = null,
): AttributionSummary {
  return {
    model: options.model,
    options,
    revenue: attribution.revenue,
    attributed: attribution.attributed,
    unattributed: attribution.unattributed,
    unattributedDeals: attribution.unattributedOpportunities.length,
    byChannel: attribution.byChannel,
    breakdowns: breakdowns(data, shown, { field }),
    ...(attribution.removalEffects ? { removalEffects: attribution.removalEffects } : {}),
    ...(attribution.shapleyValues ? { shapleyValues: attribution.shapleyValues } : {}),
  };
}
