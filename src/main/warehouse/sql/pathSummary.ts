import type { SqlStatement } from './contract';
import type { Dialect } from './dialect';
import type { ResolvedSqlOptions } from './options';
import { createTable, T } from './statement';

/**
 * spec 6, paths: the in-scope won and lost journeys with a touch as channel paths (spec 1 order), grouped. Won
 * journeys convert (value = amount), lost ones are null paths. The summary is what a data-driven model learns from:
 * Markov reads `path`, Shapley `channel_set`, outside the warehouse (tributary solve).
 */
export function pathSummaryStatement(d: Dialect, options: ResolvedSqlOptions): SqlStatement {
  const kept = options.collapseRepeats
    ? `
  steps AS (
    -- Collapse repeats (option): a touch on the same channel as the one before it counts once.
    SELECT opportunity_id, stage, amount, seq, channel
    FROM (
      SELECT opportunity_id, stage, amount, seq, channel,
        LAG(channel) OVER (PARTITION BY opportunity_id ORDER BY seq) AS previous_channel
      FROM ${T('tributary_journey_touches')}
    ) lagged
    WHERE previous_channel IS NULL OR previous_channel <> channel
  ),`
    : `
  steps AS (
    SELECT opportunity_id, stage, amount, seq, channel FROM ${T('tributary_journey_touches')}
  ),`;
  return createTable(
    'tributary_path_summary',
    'attribution.md 6 (paths)',
    `
WITH${kept}
  paths AS (
    -- Collapsing repeats leaves every channel of the journey in its path, so both come from the same steps.
    SELECT opportunity_id, stage, amount, ${d.jsonArray('channel', 'seq')} AS path,
      ${d.jsonSet('channel')} AS channel_set
    FROM steps
    GROUP BY opportunity_id, stage, amount
  )
SELECT path, channel_set,
  SUM(CASE WHEN stage = 'won' THEN 1 ELSE 0 END) AS conversions,
  SUM(CASE WHEN stage = 'lost' THEN 1 ELSE 0 END) AS nulls,
  SUM(CASE WHEN stage = 'won' THEN amount ELSE 0 END) AS value
FROM paths
GROUP BY path, channel_set`,
  );
}
