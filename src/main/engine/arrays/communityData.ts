import { FREE_MAIL_DOMAINS, identityKey } from '../../domain/identityRules';
import type { EngineTables } from '../../store/engineTables';
import type { ActionRows } from './actionRows';
import type { Dataset } from './dataset';
import type { ContactRows } from './load';
import { int32At } from './read';

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
  /**
   * A contact's email → its account (smallest contact id wins); only contacts with an account, and only the emails
   * some community action targets, the only ones CAR looks up (a map of every contact's email was a tenth of the
   * load at a million touches).
   */
  accountByEmail: Map<string, number>;
  /** An account's domain → the account (smallest account id wins); free-mail domains are never keys. */
  accountByDomain: Map<string, number>;
  /** Feature id → shipped_at, NaN when not shipped. */
  featureShippedAt: Map<string, number>;
  /** Per opportunity index: the ids of its linked features (opportunity_features), sorted. */
  opportunityFeatures: string[][];
}

/**
 * The community side of the project, from the contacts and community actions `buildEngineData` already read and the
 * few small tables only CAR needs. Indexes agree with `data`.
 */
export function loadCommunityData(
  tables: EngineTables,
  data: Dataset,
  contacts: ContactRows,
  actionRows: ActionRows,
): CommunityData {
  const opportunityIndex = new Map<string, number>();
  data.opportunities.id.forEach((id, o) => opportunityIndex.set(id, o));

  const featureShippedAt = new Map<string, number>();
  for (const [id, shippedAt] of tables.features()) {
    featureShippedAt.set(id, shippedAt ?? Number.NaN);
  }

  const opportunityFeatures: string[][] = Array.from({ length: data.opportunities.count }, () => []);
  for (const [opportunityId, featureId] of tables.opportunityFeatures()) {
    const o = opportunityIndex.get(opportunityId);
    if (o !== undefined) opportunityFeatures[o]?.push(featureId);
  }

  return {
    actions: sortedActions(actionRows, opportunityIndex),
    accountByEmail: accountByEmail(contacts, targetEmails(actionRows)),
    accountByDomain: accountByDomain(data),
    featureShippedAt,
    opportunityFeatures,
  };
}

function targetEmails(actionRows: ActionRows): Set<string> {
  const emails = new Set<string>();
  for (const email of actionRows.targetEmail) {
    const key = identityKey(email as string | null);
    if (key !== null) emails.add(key);
  }
  return emails;
}

/** A contact's email → its account; of several contacts with one email, the smallest contact id wins. */
function accountByEmail(contacts: ContactRows, wanted: Set<string>): Map<string, number> {
  // First each email's winning contact, then, in place (no second map of every email), that contact's account.
  const byEmail = new Map<string, number>();
  for (let c = 0; c < contacts.count; c++) {
    if ((contacts.account[c] as number) < 0) continue;
    const key = identityKey(contacts.email[c] as string | null);
    if (key === null || !wanted.has(key)) continue;
    const held = byEmail.get(key);
    if (held === undefined || compareBinary(contacts.id[c] as string, contacts.id[held] as string) < 0)
      byEmail.set(key, c);
  }
  for (const [key, c] of byEmail) byEmail.set(key, contacts.account[c] as number);
  return byEmail;
}

/**
 * An account's domain → the account; of several accounts with one domain, the smallest account id wins. The
 * accounts table's rows are the Dataset's first accounts, in account id order, so the lowest index is the smallest.
 */
function accountByDomain(data: Dataset): Map<string, number> {
  const byDomain = new Map<string, number>();
  for (let account = data.accountDomain.length - 1; account >= 0; account--) {
    const key = identityKey(data.accountDomain[account] as string | null);
    // data.md: free-mail domains never match an account.
    if (key !== null && !FREE_MAIL_DOMAINS.has(key)) byDomain.set(key, account);
  }
  return byDomain;
}

/**
 * SQLite's BINARY order (UTF-8 bytes, that is code points), which the smallest-id rules were first written in. JS's
 * `<` compares UTF-16 code units, which differs only where a surrogate (a code point above U+FFFF) meets U+E000–U+FFFF.
 */
function compareBinary(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

const codePointRank = (unit: number): number => (unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800);

/** spec 1: ordered by time, then id by code unit (SQLite's collation is not relied on). */
function sortedActions(rows: ActionRows, opportunityIndex: Map<string, number>): CommunityActions {
  const { id, occurredAt } = rows;
  const n = rows.count;
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => {
    const a = id[x] as string;
    const b = id[y] as string;
    return (occurredAt[x] as number) - (occurredAt[y] as number) || (a < b ? -1 : a > b ? 1 : 0);
  });
  const actions: CommunityActions = {
    count: n,
    id: new Array<string>(n),
    actionType: new Int8Array(n),
    member: new Array<string>(n),
    occurredAt: new Float64Array(n),
    account: new Int32Array(n),
    targetEmail: new Array<string | null>(n),
    targetDomain: new Array<string | null>(n),
    featureId: new Array<string | null>(n),
    opportunityId: new Array<string | null>(n),
    opportunity: new Int32Array(n),
  };
  for (let i = 0; i < n; i++) {
    const from = int32At(order, i);
    const opportunityId = rows.opportunityId[from] as string | null;
    actions.id[i] = id[from] as string;
    actions.actionType[i] = rows.actionType[from] as number;
    actions.member[i] = rows.member[from] as string;
    actions.occurredAt[i] = occurredAt[from] as number;
    actions.account[i] = rows.account[from] as number;
    actions.targetEmail[i] = identityKey(rows.targetEmail[from] as string | null);
    actions.targetDomain[i] = identityKey(rows.targetDomain[from] as string | null);
    actions.featureId[i] = rows.featureId[from] as string | null;
    actions.opportunityId[i] = opportunityId;
    actions.opportunity[i] = opportunityId === null ? -1 : (opportunityIndex.get(opportunityId) ?? -1);
  }
  return actions;
}
