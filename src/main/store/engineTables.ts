import type Database from 'better-sqlite3';
import type { ActionType, OpportunityType, Stage } from '../../shared/importSpec';
import { checkBeforeReadingData } from './dataCheck';
import { tableBlocks } from './tableBlocks';

export type AccountRow = [accountId: string, domain: string | null, segment: string | null];
export type ContactRow = [
  contactId: string,
  accountId: string | null,
  email: string | null,
  leadCreatedAt: number | null,
];
export type OpportunityRow = [
  opportunityId: string,
  name: string | null,
  accountId: string,
  type: OpportunityType,
  stage: Stage,
  amount: number,
  createdAt: number,
  closedAt: number | null,
];
export type TouchpointRow = [
  touchpointId: string,
  contactId: string | null,
  accountId: string | null,
  occurredAt: number,
  channel: string,
  campaign: string | null,
];
export type MemberIdentityRow = [memberId: string, accountId: string | null];
export type MemberMoveRow = [memberId: string, movedAt: number, toAccountId: string | null];
export type CommunityActionRow = [
  actionId: string,
  memberId: string,
  occurredAt: number,
  actionType: ActionType,
  channel: string | null,
  targetEmail: string | null,
  targetDomain: string | null,
  featureId: string | null,
  opportunityId: string | null,
];
export type FeatureRow = [featureId: string, shippedAt: number | null];
export type OpportunityFeatureRow = [opportunityId: string, featureId: string];

/**
 * The tables the engine builds its arrays from (engine/arrays/load.ts), each read the way the engine takes it: small
 * tables whole or row by row in key order, the big ones (contacts, touchpoints, member identities, community actions)
 * a block of raw rows at a time in storage order (store/tableBlocks.ts; each row then carries its rowid last). Each
 * method runs its query when called, so the caller decides the order of the reads.
 */
export interface EngineTables {
  /** Ordered by account id. */
  accounts(): AccountRow[];
  contactBlocks(): Iterable<ContactRow[]>;
  /** Ordered by opportunity id. */
  opportunities(): OpportunityRow[];
  touchpointBlocks(): Iterable<TouchpointRow[]>;
  memberIdentityBlocks(): Iterable<MemberIdentityRow[]>;
  /** Ordered by member, then date, then action id. */
  memberMoves(): Iterable<MemberMoveRow>;
  communityActionBlocks(): Iterable<CommunityActionRow[]>;
  features(): Iterable<FeatureRow>;
  /** Ordered by opportunity, then feature. */
  opportunityFeatures(): Iterable<OpportunityFeatureRow>;
}

/**
 * `read` over the engine's tables in one read transaction, so every table is of the same commit even while an import
 * worker writes (the big tables are read in several statements). Inside a caller's transaction it is a savepoint.
 */
export function readEngineTables<T>(db: Database.Database, read: (tables: EngineTables) => T): T {
  checkBeforeReadingData(db);
  return db.transaction(() => read(engineTables(db)))();
}

function engineTables(db: Database.Database): EngineTables {
  return {
    accounts: () =>
      db.prepare('SELECT account_id, domain, segment FROM accounts ORDER BY account_id').raw().all() as AccountRow[],
    contactBlocks: () =>
      tableBlocks<ContactRow>(db, 'contacts', ['contact_id', 'account_id', 'email', 'lead_created_at']),
    opportunities: () =>
      db
        .prepare(
          `SELECT opportunity_id, name, account_id, type, stage, amount, created_at, closed_at
           FROM opportunities ORDER BY opportunity_id`,
        )
        .raw()
        .all() as OpportunityRow[],
    touchpointBlocks: () =>
      tableBlocks<TouchpointRow>(db, 'touchpoints', [
        'touchpoint_id',
        'contact_id',
        'account_id',
        'occurred_at',
        'channel',
        'campaign',
      ]),
    memberIdentityBlocks: () => tableBlocks<MemberIdentityRow>(db, 'member_identities', ['member_id', 'account_id']),
    memberMoves: () =>
      db
        .prepare('SELECT member_id, moved_at, to_account_id FROM member_moves ORDER BY member_id, moved_at, action_id')
        .raw()
        .iterate() as IterableIterator<MemberMoveRow>,
    communityActionBlocks: () =>
      tableBlocks<CommunityActionRow>(db, 'community_actions', [
        'action_id',
        'member_id',
        'occurred_at',
        'action_type',
        'channel',
        'target_email',
        'target_domain',
        'feature_id',
        'opportunity_id',
      ]),
    features: () =>
      db.prepare('SELECT feature_id, shipped_at FROM features').raw().iterate() as IterableIterator<FeatureRow>,
    opportunityFeatures: () =>
      db
        .prepare('SELECT opportunity_id, feature_id FROM opportunity_features ORDER BY opportunity_id, feature_id')
        .raw()
        .iterate() as IterableIterator<OpportunityFeatureRow>,
  };
}

/**
 * One custom field's values (schema 0004) of the opportunities or accounts that have one, as `[id, value]`: what a
 * report scope filters by (spec 9). Read on demand, by field, not kept in the engine's arrays; the field is matched
 * by its name as a key of each row's JSON object, so any header works (dots and quotes included).
 */
export function readCustomFieldValues(
  db: Database.Database,
  kind: 'opportunities' | 'accounts',
  field: string,
): [id: string, value: string][] {
  const key = kind === 'opportunities' ? 'opportunity_id' : 'account_id';
  checkBeforeReadingData(db);
  return db
    .prepare(
      `SELECT t.${key}, CAST(j.value AS TEXT) FROM ${kind} t, json_each(t.custom) j
       WHERE t.custom IS NOT NULL AND j.key = ?`,
    )
    .raw()
    .all(field) as [string, string][];
}

/**
 * One field of every touchpoint that has it, as `[touchpoint_id, value]`: `source` or `medium`, else a custom field
 * of touchpoints (schema 0004); for channel-group rules that test it (spec 10).
 */
export function readTouchpointFieldValues(db: Database.Database, field: string): [id: string, value: string][] {
  checkBeforeReadingData(db);
  if (field === 'source' || field === 'medium') {
    return db.prepare(`SELECT touchpoint_id, ${field} FROM touchpoints WHERE ${field} IS NOT NULL`).raw().all() as [
      string,
      string,
    ][];
  }
  return db
    .prepare(
      `SELECT t.touchpoint_id, CAST(j.value AS TEXT) FROM touchpoints t, json_each(t.custom) j
       WHERE t.custom IS NOT NULL AND j.key = ?`,
    )
    .raw()
    .all(field) as [string, string][];
}
