import { ACTION_TYPES } from '../../../shared/importSpec';
import type { CommunityActions, CommunityData } from './communityData';
import {
  COMMUNITY,
  MARKETING,
  OPPORTUNITY_TYPE_IDS,
  STAGE_IDS,
  type Dataset,
  type Opportunities,
  type Touches,
} from './dataset';
import { Dictionary } from './dictionary';
import { packedField } from './packed';
import type { EngineData } from './load';
import { float64At, int32At, int8At } from './read';

/**
 * Checks arrays decoded from a project's engine snapshot (engine/arrays/projectSnapshot.ts) before the engine uses
 * them. The snapshot comes with the file, from whoever sent it, so it is read as untrusted input: every field is there
 * and of its type, every column has its table's length, every index points inside the table it indexes, and the orders
 * the engine relies on hold (each account's touches one range, by time; actions by time). What this cannot tell is
 * whether the arrays are those of the tables beside them: a file can lie in its tables just as well, and the data
 * revision already says that the tables did not change since the snapshot was made. Throws, naming the field.
 */
export function checkEngineData(value: unknown): asserts value is EngineData {
  const root = record(value, 'data', ['data', 'community']);
  const data = root['data'];
  checkDataset(data);
  checkCommunity(root['community'], data);
}

class Invalid extends Error {}
const fail = (path: string, what: string): never => {
  throw new Invalid(`engine snapshot: ${path} ${what}`);
};

function record(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    return fail(path, 'is not a record');
  }
  const own = Object.keys(value);
  if (own.length !== keys.length || keys.some((key) => !Object.hasOwn(value, key))) {
    fail(path, `has fields ${own.join(', ')}; expected ${keys.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

function count(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) fail(path, 'is not a count');
  return value as number;
}

/** A dictionary read from a file holds strings only, or was refused (engine/arrays/engineFile.ts); one made is read. */
function dictionary(value: unknown, path: string): Dictionary {
  if (!(value instanceof Dictionary)) return fail(path, 'is not a dictionary');
  if (packedField(value, 'values') === undefined && !value.values.every((item) => typeof item === 'string')) {
    fail(path, 'holds a value that is not a string');
  }
  return value;
}

function typed<T extends Int32Array | Float64Array | Uint8Array | Int8Array>(
  value: unknown,
  Type: new (length: number) => T,
  length: number,
  path: string,
): T {
  if (!(value instanceof Type)) return fail(path, `is not a ${Type.name}`);
  if (value.length !== length) fail(path, `has ${value.length} items, not ${length}`);
  return value;
}

/** Each item an integer in [min, max). */
function indexes(value: ArrayLike<number>, min: number, max: number, path: string): void {
  for (let i = 0; i < value.length; i++) {
    const item = value[i] as number;
    if (!(Number.isInteger(item) && item >= min && item < max))
      fail(`${path}[${i}]`, `= ${item} is outside [${min}, ${max})`);
  }
}

/**
 * What a column of numbers may hold, as the project's tables allow it: an amount (REAL, never negative), a time
 * (INTEGER milliseconds), or a time that may be missing (NaN, for NULL).
 */
type NumberKind = 'amount' | 'time' | 'time or none';
const NUMBER_RULES: Record<NumberKind, (item: number) => boolean> = {
  amount: (item) => Number.isFinite(item) && item >= 0,
  time: (item) => Number.isSafeInteger(item),
  'time or none': (item) => Number.isSafeInteger(item) || Number.isNaN(item),
};

function numbers(value: Float64Array, path: string, kind: NumberKind): void {
  const fits = NUMBER_RULES[kind];
  for (let i = 0; i < value.length; i++) {
    const item = float64At(value, i);
    if (!fits(item)) fail(`${path}[${i}]`, `= ${item} is not a${kind === 'amount' ? 'n' : ''} ${kind}`);
  }
}

/**
 * Field `name` of `record`: `length` strings (or nulls, where allowed). A column still packed (engine/arrays/packed.ts)
 * is checked by what it will be, without making its strings: the decoder made sure every item is a string or null.
 */
function strings(
  record: Record<string, unknown>,
  name: string,
  length: number,
  path: string,
  nullAllowed = false,
): void {
  const packed = packedField(record, name);
  if (packed !== undefined) {
    if (packed.kind !== 'strings') return fail(path, 'is not a list of strings');
    if (packed.length !== length) fail(path, `has ${packed.length} items, not ${length}`);
    if (packed.nulls > 0 && !nullAllowed) fail(path, 'holds a null');
    return;
  }
  stringList(record[name], length, path, nullAllowed);
}

function stringList(value: unknown, length: number, path: string, nullAllowed = false): void {
  if (!Array.isArray(value)) return fail(path, 'is not a list');
  if (value.length !== length) fail(path, `has ${value.length} items, not ${length}`);
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string' && !(nullAllowed && item === null)) fail(`${path}[${i}]`, 'is not a string');
  }
}

const TOUCH_FIELDS: readonly (keyof Touches)[] = [
  'count',
  'kind',
  'id',
  'account',
  'occurredAt',
  'channel',
  'campaign',
  'actionType',
  'member',
  'accountStart',
];
const OPPORTUNITY_FIELDS: readonly (keyof Opportunities)[] = [
  'count',
  'id',
  'name',
  'account',
  'type',
  'stage',
  'amount',
  'createdAt',
  'closedAt',
];
const DATASET_FIELDS: readonly (keyof Dataset)[] = [
  'accounts',
  'channels',
  'campaigns',
  'members',
  'touches',
  'opportunities',
  'leadCreatedAt',
  'accountDomain',
  'accountSegment',
];
const ACTION_FIELDS: readonly (keyof CommunityActions)[] = [
  'count',
  'id',
  'actionType',
  'member',
  'occurredAt',
  'account',
  'targetEmail',
  'targetDomain',
  'featureId',
  'opportunityId',
  'opportunity',
];
const COMMUNITY_FIELDS: readonly (keyof CommunityData)[] = [
  'actions',
  'accountByEmail',
  'accountByDomain',
  'featureShippedAt',
  'opportunityFeatures',
];

function checkDataset(value: unknown): asserts value is Dataset {
  const data = record(value, 'data', DATASET_FIELDS);
  const accounts = dictionary(data['accounts'], 'accounts').size;
  const channels = dictionary(data['channels'], 'channels').size;
  const campaigns = dictionary(data['campaigns'], 'campaigns').size;
  const members = dictionary(data['members'], 'members').size;
  checkTouches(data['touches'], { accounts, channels, campaigns, members });
  checkOpportunities(data['opportunities'], accounts);
  numbers(typed(data['leadCreatedAt'], Float64Array, accounts, 'leadCreatedAt'), 'leadCreatedAt', 'time or none');
  strings(data, 'accountDomain', accounts, 'accountDomain', true);
  strings(data, 'accountSegment', accounts, 'accountSegment', true);
}

function checkTouches(
  value: unknown,
  sizes: { accounts: number; channels: number; campaigns: number; members: number },
): void {
  const touches = record(value, 'touches', TOUCH_FIELDS);
  const n = count(touches['count'], 'touches.count');
  const kind = typed(touches['kind'], Uint8Array, n, 'touches.kind');
  indexes(kind, COMMUNITY, MARKETING + 1, 'touches.kind');
  strings(touches, 'id', n, 'touches.id');
  const account = typed(touches['account'], Int32Array, n, 'touches.account');
  indexes(account, 0, sizes.accounts, 'touches.account');
  const occurredAt = typed(touches['occurredAt'], Float64Array, n, 'touches.occurredAt');
  numbers(occurredAt, 'touches.occurredAt', 'time');
  indexes(typed(touches['channel'], Int32Array, n, 'touches.channel'), 0, sizes.channels, 'touches.channel');
  indexes(typed(touches['campaign'], Int32Array, n, 'touches.campaign'), -1, sizes.campaigns, 'touches.campaign');
  const actionType = typed(touches['actionType'], Int8Array, n, 'touches.actionType');
  const member = typed(touches['member'], Int32Array, n, 'touches.member');
  for (let t = 0; t < n; t++) {
    const community = kind[t] === COMMUNITY;
    const typeOk = community
      ? int8At(actionType, t) >= 0 && int8At(actionType, t) < ACTION_TYPES.length
      : actionType[t] === -1;
    const memberOk = community ? int32At(member, t) >= 0 && int32At(member, t) < sizes.members : member[t] === -1;
    if (!typeOk || !memberOk) fail(`touches[${t}]`, 'has an action type or member that does not fit its kind');
  }
  // Each account's touches are the range [accountStart[a], accountStart[a + 1]), in time order.
  const start = typed(touches['accountStart'], Int32Array, sizes.accounts + 1, 'touches.accountStart');
  if (start[0] !== 0 || start[sizes.accounts] !== n) fail('touches.accountStart', 'does not span the touches');
  for (let a = 0; a < sizes.accounts; a++) {
    const from = int32At(start, a);
    const to = int32At(start, a + 1);
    if (!(from <= to)) fail(`touches.accountStart[${a}]`, 'goes backwards');
    for (let t = from; t < to; t++) {
      if (account[t] !== a) fail(`touches.account[${t}]`, `is not account ${a}, whose range holds it`);
      if (t > from && float64At(occurredAt, t) < float64At(occurredAt, t - 1)) {
        fail(`touches.occurredAt[${t}]`, 'is out of time order');
      }
    }
  }
}

function checkOpportunities(value: unknown, accounts: number): void {
  const opportunities = record(value, 'opportunities', OPPORTUNITY_FIELDS);
  const n = count(opportunities['count'], 'opportunities.count');
  strings(opportunities, 'id', n, 'opportunities.id');
  strings(opportunities, 'name', n, 'opportunities.name', true);
  indexes(
    typed(opportunities['account'], Int32Array, n, 'opportunities.account'),
    0,
    accounts,
    'opportunities.account',
  );
  const types = Object.keys(OPPORTUNITY_TYPE_IDS).length;
  indexes(typed(opportunities['type'], Uint8Array, n, 'opportunities.type'), 0, types, 'opportunities.type');
  const stages = Object.keys(STAGE_IDS).length;
  indexes(typed(opportunities['stage'], Uint8Array, n, 'opportunities.stage'), 0, stages, 'opportunities.stage');
  numbers(typed(opportunities['amount'], Float64Array, n, 'opportunities.amount'), 'opportunities.amount', 'amount');
  numbers(
    typed(opportunities['createdAt'], Float64Array, n, 'opportunities.createdAt'),
    'opportunities.createdAt',
    'time',
  );
  const closedAt = typed(opportunities['closedAt'], Float64Array, n, 'opportunities.closedAt');
  numbers(closedAt, 'opportunities.closedAt', 'time or none');
}

function checkCommunity(value: unknown, data: Dataset): void {
  const community = record(value, 'community', COMMUNITY_FIELDS);
  const accounts = data.accounts.size;
  const actions = record(community['actions'], 'actions', ACTION_FIELDS);
  const n = count(actions['count'], 'actions.count');
  strings(actions, 'id', n, 'actions.id');
  const actionType = typed(actions['actionType'], Int8Array, n, 'actions.actionType');
  indexes(actionType, 0, ACTION_TYPES.length, 'actions.actionType');
  strings(actions, 'member', n, 'actions.member');
  const occurredAt = typed(actions['occurredAt'], Float64Array, n, 'actions.occurredAt');
  numbers(occurredAt, 'actions.occurredAt', 'time');
  for (let i = 1; i < n; i++) {
    if (float64At(occurredAt, i) < float64At(occurredAt, i - 1))
      fail(`actions.occurredAt[${i}]`, 'is out of time order');
  }
  indexes(typed(actions['account'], Int32Array, n, 'actions.account'), -1, accounts, 'actions.account');
  for (const name of ['targetEmail', 'targetDomain', 'featureId', 'opportunityId'] as const) {
    strings(actions, name, n, `actions.${name}`, true);
  }
  const opportunity = typed(actions['opportunity'], Int32Array, n, 'actions.opportunity');
  indexes(opportunity, -1, data.opportunities.count, 'actions.opportunity');

  for (const name of ['accountByEmail', 'accountByDomain'] as const) {
    indexes(mapValues(community, name), 0, accounts, name);
  }
  numbers(mapValues(community, 'featureShippedAt'), 'featureShippedAt', 'time or none');
  const packed = packedField(community, 'opportunityFeatures');
  if (packed !== undefined) {
    // Read from a file: lists of strings, none null, or it was refused.
    if (packed.kind !== 'lists' || packed.length !== data.opportunities.count) {
      fail('opportunityFeatures', 'does not have one list per opportunity');
    }
    return;
  }
  const features = community['opportunityFeatures'];
  if (!Array.isArray(features) || features.length !== data.opportunities.count) {
    return fail('opportunityFeatures', 'does not have one list per opportunity');
  }
  features.forEach((list: unknown, o) =>
    stringList(list, Array.isArray(list) ? list.length : -1, `opportunityFeatures[${o}]`),
  );
}

/** The numbers of map `name` of `record` (keys are strings: a packed map's were checked when read). */
function mapValues(record: Record<string, unknown>, name: string): Float64Array {
  const packed = packedField(record, name);
  if (packed !== undefined) return packed.kind === 'map' ? packed.values : fail(name, 'is not a map');
  const map = record[name];
  if (!(map instanceof Map)) return fail(name, 'is not a map');
  return Float64Array.from((map as Map<string, number>).values());
}
