import type { SqlStatement } from './contract';
import type { ResolvedSqlOptions } from './options';
import { createTable, T } from './statement';
import { DAY_MS, doubleLiteral, stringLiteral } from './sqlText';

/**
 * Per-touch credits of every requested model over the won journeys (spec 5), as engine/models/credit.ts computes
 * them: one statement, a branch per family (position models from a table of weights, linear, time decay).
 */
export function creditStatement(options: ResolvedSqlOptions): SqlStatement {
  const positional = options.models.filter((m) => m.weights !== null);
  const branches: string[] = [];
  if (positional.length > 0) {
    branches.push(`
-- spec 5, position models: a present position gets its weight's share of the present positions' weights (a missing
-- one's weight is spread over them in proportion); middle touches share MID equally; a touch's credits add over the
-- positions it holds; when every present position weighs 0 the journey is split equally (a one-touch journey too).
SELECT w.model, t.opportunity_id, t.touch_kind, t.touch_id, t.channel, t.action_type,
  CASE
    WHEN j.total_weight = 0 THEN t.amount / t.touch_count
    ELSE t.amount * (
      t.is_ft * w.ft + t.is_lc * w.lc + t.is_oc * w.oc + t.is_cw * w.cw
      + CASE WHEN t.is_mid = 1 THEN w.mid / j.middles ELSE 0 END
    ) / j.total_weight
  END AS credit
FROM won t
JOIN (
  SELECT p.opportunity_id, w.model, p.middles,
    p.has_ft * w.ft + p.has_lc * w.lc + p.has_oc * w.oc + p.has_cw * w.cw + p.has_mid * w.mid AS total_weight
  FROM presence p CROSS JOIN position_weights w
) j ON j.opportunity_id = t.opportunity_id
JOIN position_weights w ON w.model = j.model`);
  }
  if (options.models.some((m) => m.model === 'linear')) {
    branches.push(`
-- spec 5, linear: equal credit to every touch.
SELECT 'linear' AS model, opportunity_id, touch_kind, touch_id, channel, action_type, amount / touch_count AS credit
FROM won`);
  }
  if (options.models.some((m) => m.model === 'time-decay')) {
    branches.push(`
-- spec 5, time decay: weight 2^(-(closed_at - occurred_at) / half_life), normalised per journey; when every weight
-- underflows to 0 the journey splits equally.
SELECT 'time-decay' AS model, opportunity_id, touch_kind, touch_id, channel, action_type,
  CASE WHEN decay_total > 0 THEN amount * decay / decay_total ELSE amount / touch_count END AS credit
FROM (
  SELECT won.*, SUM(decay) OVER (PARTITION BY opportunity_id) AS decay_total
  FROM (
    -- 2^-1075 and below round to 0, as in the engine; PostgreSQL raises an underflow error there instead.
    SELECT won.*,
      CASE WHEN half_lives >= 1075 THEN 0 ELSE power(CAST(2 AS DOUBLE PRECISION), -half_lives) END AS decay
    FROM (
      SELECT won.*, CAST(closed_at - occurred_at AS DOUBLE PRECISION) / ${doubleLiteral(options.halfLifeDays * DAY_MS)}
        AS half_lives
      FROM won
    ) won
  ) won
) decayed`);
  }
  const withPositions =
    positional.length > 0
      ? `,
  position_weights (model, ft, lc, oc, cw, mid) AS (
    VALUES ${positionalRows(options)}
  ),
  presence AS (
    -- Which positions each won journey holds, and its middle touches.
    SELECT opportunity_id, MAX(is_ft) AS has_ft, MAX(is_lc) AS has_lc, MAX(is_oc) AS has_oc, MAX(is_cw) AS has_cw,
      MAX(is_mid) AS has_mid, SUM(is_mid) AS middles
    FROM won
    GROUP BY opportunity_id
  )`
      : '';
  return createTable(
    'tributary_credits',
    'attribution.md 5',
    `
WITH won AS (
    SELECT * FROM ${T('tributary_journey_touches')} WHERE stage = 'won'
  )${withPositions}
${branches.map((b) => b.trim()).join('\nUNION ALL\n')}`,
  );
}

function positionalRows(options: ResolvedSqlOptions): string {
  return options.models
    .filter((m) => m.weights !== null)
    .map(({ model, weights }) => {
      const w = weights as NonNullable<typeof weights>;
      return `(${[stringLiteral(model), ...[w.FT, w.LC, w.OC, w.CW, w.MID].map(doubleLiteral)].join(', ')})`;
    })
    .join(',\n    ');
}
