import type Database from 'better-sqlite3';
import { ACTION_TYPES, type ActionType, type OpportunityType, type Stage } from '../../shared/importSpec';
import {
  COMMUNITY,
  MARKETING,
  NO_ACTION,
  OPPORTUNITY_TYPE_IDS,
  STAGE_IDS,
  type Dataset,
  type Opportunities,
  type Touches,
} from './dataset';
import { Dictionary } from './dictionary';
import { memberAccounts } from './members';

interface RawTouch {
  kind: number;
  id: string;
  account: number;
  occurredAt: number;
  channel: number;
  campaign: number;
  actionType: number;
  member: number;
}

/**
 * Reads the project into the engine's columnar tables (spec 8: load once, recompute from arrays). Every id becomes
 * a dense index; accounts referenced anywhere (an opportunity of an account not imported yet) get one too, so
 * orphans still have journeys.
 */
export function loadDataset(db: Database.Database): Dataset {
  const accounts = new Dictionary();
  const accountRows = db
    .prepare('SELECT account_id, domain, segment FROM accounts ORDER BY account_id')
    .raw()
    .all() as [string, string | null, string | null][];
  const domainOf: (string | null)[] = [];
  const segmentOf: (string | null)[] = [];
  for (const [id, domain, segment] of accountRows) {
    accounts.id(id);
    domainOf.push(domain);
    segmentOf.push(segment);
  }

  const contactAccount = new Map<string, number>();
  // A Map, not an array filled at random indexes (which V8 would turn into a slow dictionary).
  const leadCreated = new Map<number, number>();
  for (const [contactId, accountId, lead] of db
    .prepare('SELECT contact_id, account_id, lead_created_at FROM contacts')
    .raw()
    .iterate() as IterableIterator<[string, string | null, number | null]>) {
    const account = accountId === null ? -1 : accounts.id(accountId);
    contactAccount.set(contactId, account);
    // spec 3: LC is cut at the lead_created_at of the account's earliest-created contact.
    if (account >= 0 && lead !== null && !(lead >= (leadCreated.get(account) ?? Infinity)))
      leadCreated.set(account, lead);
  }

  const opportunities = loadOpportunities(db, accounts);
  const channels = new Dictionary();
  const campaigns = new Dictionary();
  const members = new Dictionary();
  const raw: RawTouch[] = [];

  for (const [id, contactId, accountId, occurredAt, channel, campaign] of db
    .prepare('SELECT touchpoint_id, contact_id, account_id, occurred_at, channel, campaign FROM touchpoints')
    .raw()
    .iterate() as IterableIterator<[string, string | null, string | null, number, string, string | null]>) {
    // spec 1: a touch belongs to its contact's account, or its own account when it has no contact. A contact the
    // project does not know (or one without an account) counts as none, so the touch's own account still holds it.
    const viaContact = contactId === null ? -1 : (contactAccount.get(contactId) ?? -1);
    const account = viaContact >= 0 ? viaContact : accountId !== null ? accounts.id(accountId) : -1;
    if (account < 0) continue;
    raw.push({
      kind: MARKETING,
      id,
      account,
      occurredAt,
      channel: channels.id(channel),
      campaign: campaign === null ? -1 : campaigns.id(campaign),
      actionType: NO_ACTION,
      member: -1,
    });
  }

  const accountAt = memberAccounts(db, accounts);
  for (const [id, memberId, occurredAt, actionType, channel] of db
    .prepare('SELECT action_id, member_id, occurred_at, action_type, channel FROM community_actions')
    .raw()
    .iterate() as IterableIterator<[string, string, number, ActionType, string | null]>) {
    const account = accountAt(memberId, occurredAt);
    if (account < 0) continue;
    raw.push({
      kind: COMMUNITY,
      id,
      account,
      occurredAt,
      // spec 1: channel `community:<action_type>` unless the row gives one.
      channel: channels.id(channel ?? `community:${actionType}`),
      campaign: -1,
      actionType: ACTION_TYPES.indexOf(actionType),
      member: members.id(memberId),
    });
  }

  const leadCreatedAt = new Float64Array(accounts.size).fill(Number.NaN);
  for (const [account, value] of leadCreated) leadCreatedAt[account] = value;
  while (domainOf.length < accounts.size) {
    domainOf.push(null);
    segmentOf.push(null);
  }
  // Channel ids in name order, so data-driven models see the same players whatever order rows came in.
  const sortedChannels = channels.sorted();
  for (const touch of raw) touch.channel = sortedChannels.remap[touch.channel] as number;
  return {
    accounts,
    channels: sortedChannels.dictionary,
    campaigns,
    members,
    touches: toTouches(raw, accounts.size),
    opportunities,
    leadCreatedAt,
    accountDomain: domainOf,
    accountSegment: segmentOf,
  };
}

function loadOpportunities(db: Database.Database, accounts: Dictionary): Opportunities {
  const rows = db
    .prepare(
      `SELECT opportunity_id, name, account_id, type, stage, amount, created_at, closed_at
       FROM opportunities ORDER BY opportunity_id`,
    )
    .raw()
    .all() as [string, string | null, string, OpportunityType, Stage, number, number, number | null][];
  const table: Opportunities = {
    count: rows.length,
    id: [],
    name: [],
    account: new Int32Array(rows.length),
    type: new Uint8Array(rows.length),
    stage: new Uint8Array(rows.length),
    amount: new Float64Array(rows.length),
    createdAt: new Float64Array(rows.length),
    closedAt: new Float64Array(rows.length),
  };
  rows.forEach(([id, name, accountId, type, stage, amount, createdAt, closedAt], i) => {
    table.id.push(id);
    table.name.push(name);
    table.account[i] = accounts.id(accountId);
    table.type[i] = OPPORTUNITY_TYPE_IDS[type];
    table.stage[i] = STAGE_IDS[stage];
    table.amount[i] = amount;
    table.createdAt[i] = createdAt;
    table.closedAt[i] = closedAt ?? Number.NaN;
  });
  return table;
}

/** spec 1: touches ordered by account, then `(occurred_at, touch_kind, touch_id)`, strings by code unit. */
function toTouches(raw: RawTouch[], accountCount: number): Touches {
  raw.sort(
    (a, b) =>
      a.account - b.account ||
      a.occurredAt - b.occurredAt ||
      a.kind - b.kind ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const n = raw.length;
  const touches: Touches = {
    count: n,
    kind: new Uint8Array(n),
    id: new Array<string>(n),
    account: new Int32Array(n),
    occurredAt: new Float64Array(n),
    channel: new Int32Array(n),
    campaign: new Int32Array(n),
    actionType: new Int8Array(n),
    member: new Int32Array(n),
    accountStart: new Int32Array(accountCount + 1),
  };
  raw.forEach((touch, i) => {
    touches.kind[i] = touch.kind;
    touches.id[i] = touch.id;
    touches.account[i] = touch.account;
    touches.occurredAt[i] = touch.occurredAt;
    touches.channel[i] = touch.channel;
    touches.campaign[i] = touch.campaign;
    touches.actionType[i] = touch.actionType;
    touches.member[i] = touch.member;
  });
  let cursor = 0;
  for (let account = 0; account <= accountCount; account++) {
    while (cursor < n && (touches.account[cursor] as number) < account) cursor++;
    touches.accountStart[account] = cursor;
  }
  return touches;
}
