/**
 * Canonical CSV files of `touches` touches for the DuckDB benchmark, written by DuckDB itself in seconds (the demo
 * generator writes a project, which at 10M touches would take minutes before any measuring). Deterministic (hash of
 * the row number), with the demo's shape: an account per ~100 touches, three contacts and two deals per account, a
 * fifth of deals upgrades, a tenth of touches community actions (referrals, job moves and engagement), times as
 * ISO 8601 as CRM exports write them.
 */
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';

const CHANNELS = ['email', 'webinar', 'paid_search', 'organic_search', 'events', 'content', 'direct', 'paid_social'];
const ACTIONS = [
  'post',
  'reply',
  'reaction',
  'event_attended',
  'answer',
  'internal_referral',
  'external_referral',
  'job_move',
];

const list = (values: string[]): string => `[${values.map((v) => `'${v}'`).join(', ')}]`;
/** A day from 2023-01-01 on, as `YYYY-MM-DD`. */
const day = (days: string): string => `strftime(DATE '2023-01-01' + CAST(${days} AS INTEGER), '%Y-%m-%d')`;
const pick = (values: string[], seed: string): string =>
  `${list(values)}[1 + CAST(hash(${seed}) % ${values.length} AS INTEGER)]`;

export async function writeBenchCsv(connection: DuckDBConnection, folder: string, touches: number): Promise<void> {
  const accounts = Math.max(10, Math.round(touches / 100));
  const file = (kind: string): string => join(folder, `${kind}.csv`);
  const copy = (select: string, kind: string): Promise<unknown> =>
    connection.run(`COPY (${select}) TO '${file(kind)}' (HEADER, DELIMITER ',')`);
  await copy(
    `SELECT 'ACC-' || i AS account_id, 'acc' || i || '.com' AS domain,
       ${pick(['Enterprise', 'Mid-market', 'SMB'], 'i')} AS segment FROM range(${accounts}) t(i)`,
    'accounts',
  );
  await copy(
    `SELECT 'CON-' || i AS contact_id, 'ACC-' || (i % ${accounts}) AS account_id,
       'c' || i || '@acc' || (i % ${accounts}) || '.com' AS email, ${day('hash(i, 1) % 400')} AS lead_created_at
     FROM range(${accounts * 3}) t(i)`,
    'contacts',
  );
  await copy(
    `SELECT 'OPP-' || i AS opportunity_id, 'ACC-' || (i % ${accounts}) AS account_id,
       CASE WHEN i % 5 = 0 THEN 'Upgrade' ELSE 'New Business' END AS type,
       ${pick(['Closed Won', 'Closed Won', 'Closed Lost', 'Open'], 'i, 2')} AS stage,
       1000 + hash(i, 3) % 90000 AS amount, ${day('200 + hash(i, 4) % 400')} AS created_at,
       CASE WHEN stage <> 'Open' THEN ${day('600 + hash(i, 5) % 120')} END AS closed_at
     FROM range(${accounts * 2}) t(i)`,
    'opportunities',
  );
  const marketing = Math.round(touches * 0.9);
  await copy(
    `SELECT 'TP-' || i AS touchpoint_id,
       CASE WHEN i % 10 < 7 THEN 'CON-' || (hash(i, 6) % ${accounts * 3}) END AS contact_id,
       CASE WHEN i % 10 >= 7 THEN 'ACC-' || (hash(i, 6) % ${accounts}) END AS account_id,
       strftime(TIMESTAMP '2023-01-01' + to_seconds(CAST(hash(i, 7) % (720 * 86400) AS BIGINT)),
         '%Y-%m-%dT%H:%M:%SZ') AS occurred_at,
       ${pick(CHANNELS, 'i, 8')} AS channel
     FROM range(${marketing}) t(i)`,
    'touchpoints',
  );
  await copy(
    `SELECT 'MEM-' || i AS member_id,
       CASE WHEN i % 2 = 0 THEN 'c' || (i * 3 % ${accounts * 3}) || '@acc' || (i * 3 % ${accounts * 3} % ${accounts}) || '.com' END AS email,
       CASE WHEN i % 2 = 1 THEN 'acc' || (i % ${accounts}) || '.com' END AS company_domain
     FROM range(${accounts}) t(i)`,
    'community_members',
  );
  await copy(
    `SELECT 'ACT-' || i AS action_id, 'MEM-' || (hash(i, 9) % ${accounts}) AS member_id,
       strftime(TIMESTAMP '2023-01-01' + to_seconds(CAST(hash(i, 10) % (720 * 86400) AS BIGINT)),
         '%Y-%m-%dT%H:%M:%SZ') AS occurred_at,
       ${pick(ACTIONS, 'i, 11')} AS action_type,
       CASE WHEN action_type = 'job_move' THEN 'acc' || (hash(i, 12) % ${accounts}) || '.com' END AS target_domain,
       CASE WHEN action_type = 'external_referral' THEN 'c' || (hash(i, 13) % ${accounts * 3}) || '@acc' ||
         (hash(i, 13) % ${accounts * 3} % ${accounts}) || '.com' END AS target_email
     FROM range(${touches - marketing}) t(i)`,
    'community_actions',
  );
}
