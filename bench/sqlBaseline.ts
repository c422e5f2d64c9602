import type Database from 'better-sqlite3';

/**
 * The straightforward way to compute full-path credit: SQL window functions over the project's tables, as an
 * analyst would write it. The benchmark times it against the engine and checks both agree per channel. Default
 * journey options only (no lookback, upgrades restart at the opportunity).
 */
export const FULL_PATH_BY_CHANNEL_SQL = `
WITH
touches AS (
  SELECT COALESCE(c.account_id, t.account_id) AS account_id,
         'marketing' AS kind, t.touchpoint_id AS id, t.occurred_at AS at, t.channel AS channel
  FROM touchpoints t LEFT JOIN contacts c ON c.contact_id = t.contact_id
  UNION ALL
  SELECT CASE
           WHEN EXISTS (SELECT 1 FROM member_moves mv WHERE mv.member_id = a.member_id AND mv.moved_at <= a.occurred_at)
           THEN (SELECT mv.to_account_id FROM member_moves mv
                 WHERE mv.member_id = a.member_id AND mv.moved_at <= a.occurred_at
                 ORDER BY mv.moved_at DESC, mv.action_id DESC LIMIT 1)
           ELSE mi.account_id
         END,
         'community', a.action_id, a.occurred_at, COALESCE(a.channel, 'community:' || a.action_type)
  FROM community_actions a LEFT JOIN member_identities mi ON mi.member_id = a.member_id
),
won AS (
  SELECT o.opportunity_id, o.account_id, o.amount, o.type, o.created_at, o.closed_at,
         (SELECT min(lead_created_at) FROM contacts k WHERE k.account_id = o.account_id) AS lead,
         (SELECT max(w.closed_at) FROM opportunities w
          WHERE w.account_id = o.account_id AND w.stage = 'won' AND w.opportunity_id <> o.opportunity_id
            AND w.closed_at <= o.created_at) AS prev
  FROM opportunities o WHERE o.stage = 'won' AND o.closed_at IS NOT NULL
),
candidates AS (
  SELECT w.*, t.kind, t.id, t.at, t.channel,
         ROW_NUMBER() OVER (PARTITION BY w.opportunity_id, t.at <= w.created_at
                            ORDER BY t.at DESC, t.kind DESC, t.id DESC) AS from_end
  FROM won w JOIN touches t ON t.account_id = w.account_id AND t.at <= w.closed_at
),
journey AS (
  SELECT *, ROW_NUMBER() OVER (PARTITION BY opportunity_id ORDER BY at, kind, id) AS ord,
         COUNT(*) OVER (PARTITION BY opportunity_id) AS n
  FROM candidates
  WHERE type = 'new_business' OR at > created_at
     OR (from_end = 1 AND at <= created_at AND (prev IS NULL OR at > prev))
),
marked AS (
  SELECT *,
         MAX(CASE WHEN type = 'new_business' AND at <= lead THEN ord END) OVER (PARTITION BY opportunity_id) AS lc_ord,
         MAX(CASE WHEN at <= created_at THEN ord END) OVER (PARTITION BY opportunity_id) AS oc_ord
  FROM journey
),
positions AS (
  SELECT opportunity_id, amount, channel,
         (type = 'new_business' AND ord = 1) AS ft, (ord = lc_ord) IS 1 AS lc, (ord = oc_ord) IS 1 AS oc,
         (ord = n) AS cw
  FROM marked
),
shares AS (
  SELECT *, NOT (ft OR lc OR oc OR cw) AS mid,
         MAX(ft) OVER p + MAX(lc) OVER p + MAX(oc) OVER p + MAX(cw) OVER p AS milestones,
         SUM(NOT (ft OR lc OR oc OR cw)) OVER p AS mids
  FROM positions WINDOW p AS (PARTITION BY opportunity_id)
)
SELECT channel,
       SUM(amount * (22.5 * (ft + lc + oc + cw) + CASE WHEN mid THEN 10.0 / mids ELSE 0 END)
           / (22.5 * milestones + CASE WHEN mids > 0 THEN 10 ELSE 0 END)) AS credit
FROM shares GROUP BY channel ORDER BY channel`;

export function fullPathByChannelSql(db: Database.Database): Map<string, number> {
  const rows = db.prepare(FULL_PATH_BY_CHANNEL_SQL).all() as { channel: string; credit: number }[];
  return new Map(rows.map((row) => [row.channel, row.credit]));
}
