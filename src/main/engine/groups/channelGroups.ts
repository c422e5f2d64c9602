import type Database from 'better-sqlite3';
import { conditionMatches, GROUP_FIELDS, type GroupCondition, type GroupRule } from '../../../shared/channelGroups';
import { ACTION_TYPES } from '../../../shared/importSpec';
import { readGroupRules } from '../../store/channelGroups';
import { readTouchpointFieldValues } from '../../store/engineTables';
import { Dictionary } from '../arrays/dictionary';
import { MARKETING, TOUCH_KINDS, type Dataset } from '../arrays/dataset';
import { int32At, int8At, uint8At } from '../arrays/read';

/**
 * The per-touch values of the fields the engine's arrays do not hold (source, medium, custom fields of
 * touchpoints), aligned with `data.touches`; null where a touch has none (every community touch).
 */
export interface TouchFieldSource {
  values(field: string): readonly (string | null)[];
}

/** For a dataset built in a test, or a rule set that tests only the fields the arrays hold. */
export const NO_TOUCH_FIELDS: TouchFieldSource = { values: () => [] };

/** The channel groups a run reports by: the rules, and where the touches' other fields come from. */
export interface ChannelGrouping {
  rules: readonly GroupRule[];
  fields: TouchFieldSource;
}

/**
 * The dataset as its channel groups report it (spec 10): each touch's channel is the group of the first rule it
 * matches, else its own channel, and the channel dictionary holds the reported names, sorted (spec 1: ids never
 * depend on row order). Every model, view and export then reads reported channels without knowing of groups;
 * `rawChannels` keeps the channels as imported, for the credits CSV. Kept per dataset and rule set.
 */
export function groupedDataset(data: Dataset, grouping: ChannelGrouping): Dataset {
  if (grouping.rules.length === 0) return data;
  const key = JSON.stringify(grouping.rules);
  let byRules = groupedCache.get(data);
  if (!byRules) groupedCache.set(data, (byRules = new Map()));
  let grouped = byRules.get(key);
  if (!grouped) {
    grouped = applyGroups(data, grouping);
    if (byRules.size >= KEEP_RULE_SETS) byRules.delete(byRules.keys().next().value as string);
    byRules.set(key, grouped);
  }
  return grouped;
}

const KEEP_RULE_SETS = 4;
const groupedCache = new WeakMap<Dataset, Map<string, Dataset>>();

function applyGroups(data: Dataset, { rules, fields }: ChannelGrouping): Dataset {
  const { touches } = data;
  const tests = rules.map((rule) => rule.conditions.map((condition) => conditionTest(data, condition, fields)));
  // Only names some touch reports: a channel every touch of which a rule regroups is gone, as if merged in the data.
  const names = new Dictionary();
  const groupIds = new Int32Array(rules.length).fill(-1);
  const rawIds = new Int32Array(data.channels.size).fill(-1);
  const channel = new Int32Array(touches.count);
  for (let t = 0; t < touches.count; t++) {
    let matched = -1;
    for (let r = 0; r < tests.length && matched === -1; r++) {
      if ((tests[r] as ((t: number) => boolean)[]).every((test) => test(t))) matched = r;
    }
    if (matched >= 0) {
      if (int32At(groupIds, matched) < 0) groupIds[matched] = names.id((rules[matched] as GroupRule).group);
      channel[t] = int32At(groupIds, matched);
    } else {
      const raw = int32At(touches.channel, t);
      if (int32At(rawIds, raw) < 0) rawIds[raw] = names.id(data.channels.values[raw] as string);
      channel[t] = int32At(rawIds, raw);
    }
  }
  const { dictionary, remap } = names.sorted();
  for (let t = 0; t < touches.count; t++) channel[t] = int32At(remap, int32At(channel, t));
  return {
    ...data,
    channels: dictionary,
    touches: { ...touches, channel },
    rawChannels: { channels: data.channels, channel: touches.channel },
  };
}

/** One condition as a test of a touch index, with the matches of each distinct value worked out once. */
function conditionTest(data: Dataset, condition: GroupCondition, fields: TouchFieldSource): (t: number) => boolean {
  const { operator, value } = condition;
  const matches = (text: string): boolean => conditionMatches(operator, text, value);
  const { touches } = data;
  switch (condition.field) {
    case 'channel': {
      const hit = Uint8Array.from(data.channels.values, (name) => (matches(name) ? 1 : 0));
      return (t) => uint8At(hit, int32At(touches.channel, t)) === 1;
    }
    case 'campaign': {
      const hit = Uint8Array.from(data.campaigns.values, (name) => (matches(name) ? 1 : 0));
      return (t) => {
        const campaign = int32At(touches.campaign, t);
        return campaign >= 0 && uint8At(hit, campaign) === 1;
      };
    }
    case 'touch_kind': {
      const hit = TOUCH_KINDS.map((kind) => matches(kind));
      return (t) => hit[uint8At(touches.kind, t)] === true;
    }
    case 'action_type': {
      const hit = ACTION_TYPES.map((type) => matches(type));
      return (t) => uint8At(touches.kind, t) !== MARKETING && hit[int8At(touches.actionType, t)] === true;
    }
    default: {
      // source, medium or a custom field of touchpoints: read per touch, each distinct value tested once.
      const values = fields.values(condition.field);
      const seen = new Map<string, boolean>();
      return (t) => {
        const text = values[t];
        if (text === null || text === undefined) return false;
        let hit = seen.get(text);
        if (hit === undefined) seen.set(text, (hit = matches(text)));
        return hit;
      };
    }
  }
}

/**
 * The touches' values of `field` (source, medium, or a custom field of touchpoints) read from the project, aligned
 * with `data.touches` through their ids; community touches have none.
 */
export function readTouchFieldValues(db: Database.Database, data: Dataset, field: string): (string | null)[] {
  const { touches } = data;
  const index = new Map<string, number>();
  for (let t = 0; t < touches.count; t++) {
    if (uint8At(touches.kind, t) === MARKETING) index.set(touches.id[t] as string, t);
  }
  const values = new Array<string | null>(touches.count).fill(null);
  for (const [id, value] of readTouchpointFieldValues(db, field)) {
    const t = index.get(id);
    if (t !== undefined) values[t] = value;
  }
  return values;
}

/** Touch field values read from `db` when a rule first tests a field, and kept (per loaded project). */
export function touchFieldSourceOf(db: Database.Database, data: Dataset): TouchFieldSource {
  const kept = new Map<string, (string | null)[]>();
  return {
    values(field) {
      let values = kept.get(field);
      if (!values) kept.set(field, (values = readTouchFieldValues(db, data, field)));
      return values;
    },
  };
}

/**
 * The project's channel groups, read now from `db` (a one-off run, such as the CLI's, that closes the project
 * before the model runs): the rules, and the values of every field they test that the arrays do not hold.
 */
export function readGrouping(db: Database.Database, data: Dataset): ChannelGrouping {
  const rules = readGroupRules(db);
  const live = touchFieldSourceOf(db, data);
  const read = new Map<string, readonly (string | null)[]>();
  for (const rule of rules) {
    for (const { field } of rule.conditions) {
      if (!(GROUP_FIELDS as readonly string[]).includes(field) || field === 'source' || field === 'medium') {
        if (!read.has(field)) read.set(field, live.values(field));
      }
    }
  }
  return { rules, fields: { values: (field) => read.get(field) ?? [] } };
}
