import type { SqlStatement } from './contract';
import type { Dialect } from './dialect';
import type { ResolvedSqlOptions } from './options';
import { createTable, T } from './statement';
import { DAY_MS, integerLiteral } from './sqlText';

/**
 * The journeys of the in-scope won and lost opportunities (spec 3-4), one row per touch with its positions, as
 * engine/models/journeys.ts builds them. Journeys read all of the account's touches whatever the scope (spec 9).
 */
export function journeyStatement(d: Dialect, options: ResolvedSqlOptions): SqlStatement {
  // spec 3: lookback_start = created_at - lookback_days; 0 means the account's whole history.
  const lookbackStart =
    options.lookbackDays > 0
      ? `o.created_at - ${integerLiteral(options.lookbackDays * DAY_MS)}`
      : 'CAST(NULL AS BIGINT)';
  // spec 4: upgrades and renewals restart at their opportunity, unless the policy is account-lifetime.
  const restarted =
    options.upgradePolicy === 'restart-at-opportunity' ? "CASE WHEN o.type <> 'new_business' THEN 1 ELSE 0 END" : '0';
  return createTable(
    'tributary_journey_touches',
    'attribution.md 3-4',
    `
WITH deals AS (
    -- Won and lost deals with a close date; open ones are pipeline, never credited (spec 2).
    SELECT o.opportunity_id, o.account_id, o.type AS opportunity_type, o.stage, o.amount, o.created_at, o.closed_at,
      ${lookbackStart} AS lookback_start,
      ${restarted} AS restarted
    FROM ${T('opportunities')} o
    JOIN ${T('tributary_scope')} s ON s.opportunity_id = o.opportunity_id
    WHERE o.stage IN ('won', 'lost') AND o.closed_at IS NOT NULL
  ),
  account_leads AS (
    -- spec 3, LC: the lead_created_at of the account's earliest-created contact.
    SELECT account_id, MIN(lead_created_at) AS lead_at
    FROM ${T('contacts')}
    WHERE account_id IS NOT NULL AND lead_created_at IS NOT NULL
    GROUP BY account_id
  ),
  previous_won AS (
    -- spec 4, P: the latest close of the account's other won deals at or before this one's creation.
    SELECT d.opportunity_id, MAX(w.closed_at) AS closed_at
    FROM deals d
    JOIN ${T('opportunities')} w ON w.account_id = d.account_id AND w.stage = 'won' AND w.closed_at IS NOT NULL
      AND w.closed_at <= d.created_at AND w.opportunity_id <> d.opportunity_id
    WHERE d.restarted = 1
    GROUP BY d.opportunity_id
  ),
  whole_history AS (
    -- spec 3: the account's touches with lookback_start <= occurred_at <= closed_at.
    SELECT d.opportunity_id, t.touch_kind, t.touch_id, t.occurred_at, t.channel, t.action_type, 0 AS oc_touch
    FROM deals d
    JOIN ${T('tributary_touches')} t ON t.account_id = d.account_id AND t.occurred_at <= d.closed_at
    WHERE d.restarted = 0 AND (d.lookback_start IS NULL OR t.occurred_at >= d.lookback_start)
  ),
  oc_candidates AS (
    -- spec 4: the last touch at or before the opportunity's creation (and its close)...
    SELECT d.opportunity_id, t.touch_kind, t.touch_id, t.occurred_at, t.channel, t.action_type, d.lookback_start, p.closed_at AS previous_close,
      ROW_NUMBER() OVER (
        PARTITION BY d.opportunity_id
        ORDER BY t.occurred_at DESC, ${d.byCode('t.touch_kind')} DESC, ${d.byCode('t.touch_id')} DESC
      ) AS pick
    FROM deals d
    JOIN ${T('tributary_touches')} t ON t.account_id = d.account_id AND t.occurred_at <= d.created_at
      AND t.occurred_at <= d.closed_at
    LEFT JOIN previous_won p ON p.opportunity_id = d.opportunity_id
    WHERE d.restarted = 1
  ),
  restarted_touches AS (
    -- ...kept as the OC touch when it is after P and within the lookback, then every touch in (created_at, closed_at].
    SELECT opportunity_id, touch_kind, touch_id, occurred_at, channel, action_type, 1 AS oc_touch
    FROM oc_candidates
    WHERE pick = 1 AND (previous_close IS NULL OR occurred_at > previous_close)
      AND (lookback_start IS NULL OR occurred_at >= lookback_start)
    UNION ALL
    SELECT d.opportunity_id, t.touch_kind, t.touch_id, t.occurred_at, t.channel, t.action_type, 0 AS oc_touch
    FROM deals d
    JOIN ${T('tributary_touches')} t ON t.account_id = d.account_id AND t.occurred_at > d.created_at
      AND t.occurred_at <= d.closed_at
    WHERE d.restarted = 1
  ),
  journey_members AS (
    SELECT * FROM whole_history
    UNION ALL
    SELECT * FROM restarted_touches
  ),
  ordered AS (
    -- spec 1: touches in (occurred_at, touch_kind, touch_id) order.
    SELECT d.opportunity_id, d.account_id, d.stage, d.opportunity_type, d.amount, d.created_at, d.closed_at,
      d.restarted, l.lead_at, j.oc_touch, j.touch_kind, j.touch_id, j.occurred_at, j.channel, j.action_type,
      ROW_NUMBER() OVER (
        PARTITION BY d.opportunity_id ORDER BY j.occurred_at, ${d.byCode('j.touch_kind')}, ${d.byCode('j.touch_id')}
      ) AS seq,
      COUNT(*) OVER (PARTITION BY d.opportunity_id) AS touch_count,
      -- spec 3: LC and OC are the last journey touches at or before the lead's and the opportunity's creation.
      -- Times only grow along a journey, so that touch's place is the number of touches at or before the time.
      SUM(CASE WHEN j.occurred_at <= l.lead_at THEN 1 ELSE 0 END) OVER (PARTITION BY d.opportunity_id) AS lc_seq,
      SUM(CASE WHEN j.occurred_at <= d.created_at THEN 1 ELSE 0 END) OVER (PARTITION BY d.opportunity_id) AS oc_seq
    FROM journey_members j
    JOIN deals d ON d.opportunity_id = j.opportunity_id
    LEFT JOIN account_leads l ON l.account_id = d.account_id
  ),
  flagged AS (
    -- FT and LC do not exist in a restarted journey (spec 4); CW is its last touch in both kinds.
    SELECT ordered.*,
      CASE WHEN restarted = 0 AND seq = 1 THEN 1 ELSE 0 END AS is_ft,
      CASE WHEN restarted = 0 AND seq = lc_seq THEN 1 ELSE 0 END AS is_lc,
      CASE WHEN restarted = 1 THEN oc_touch WHEN seq = oc_seq THEN 1 ELSE 0 END AS is_oc,
      CASE WHEN seq = touch_count THEN 1 ELSE 0 END AS is_cw
    FROM ordered
  )
SELECT opportunity_id, account_id, stage, opportunity_type, amount, closed_at, restarted, seq, touch_count,
  touch_kind, touch_id, occurred_at, channel, action_type, is_ft, is_lc, is_oc, is_cw,
  CASE WHEN is_ft + is_lc + is_oc + is_cw = 0 THEN 1 ELSE 0 END AS is_mid
FROM flagged`,
  );
}
