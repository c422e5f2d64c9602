import { POSITION_NAMES } from '../../../shared/vocabulary/positions';
import type { SqlStatement } from './contract';
import type { ResolvedSqlOptions } from './options';
import { creditOfModel } from './credits';
import { createTable, T } from './statement';
import { doubleLiteral, stringLiteral } from './sqlText';

/**
 * spec 7, "also reported": attributed CAR per position, and community touches per won deal, as engine/models/car.ts
 * reports them. A community touch holding several milestones splits its credit over them in proportion to the
 * model's weights (equally for linear and time decay, or when the positions it holds all weigh 0).
 */
export function carPositionStatements(options: ResolvedSqlOptions): SqlStatement[] {
  const columns = POSITION_NAMES.map((name) => name.toLowerCase());
  const weightRows = options.models
    .map(({ model, weights }) => {
      const values = POSITION_NAMES.map((name) => doubleLiteral(weights ? weights[name] : 0));
      return `(${[stringLiteral(model), ...values].join(', ')})`;
    })
    .join(',\n    ');
  const held = columns.map((p) => `j.is_${p}`).join(' + ');
  const heldWeight = columns.map((p) => `j.is_${p} * w.${p}`).join(' + ');
  const byPosition = createTable(
    'tributary_car_positions',
    'attribution.md 7 (attributed CAR per position)',
    `
WITH weights (model, ${columns.join(', ')}) AS (
    VALUES ${weightRows}
  ),
  community_credit AS (
    -- Each community touch's credit under each model, with the positions it holds.
    SELECT w.model, ${creditOfModel(options, 'j', 'w.model')} AS credit, ${columns.map((p) => `j.is_${p}`).join(', ')},
      ${heldWeight} AS held_weight,
      ${held} AS held
    FROM ${T('tributary_touch_credits')} j
    CROSS JOIN weights w
    WHERE j.touch_kind = 'community'
  ),
  sums AS (
    SELECT w.model,
      ${columns
        .map(
          (p) =>
            `COALESCE(SUM(CASE WHEN cc.held_weight > 0 THEN cc.credit * (cc.is_${p} * w.${p} / cc.held_weight)` +
            ` ELSE cc.credit * (CAST(cc.is_${p} AS DOUBLE PRECISION) / cc.held) END), 0) AS ${p}`,
        )
        .join(',\n      ')}
    FROM weights w
    LEFT JOIN community_credit cc ON cc.model = w.model
    GROUP BY w.model
  )
${POSITION_NAMES.map((name) => `SELECT model, ${stringLiteral(name)} AS position, ${name.toLowerCase()} AS attributed FROM sums`).join('\nUNION ALL\n')}`,
  );
  const touches = createTable(
    'tributary_community_touches',
    'attribution.md 7 (community touches per won deal)',
    `
-- Every in-scope won deal counts, those with no touch too.
SELECT won_count, community_touches,
  CASE WHEN won_count > 0 THEN CAST(community_touches AS DOUBLE PRECISION) / won_count ELSE 0 END AS per_won_deal
FROM (
  SELECT (SELECT won_count FROM ${T('tributary_revenue')}) AS won_count,
    (SELECT COUNT(*) FROM ${T('tributary_journey_touches')} WHERE stage = 'won' AND touch_kind = 'community')
      AS community_touches
) counts`,
  );
  return [byPosition, touches];
}
