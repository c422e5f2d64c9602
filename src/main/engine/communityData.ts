import type Database from 'better-sqlite3';
import { ACTION_TYPES, type ActionType } from '../../shared/importSpec';
import { FREE_MAIL_DOMAINS } from '../import/identity';
import type { Dataset } from './dataset';
import { memberAccounts } from './members';

/**
 * Every community action, resolved or not (spec 7: a sourcing link may come from a member no account holds), sorted
 * by `(occurred_at, action_id)` so "the earliest sourcing action" never depends on row order.
 */
export interface CommunityActions {
  count: number;
  id: string[];
  /** Index into ACTION_TYPES. */
  actionType: Int8Array;
  member: string[];
  occurredAt: Float64Array;
  /** The member's account at the action's time (data.md: job moves apply from their date on); -1 when none. */
  account: Int32Array;
  /** Trimmed and lower-cased, or null. */
  targetEmail: (string | null)[];
  /** Trimmed and lower-cased, or null. */
  targetDomain: (string | null)[];
  featureId: (string | null)[];
  /** The row's opportunity_id as given, or null. */
  opportunityId: (string | null)[];
  /** Index of the row's opportunity_id in `data.opportunities`; -1 when not given or no such opportunity. */
  opportunity: Int32Array;
}

/** What community-attributed revenue (spec 7) needs beyond the Dataset; indexes agree with the Dataset's. */
export interface CommunityData {
  actions: CommunityActions;
  /** A contact's email → its account (smallest contact id wins); only contacts with an account. */
  accountByEmail: Map<string, number>;
  /** An account's domain → the account (smallest account id wins); free-mail domains are never keys. */
  accountByDomain: Map<string, number>;
  /** Feature id → shipped_at, NaN when not shipped. */
  featureShippedAt: Map<string, number>;
  /** Per opportunity index: the ids of its linked features (opportunity_features), sorted. */
  opportunityFeatures: string[][];
}

const normalize = (value: string | null): string | null => value?.trim().toLowerCase() || null;

/** Loads the community side of the project once, alongside `loadDataset` on the same connection. */
export function loadCommunityData(db: Database.Database, data: Dataset): CommunityData {
  const opportunityIndex = new Map<string, number>();
  data.opportunities.id.forEach((id, o) => opportunityIndex.set(id, o));

  const accountByEmail = new Map<string, number>();
  for (const [email, accountId] of db
    .prepare(
      `SELECT email, account_id FROM contacts
       WHERE email IS NOT NULL AND account_id IS NOT NULL ORDER BY contact_id DESC`,
    )
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    const key = normalize(email);
    const account = data.accounts.find(accountId);
    if (key !== null && account !== undefined) accountByEmail.set(key, account);
  }

  const accountByDomain = new Map<string, number>();
  for (const [domain, accountId] of db
    .prepare('SELECT domain, account_id FROM accounts WHERE domain IS NOT NULL ORDER BY account_id DESC')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    const key = normalize(domain);
    const account = data.accounts.find(accountId);
    // data.md: free-mail domains never match an account.
    if (key !== null && !FREE_MAIL_DOMAINS.has(key) && account !== undefined) accountByDomain.set(key, account);
  }

  const featureShippedAt = new Map<string, number>();
  for (const [id, shippedAt] of db
    .prepare('SELECT feature_id, shipped_at FROM features')
    .raw()
    .iterate() as IterableIterator<[string, number | null]>) {
    featureShippedAt.set(id, shippedAt ?? Number.NaN);
  }

  const opportunityFeatures: string[][] = Array.from({ length: data.opportunities.count }, () => []);
  for (const [opportunityId, featureId] of db
    .prepare('SELECT opportunity_id, feature_id FROM opportunity_features ORDER BY opportunity_id, feature_id')
    .raw()
    .iterate() as IterableIterator<[string, string]>) {
    const o = opportunityIndex.get(opportunityId);
    if (o !== undefined) opportunityFeatures[o]?.push(featureId);
  }

  return {
    actions: loadActions(db, data, opportunityIndex),
    accountByEmail,
    accountByDomain,
    featureShippedAt,
    opportunityFeatures,
  };
}

type ActionRow = [string, string, number, ActionType, string | null, string | null, string | null, string | null];

function loadActions(db: Database.Database, data: Dataset, opportunityIndex: Map<string, number>): CommunityActions {
  const rows = db
    .prepare(
      `SELECT action_id, member_id, occurred_at, action_type, target_email, target_domain, feature_id, opportunity_id
       FROM community_actions`,
    )
    .raw()
    .all() as ActionRow[];
  // spec 1: ordered by time, then id by code unit (SQLite's collation is not relied on).
  rows.sort((a, b) => a[2] - b[2] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const accountAt = memberAccounts(db, data.accounts);
  const n = rows.length;
  const actions: CommunityActions = {
    count: n,
    id: [],
    actionType: new Int8Array(n),
    member: [],
    occurredAt: new Float64Array(n),
    account: new Int32Array(n),
    targetEmail: [],
    targetDomain: [],
    featureId: [],
    opportunityId: [],
    opportunity: new Int32Array(n),
  };
  rows.forEach(([id, memberId, occurredAt, actionType, email, domain, featureId, opportunityId], i) => {
    actions.id.push(id);
    actions.actionType[i] = ACTION_TYPES.indexOf(actionType);
    actions.member.push(memberId);
    actions.occurredAt[i] = occurredAt;
    actions.account[i] = accountAt(memberId, occurredAt);
    actions.targetEmail.push(normalize(email));
    actions.targetDomain.push(normalize(domain));
    actions.featureId.push(featureId);
    actions.opportunityId.push(opportunityId);
    actions.opportunity[i] = opportunityId === null ? -1 : (opportunityIndex.get(opportunityId) ?? -1);
  });
  return actions;
}
