import type { SqlStatement } from './contract';
import { createTable, T } from './statement';

/** spec 2 and 5: in-scope won revenue, and the won deals with no touch, whose amount stays unattributed. */
export function revenueStatements(): SqlStatement[] {
  const unattributed = createTable(
    'tributary_unattributed',
    'attribution.md 5 (unattributed)',
    `
-- A won deal with no touch (none in its journey, or no close date to end one) keeps its amount here.
SELECT o.opportunity_id, o.amount
FROM ${T('opportunities')} o
JOIN ${T('tributary_scope')} s ON s.opportunity_id = o.opportunity_id
WHERE o.stage = 'won'
  AND NOT EXISTS (SELECT 1 FROM ${T('tributary_journey_touches')} j WHERE j.opportunity_id = o.opportunity_id)`,
  );
  const revenue = createTable(
    'tributary_revenue',
    'attribution.md 2, 5',
    `
SELECT
  (SELECT COALESCE(SUM(o.amount), 0) FROM ${T('opportunities')} o
    JOIN ${T('tributary_scope')} s ON s.opportunity_id = o.opportunity_id WHERE o.stage = 'won') AS won_revenue,
  (SELECT COALESCE(SUM(amount), 0) FROM ${T('tributary_unattributed')}) AS unattributed_revenue,
  (SELECT COUNT(*) FROM ${T('opportunities')} o
    JOIN ${T('tributary_scope')} s ON s.opportunity_id = o.opportunity_id WHERE o.stage = 'won') AS won_count,
  (SELECT COUNT(*) FROM ${T('tributary_unattributed')}) AS unattributed_count`,
  );
  return [unattributed, revenue];
}
