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
import { packedField } from './packed';
import type { EngineData } from './load';
import { float64At, int32At, int8At } from './read';
import {
  count,
  dictionary,
  fail,
  indexes,
  mapValues,
  numbers,
  record,
  strings,
  stringList,
  typed,
} from './snapshotChecks';

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
