import type { SqlDataDrivenModel, SqlStatement } from './contract';
import { createTable, T } from './statement';
import { stringLiteral } from './sqlText';

/**
 * spec 6, credit: a data-driven model's channel weights (from `channel_weights`, negatives as 0) split each won
 * journey's amount over the channels present in it in proportion to their weights (equally when all are 0), and a
 * channel's share equally over its touches there, as engine/models/credit.ts (channelWeightCredits) does. A channel
 * with no row in channel_weights weighs 0.
 */
export function spreadStatement(model: SqlDataDrivenModel): SqlStatement {
  return createTable(
    'tributary_data_driven_credits',
    'attribution.md 6 (credit)',
    `
WITH weights AS (
    -- One weight per channel (the largest, should a channel be listed twice).
    SELECT channel, MAX(CASE WHEN weight > 0 THEN CAST(weight AS DOUBLE PRECISION) ELSE 0 END) AS weight
    FROM ${T('channel_weights')}
    GROUP BY channel
  ),
  won AS (
    SELECT * FROM ${T('tributary_journey_touches')} WHERE stage = 'won'
  ),
  journey_channels AS (
    SELECT won.opportunity_id, won.channel, COUNT(*) AS touches, COALESCE(MAX(w.weight), 0) AS weight
    FROM won
    LEFT JOIN weights w ON w.channel = won.channel
    GROUP BY won.opportunity_id, won.channel
  ),
  journeys AS (
    SELECT opportunity_id, SUM(weight) AS total_weight, COUNT(*) AS channels
    FROM journey_channels
    GROUP BY opportunity_id
  )
SELECT ${stringLiteral(model)} AS model, t.opportunity_id, t.touch_kind, t.touch_id, t.channel,
  CASE
    WHEN j.total_weight > 0 THEN t.amount * (c.weight / j.total_weight)
    ELSE t.amount * (CAST(1 AS DOUBLE PRECISION) / j.channels)
  END / c.touches AS credit
FROM won t
JOIN journey_channels c ON c.opportunity_id = t.opportunity_id AND c.channel = t.channel
JOIN journeys j ON j.opportunity_id = t.opportunity_id`,
  );
}
