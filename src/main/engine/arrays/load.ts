import type Database from 'better-sqlite3';
import { ACTION_TYPES } from '../../../shared/importSpec';
import { readEngineTables, type EngineTables } from '../../store/engineTables';
import { readActionRows, type ActionRows } from './actionRows';
import { loadCommunityData, type CommunityData } from './communityData';
import { OPPORTUNITY_TYPE_IDS, STAGE_IDS, type Dataset, type Opportunities } from './dataset';
import { Dictionary } from './dictionary';
import { memberAccounts } from './members';
import { TouchColumns, toTouches } from './touchColumns';

/** Contacts in the order SQLite stores them; `account` is -1 when the contact names none. */
export interface ContactRows {
  count: number;
  id: string[];
  account: number[];
  email: (string | null)[];
}

export interface EngineData {
  data: Dataset;
  community: CommunityData;
}

/**
 * The project's tables as the engine's arrays, all read in one read transaction (store/engineTables.ts), so every
 * table is of the same commit even while an import worker writes. The engine's one hand-over from the store: the
 * connection only passes through to it.
 */
export function loadEngineData(db: Database.Database): EngineData {
  return readEngineTables(db, buildEngineData);
}

/**
 * Builds the engine's columnar tables from the project's (spec 8: load once, recompute from arrays). Every id becomes a
 * dense index; accounts referenced anywhere (an opportunity of an account not imported yet) get one too, so orphans
 * still have journeys. Each table is read once: the Dataset and the community data share contacts, accounts and
 * community actions. The result is also kept in the project (engine/arrays/projectSnapshot.ts): a change to what it
 * holds must bump ENGINE_FILE_FORMAT (engine/arrays/engineFile.ts) and the checks of engine/arrays/checkEngineData.ts.
 */
export function buildEngineData(tables: EngineTables): EngineData {
  const accounts = new Dictionary();
  const accountRows = tables.accounts();
  const domainOf: (string | null)[] = [];
  const segmentOf: (string | null)[] = [];
  for (const [id, domain, segment] of accountRows) {
    accounts.id(id);
    domainOf.push(domain);
    segmentOf.push(segment);
  }

  // The order of the reads below is the order accounts first met elsewhere get their ids: keep it.
  const { contacts, leadCreated } = readContacts(tables, accounts);
  const opportunities = loadOpportunities(tables, accounts);
  const channels = new Dictionary();
  const campaigns = new Dictionary();
  const touches = new TouchColumns();
  addMarketingTouches(tables, contacts, accounts, channels, campaigns, touches);
  const actions = readActionRows(tables, memberAccounts(tables, accounts));
  const members = addCommunityTouches(actions, channels, touches);

  const leadCreatedAt = new Float64Array(accounts.size).fill(Number.NaN);
  for (const [account, value] of leadCreated) leadCreatedAt[account] = value;
  while (domainOf.length < accounts.size) {
    domainOf.push(null);
    segmentOf.push(null);
  }
  // Channel ids in name order, so data-driven models see the same players whatever order rows came in.
  const sortedChannels = channels.sorted();
  const data: Dataset = {
    accounts,
    channels: sortedChannels.dictionary,
    campaigns,
    members,
    touches: toTouches(touches, accounts.size, sortedChannels.remap),
    opportunities,
    leadCreatedAt,
    accountDomain: domainOf,
    accountSegment: segmentOf,
  };
  return { data, community: loadCommunityData(tables, data, contacts, actions) };
}

/** The Dataset alone, for callers that never look at community-attributed revenue. */
export function loadDataset(db: Database.Database): Dataset {
  return loadEngineData(db).data;
}

function readContacts(
  tables: EngineTables,
  accounts: Dictionary,
): { contacts: ContactRows; leadCreated: Map<number, number> } {
  const contacts: ContactRows = { count: 0, id: [], account: [], email: [] };
  // A Map, not an array filled at random indexes (which V8 would turn into a slow dictionary).
  const leadCreated = new Map<number, number>();
  for (const block of tables.contactBlocks()) {
    for (const [contactId, accountId, email, lead] of block) {
      const account = accountId === null ? -1 : accounts.id(accountId);
      contacts.id.push(contactId);
      contacts.account.push(account);
      contacts.email.push(email);
      // spec 3: LC is cut at the lead_created_at of the account's earliest-created contact.
      if (account >= 0 && lead !== null && !(lead >= (leadCreated.get(account) ?? Infinity)))
        leadCreated.set(account, lead);
    }
  }
  contacts.count = contacts.id.length;
  return { contacts, leadCreated };
}

function addMarketingTouches(
  tables: EngineTables,
  contacts: ContactRows,
  accounts: Dictionary,
  channels: Dictionary,
  campaigns: Dictionary,
  touches: TouchColumns,
): void {
  const contactAccount = new Map<string, number>();
  for (let c = 0; c < contacts.count; c++) contactAccount.set(contacts.id[c] as string, contacts.account[c] as number);
  for (const block of tables.touchpointBlocks()) {
    for (const [id, contactId, accountId, occurredAt, channel, campaign] of block) {
      // spec 1: a touch belongs to its contact's account, or its own account when it has no contact. A contact the
      // project does not know (or one without an account) counts as none, so the touch's own account holds it.
      const viaContact = contactId === null ? -1 : (contactAccount.get(contactId) ?? -1);
      const account = viaContact >= 0 ? viaContact : accountId !== null ? accounts.id(accountId) : -1;
      if (account < 0) continue;
      const campaignId = campaign === null ? -1 : campaigns.id(campaign);
      touches.addMarketing(id, account, occurredAt, channels.id(channel), campaignId);
    }
  }
}

/** Community actions of members some account holds at the time become touches; returns the members dictionary. */
function addCommunityTouches(actions: ActionRows, channels: Dictionary, touches: TouchColumns): Dictionary {
  const members = new Dictionary();
  // spec 1: channel `community:<action_type>` unless the row gives one.
  const defaultChannel = ACTION_TYPES.map((type) => `community:${type}`);
  for (let i = 0; i < actions.count; i++) {
    const account = actions.account[i] as number;
    if (account < 0) continue;
    const actionType = actions.actionType[i] as number;
    touches.addCommunity(
      actions.id[i] as string,
      account,
      actions.occurredAt[i] as number,
      channels.id(actions.channel[i] ?? (defaultChannel[actionType] as string)),
      actionType,
      members.id(actions.member[i] as string),
    );
  }
  return members;
}

function loadOpportunities(tables: EngineTables, accounts: Dictionary): Opportunities {
  const rows = tables.opportunities();
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
