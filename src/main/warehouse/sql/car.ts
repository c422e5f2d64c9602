import type { SqlStatement } from './contract';
import type { ResolvedSqlOptions } from './options';
import { createTable, T } from './statement';
import { stringLiteral } from './sqlText';

/** spec 7: the engagement action types, whose credit is the engagement category's attributed CAR. */
const ENGAGEMENT_TYPES = ['post', 'reply', 'reaction', 'event_attended', 'answer', 'other'];
const LINK_TYPES = ['internal_referral', 'external_referral', 'job_move'];

/**
 * Community-attributed revenue per model and category (spec 7), as engine/models/car.ts sums it. The three measures
 * stay apart and categories overlap, so nothing here is summed across them. The upgrade category is opportunities of
 * type upgrade (renewals belong to churn reduction, which the SQL path does not compute).
 */
export function carStatement(options: ResolvedSqlOptions): SqlStatement {
  const models = options.models.map((m) => `(${stringLiteral(m.model)})`).join(', ');
  const byType = (types: string[]): string =>
    `COALESCE(SUM(CASE WHEN c.action_type IN (${types.map(stringLiteral).join(', ')}) THEN c.credit END), 0)`;
  const linkRows = LINK_TYPES.map(
    (type) => `SELECT m.model, ${stringLiteral(type)} AS category,
  COALESCE(a.${type}, 0) AS attributed, CAST(NULL AS DOUBLE PRECISION) AS influenced,
  (SELECT COALESCE(SUM(amount), 0) FROM link_sourced WHERE source = ${stringLiteral(type)}) AS sourced
FROM models m LEFT JOIN attributed a ON a.model = m.model`,
  );
  return createTable(
    'tributary_car',
    'attribution.md 7',
    `
WITH models (model) AS (
    VALUES ${models}
  ),
  attributed AS (
    -- Attributed: the model credit that lands on community touches, by action type and on upgrade deals.
    SELECT c.model,
      COALESCE(SUM(c.credit), 0) AS total,
      ${LINK_TYPES.map((type) => `${byType([type])} AS ${type}`).join(',\n      ')},
      ${byType(ENGAGEMENT_TYPES)} AS engagement,
      COALESCE(SUM(CASE WHEN o.type = 'upgrade' THEN c.credit END), 0) AS upgrade
    FROM ${T('tributary_credits')} c
    JOIN ${T('opportunities')} o ON o.opportunity_id = c.opportunity_id
    WHERE c.touch_kind = 'community'
    GROUP BY c.model
  ),
  influenced_deals AS (
    -- Influenced: won deals whose journey holds a community touch, each once, at its full amount.
    SELECT DISTINCT opportunity_id, opportunity_type, amount
    FROM ${T('tributary_journey_touches')}
    WHERE stage = 'won' AND touch_kind = 'community'
  ),
  link_sourced AS (
    -- A link category's sourced CAR: the won deals a link of that type names, each once per type.
    SELECT DISTINCT l.source, l.opportunity_id, o.amount
    FROM ${T('tributary_sourcing_links')} l
    JOIN ${T('opportunities')} o ON o.opportunity_id = l.opportunity_id
    WHERE o.stage = 'won' AND l.source IN (${LINK_TYPES.map(stringLiteral).join(', ')})
  )
SELECT m.model, 'all' AS category, COALESCE(a.total, 0) AS attributed,
  (SELECT COALESCE(SUM(amount), 0) FROM influenced_deals) AS influenced,
  (SELECT COALESCE(SUM(amount), 0) FROM ${T('tributary_sourced')} WHERE stage = 'won') AS sourced
FROM models m LEFT JOIN attributed a ON a.model = m.model
UNION ALL
${linkRows.join('\nUNION ALL\n')}
UNION ALL
SELECT m.model, 'upgrade' AS category, COALESCE(a.upgrade, 0) AS attributed,
  (SELECT COALESCE(SUM(amount), 0) FROM influenced_deals WHERE opportunity_type = 'upgrade') AS influenced,
  (SELECT COALESCE(SUM(amount), 0) FROM ${T('tributary_sourced')}
    WHERE stage = 'won' AND opportunity_type = 'upgrade') AS sourced
FROM models m LEFT JOIN attributed a ON a.model = m.model
UNION ALL
SELECT m.model, 'engagement' AS category, COALESCE(a.engagement, 0) AS attributed,
  CAST(NULL AS DOUBLE PRECISION) AS influenced, CAST(NULL AS DOUBLE PRECISION) AS sourced
FROM models m LEFT JOIN attributed a ON a.model = m.model`,
  );
}
