import type { SqlCreditModel, SqlStatement } from './contract';
import type { ResolvedSqlOptions } from './options';
import { createTable, createView, T } from './statement';
import { DAY_MS, doubleLiteral, ident, stringLiteral } from './sqlText';

/** The column of `tributary_touch_credits` that holds a model's credit, e.g. `credit_time_decay`. */
export const creditColumn = (model: SqlCreditModel): string => `credit_${model.replace(/-/g, '_')}`;

/** A model's credit on a row of `tributary_touch_credits` aliased `row`, the model named by the column `model`. */
export function creditOfModel(options: ResolvedSqlOptions, row: string, model: string): string {
  const cases = options.models.map((m) => `WHEN ${stringLiteral(m.model)} THEN ${row}.${ident(creditColumn(m.model))}`);
  return `CASE ${model} ${cases.join(' ')} END`;
}

/**
 * Per-touch credits of every requested model over the won journeys (spec 5), as engine/models/credit.ts computes
 * them. They are made once, a row per won touch with a column per model (`tributary_touch_credits`), and read in the
 * contract's shape, a row per model and touch, through the view `tributary_credits`. A table of that shape would
 * repeat each touch's ids once per model: at ten million touches, 81 million rows, 15 s and 8 GB in DuckDB, where
 * the wide table takes 6 s and 2 GB; every reader aggregates through the view without making its rows.
 */
export function creditStatements(options: ResolvedSqlOptions): SqlStatement[] {
  return [touchCreditStatement(options), creditView(options)];
}

function touchCreditStatement(options: ResolvedSqlOptions): SqlStatement {
  const positional = options.models.some((m) => m.weights !== null);
  const decay = options.models.some((m) => m.model === 'time-decay');
  const columns = options.models.map(({ model, weights }) => {
    let credit: string;
    if (weights !== null) {
      const [ft, lc, oc, cw, mid] = [weights.FT, weights.LC, weights.OC, weights.CW, weights.MID].map(doubleLiteral);
      const total = `p.has_ft * ${ft} + p.has_lc * ${lc} + p.has_oc * ${oc} + p.has_cw * ${cw} + p.has_mid * ${mid}`;
      credit = `CASE
    WHEN ${total} = 0 THEN t.amount / t.touch_count
    ELSE t.amount * (
      t.is_ft * ${ft} + t.is_lc * ${lc} + t.is_oc * ${oc} + t.is_cw * ${cw}
      + CASE WHEN t.is_mid = 1 THEN ${mid} / p.middles ELSE 0 END
    ) / (${total})
  END`;
    } else if (model === 'linear') {
      credit = 't.amount / t.touch_count';
    } else {
      credit = 'CASE WHEN t.decay_total > 0 THEN t.amount * t.decay / t.decay_total ELSE t.amount / t.touch_count END';
    }
    return `-- ${model}\n  ${credit} AS ${ident(creditColumn(model))}`;
  });
  const ctes = [
    `won AS (
    SELECT * FROM ${T('tributary_journey_touches')} WHERE stage = 'won'
  )`,
  ];
  if (positional) {
    ctes.push(`presence AS (
    -- Which positions each won journey holds, and its middle touches.
    SELECT opportunity_id, MAX(is_ft) AS has_ft, MAX(is_lc) AS has_lc, MAX(is_oc) AS has_oc, MAX(is_cw) AS has_cw,
      MAX(is_mid) AS has_mid, SUM(is_mid) AS middles
    FROM won
    GROUP BY opportunity_id
  )`);
  }
  if (decay) {
    ctes.push(`decayed AS (
    -- Time decay's weight 2^(-(closed_at - occurred_at) / half_life) and its journey's total. 2^-1075 and below round
    -- to 0, as in the engine; PostgreSQL raises an underflow error there instead.
    SELECT halved.*, SUM(decay) OVER (PARTITION BY opportunity_id) AS decay_total
    FROM (
      SELECT won.*, CASE WHEN half_lives >= 1075 THEN 0 ELSE power(CAST(2 AS DOUBLE PRECISION), -half_lives) END AS decay
      FROM (
        SELECT won.*, CAST(closed_at - occurred_at AS DOUBLE PRECISION) / ${doubleLiteral(options.halfLifeDays * DAY_MS)}
          AS half_lives
        FROM won
      ) won
    ) halved
  )`);
  }
  return createTable(
    'tributary_touch_credits',
    'attribution.md 5',
    `
WITH ${ctes.join(',\n  ')}
-- spec 5. Position models: a present position gets its weight's share of the present positions' weights (a missing
-- one's weight is spread over them in proportion); middle touches share MID equally; a touch's credits add over the
-- positions it holds; when every present position weighs 0 the journey is split equally (a one-touch journey too).
-- Linear: equal credit to every touch. Time decay: the touch's weight over its journey's total, split equally when
-- every weight underflows to 0.
SELECT t.opportunity_id, t.touch_kind, t.touch_id, t.channel, t.action_type, t.is_ft, t.is_lc, t.is_oc, t.is_cw, t.is_mid,
  ${columns.join(',\n  ')}
FROM ${decay ? 'decayed' : 'won'} t${positional ? '\nJOIN presence p ON p.opportunity_id = t.opportunity_id' : ''}`,
  );
}

function creditView(options: ResolvedSqlOptions): SqlStatement {
  const branches = options.models.map(
    ({ model }) =>
      `SELECT ${stringLiteral(model)} AS model, opportunity_id, touch_kind, touch_id, channel, action_type, ` +
      `${ident(creditColumn(model))} AS credit\nFROM ${T('tributary_touch_credits')}`,
  );
  return createView(
    'tributary_credits',
    'attribution.md 5',
    `
-- One row per model and won touch, read from the model's column.
${branches.join('\nUNION ALL\n')}`,
  );
}
