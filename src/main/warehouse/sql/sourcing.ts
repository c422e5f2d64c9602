import type { SqlStatement } from './contract';
import type { Dialect } from './dialect';
import type { ResolvedSqlOptions } from './options';
import { contactEmailsCte, domainAccountsCte, identityKey } from './resolution';
import { createTable, T } from './statement';
import { DAY_MS, integerLiteral } from './sqlText';

/**
 * Sourced CAR's links (spec 7), as engine/models/car/sourcing.ts finds them: a won journey's FT (new business) or OC
 * (upgrade, renewal) held by a community touch, and the three link types. Which deal a link names is decided over
 * all opportunities; it counts when that deal is in scope, even if the action came before the period (spec 9).
 */
export function sourcingStatements(d: Dialect, options: ResolvedSqlOptions): SqlStatement[] {
  const DAY = integerLiteral(DAY_MS);
  // spec 7: "within W after t" ends with the whole UTC day that holds t + W days. Floor division by days written
  // with %, which truncates toward zero in all three dialects, so times before 1970 floor too.
  const windowEnd =
    `a.occurred_at - (((a.occurred_at % ${DAY}) + ${DAY}) % ${DAY})` +
    ` + ${integerLiteral((options.referralWindowDays + 1) * DAY_MS - 1)}`;
  const targetEmail = identityKey('a.target_email');
  const links = createTable(
    'tributary_sourcing_links',
    'attribution.md 7 (sourced), 9',
    `
WITH ${domainAccountsCte(d)},
  -- An email's account: that of its contact with the smallest id among those that have an account.
  ${contactEmailsCte(d, 'contact_accounts', true)},
  link_actions AS (
    -- 7.1 internal_referral: the member's account at the time; 7.3 external_referral: target_email's account (its
    -- contact's, else its domain's), else target_domain's; 7.2 job_move: target_domain's.
    SELECT a.action_id, a.action_type, a.occurred_at, a.opportunity_id AS given, ${windowEnd} AS window_end,
      CASE a.action_type
        WHEN 'internal_referral' THEN a.account_id
        WHEN 'external_referral' THEN COALESCE(by_contact.account_id, by_email.account_id, by_domain.account_id)
        ELSE by_domain.account_id
      END AS target_account
    FROM ${T('tributary_actions')} a
    LEFT JOIN contact_accounts by_contact ON by_contact.email = ${targetEmail}
    LEFT JOIN domain_accounts by_email ON by_email.domain = COALESCE(${d.afterAt(targetEmail)}, ${targetEmail})
    LEFT JOIN domain_accounts by_domain ON by_domain.domain = ${identityKey('a.target_domain')}
    WHERE a.action_type IN ('internal_referral', 'external_referral', 'job_move')
  ),
  named AS (
    -- A referral row's own opportunity_id; one that names no opportunity links nothing (no other is guessed).
    SELECT o.opportunity_id, l.action_type AS source, l.action_id, l.occurred_at
    FROM link_actions l
    JOIN ${T('opportunities')} o ON o.opportunity_id = l.given
    WHERE l.action_type <> 'job_move'
  ),
  windowed AS (
    -- Else the first opportunity, by (created_at, opportunity_id), of the target account created within W after
    -- the action; a job move names new business only.
    SELECT opportunity_id, source, action_id, occurred_at
    FROM (
      SELECT o.opportunity_id, l.action_type AS source, l.action_id, l.occurred_at,
        ROW_NUMBER() OVER (PARTITION BY l.action_id ORDER BY o.created_at, ${d.byCode('o.opportunity_id')}) AS pick
      FROM link_actions l
      JOIN ${T('opportunities')} o ON o.account_id = l.target_account AND o.created_at >= l.occurred_at
        AND o.created_at <= l.window_end
      WHERE (l.given IS NULL OR l.action_type = 'job_move')
        AND (l.action_type <> 'job_move' OR o.type = 'new_business')
    ) ranked
    WHERE pick = 1
  ),
  touch_sources AS (
    -- A won journey's FT (new business) or OC (upgrade, renewal) held by a community touch: chosen by the deal's
    -- type, so an account-lifetime upgrade's FT, which sourced the account's first deal, does not source it.
    SELECT opportunity_id,
      CASE WHEN opportunity_type = 'new_business' THEN 'first_touch' ELSE 'opportunity_creation' END AS source,
      touch_id AS action_id, occurred_at
    FROM ${T('tributary_journey_touches')}
    WHERE stage = 'won' AND touch_kind = 'community'
      AND CASE WHEN opportunity_type = 'new_business' THEN is_ft ELSE is_oc END = 1
  )
SELECT l.opportunity_id, l.source, l.action_id, l.occurred_at
FROM (SELECT * FROM named UNION ALL SELECT * FROM windowed) l
JOIN ${T('tributary_scope')} s ON s.opportunity_id = l.opportunity_id
UNION ALL
SELECT opportunity_id, source, action_id, occurred_at FROM touch_sources`,
  );

  const sourced = createTable(
    'tributary_sourced',
    'attribution.md 7 (sourced)',
    `
-- An opportunity sourced several ways counts once, its source the earliest action by (time, action id); when one
-- action both holds FT/OC and names the deal by a link, the link's kind says why.
SELECT opportunity_id, stage, opportunity_type, amount, source, action_id, occurred_at
FROM (
  SELECT l.opportunity_id, o.stage, o.type AS opportunity_type, o.amount, l.source, l.action_id, l.occurred_at,
    ROW_NUMBER() OVER (
      PARTITION BY l.opportunity_id
      ORDER BY l.occurred_at, ${d.byCode('l.action_id')},
        CASE l.source
          WHEN 'internal_referral' THEN 0 WHEN 'external_referral' THEN 1 WHEN 'job_move' THEN 2
          WHEN 'first_touch' THEN 3 ELSE 4
        END
    ) AS pick
  FROM ${T('tributary_sourcing_links')} l
  JOIN ${T('opportunities')} o ON o.opportunity_id = l.opportunity_id
) ranked
WHERE pick = 1`,
  );
  return [links, sourced];
}
