import type { SqlStatement } from './contract';
import { createTable, T } from './statement';
import { integerLiteral, stringLiteral } from './sqlText';
import type { ResolvedSqlOptions } from './options';

/**
 * spec 1: the touches. A touchpoint belongs to its contact's account, or its own account when it has no contact (a
 * contact the data does not hold, or one without an account, counts as none); a community action is a touch of its
 * member's account at its time, channel `community:<action_type>` unless the row gives one. Touches of no account
 * are left out.
 */
export function touchStatement(): SqlStatement {
  return createTable(
    'tributary_touches',
    'attribution.md 1',
    `
SELECT COALESCE(c.account_id, t.account_id) AS account_id, 'marketing' AS touch_kind, t.touchpoint_id AS touch_id,
  t.occurred_at, t.channel, CAST(NULL AS TEXT) AS action_type, CAST(NULL AS TEXT) AS member_id
FROM ${T('touchpoints')} t
LEFT JOIN ${T('contacts')} c ON c.contact_id = t.contact_id
WHERE COALESCE(c.account_id, t.account_id) IS NOT NULL
UNION ALL
SELECT account_id, 'community' AS touch_kind, action_id AS touch_id, occurred_at,
  COALESCE(channel, 'community:' || action_type) AS channel, action_type, member_id
FROM ${T('tributary_actions')}
WHERE account_id IS NOT NULL`,
  );
}

/**
 * spec 9: the opportunities a report covers. A won or lost deal is in the period when it closed in it, an open one
 * when it was created in it; segments ('' = accounts without one) and types are OR-ed within, AND-ed across.
 */
export function scopeStatement(options: ResolvedSqlOptions): SqlStatement {
  const { from, to, segments, types } = options.scope;
  const conditions: string[] = [];
  const when = "CASE WHEN o.stage = 'open' THEN o.created_at ELSE o.closed_at END";
  if (from !== null) conditions.push(`${when} >= ${integerLiteral(from)}`);
  if (to !== null) conditions.push(`${when} <= ${integerLiteral(to)}`);
  if (segments.length > 0) {
    conditions.push(`COALESCE(a.segment, '') IN (${segments.map(stringLiteral).join(', ')})`);
  }
  if (types.length > 0) conditions.push(`o.type IN (${types.map(stringLiteral).join(', ')})`);
  return createTable(
    'tributary_scope',
    'attribution.md 9',
    `
${conditions.length > 0 ? '' : '-- No scope: every opportunity.\n'}SELECT o.opportunity_id
FROM ${T('opportunities')} o
LEFT JOIN ${T('accounts')} a ON a.account_id = o.account_id${conditions.length > 0 ? `\nWHERE ${conditions.join('\n  AND ')}` : ''}`,
  );
}
