import type Database from 'better-sqlite3';
import { conditionMatches, GROUP_FIELDS, type GroupCondition, type GroupRule } from '../../../shared/channelGroups';
import { ACTION_TYPES } from '../../../shared/importSpec';
import { readGroupRules } from '../../store/channelGroups';
import { readTouchpointFieldValues } from '../../store/engineTables';
import { Dictionary } from '../arrays/dictionary';
import { MARKETING, TOUCH_KINDS, type Dataset } from '../arrays/dataset';
import { int32At, int8At, uint8At } from '../arrays/read';

/**
 * One field's values per touch, coded: `ids[t]` indexes `names`, -1 where the touch has none (every community
 * touch), so a rule tests each distinct value once.
 */
export interface TouchFieldValues {
  ids: Int32Array;
  names: readonly string[];
}

/**
 * The per-touch values of the fields the engine's arrays do not hold (source, medium, custom fields of
 * touchpoints), aligned with `data.touches`.
 */
export interface TouchFieldSource {
  values(field: string): TouchFieldValues;
}

const NO_VALUES: TouchFieldValues = { ids: new Int32Array(0), names: [] };

/** For a dataset built in a test, or a rule set that tests only the fields the arrays hold. */
export const NO_TOUCH_FIELDS: TouchFieldSource = { values: () => NO_VALUES };

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
  // Touches alike in every field the rules test match the same rule: the rules are tried on one touch of each such
  // combination, then every touch takes its combination's rule in one pass.
  const attributes = [...new Set(rules.flatMap((rule) => rule.conditions.map((condition) => condition.field)))];
  const combos = combinationsOf(data, attributes.sort(), fields);
  const comboRule = Int32Array.from(combos.first, (t) => {
    for (let r = 0; r < tests.length; r++) {
      if ((tests[r] as ((t: number) => boolean)[]).every((test) => test(t))) return r;
    }
    return -1;
  });
  // Only names some touch reports: a channel every touch of which a rule regroups is gone, as if merged in the data.
  const names = new Dictionary();
  const groupIds = new Int32Array(rules.length).fill(-1);
  const rawIds = new Int32Array(data.channels.size).fill(-1);
  const channel = new Int32Array(touches.count);
  for (let t = 0; t < touches.count; t++) {
    const matched = int32At(comboRule, int32At(combos.ofTouch, t));
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
      // source, medium or a custom field of touchpoints: each distinct value tested once.
      const { ids, names } = fields.values(condition.field);
      const hit = Uint8Array.from(names, (name) => (matches(name) ? 1 : 0));
      return (t) => {
        const id = t < ids.length ? int32At(ids, t) : -1;
        return id >= 0 && uint8At(hit, id) === 1;
      };
    }
  }
}

/** Each touch's combination of values of some fields (dense ids), and one touch of each combination. */
interface Combinations {
  ofTouch: Int32Array;
  first: Int32Array;
}

const KEEP_COMBINATIONS = 4;
const combinationsCache = new WeakMap<Dataset, Map<string, Combinations>>();

/**
 * The touches' combinations of values of `attributes` (fields a rule can test), kept per dataset and set of fields:
 * editing rules over the same fields (the usual case in the editor) then costs one pass over the touches.
 */
function combinationsOf(data: Dataset, attributes: readonly string[], fields: TouchFieldSource): Combinations {
  const key = JSON.stringify(attributes);
  let byFields = combinationsCache.get(data);
  if (!byFields) combinationsCache.set(data, (byFields = new Map()));
  const kept = byFields.get(key);
  if (kept) return kept;
  const count = data.touches.count;
  let ofTouch = new Int32Array(count);
  let combinations = 1;
  for (const attribute of attributes) {
    const { code, size } = attributeCode(data, attribute, fields);
    const ids = new Map<number, number>();
    const next = new Int32Array(count);
    for (let t = 0; t < count; t++) {
      const pair = int32At(ofTouch, t) * size + code(t);
      let id = ids.get(pair);
      if (id === undefined) ids.set(pair, (id = ids.size));
      next[t] = id;
    }
    ofTouch = next;
    combinations = ids.size;
  }
  const first = new Int32Array(count === 0 ? 0 : combinations).fill(-1);
  for (let t = 0; t < count; t++) if (int32At(first, int32At(ofTouch, t)) === -1) first[int32At(ofTouch, t)] = t;
  const found = { ofTouch, first };
  if (byFields.size >= KEEP_COMBINATIONS) byFields.delete(byFields.keys().next().value as string);
  byFields.set(key, found);
  return found;
}

/** A field's value of a touch as a number in [0, size), 0 for none. */
function attributeCode(
  data: Dataset,
  field: string,
  fields: TouchFieldSource,
): { code: (t: number) => number; size: number } {
  const { touches } = data;
  switch (field) {
    case 'channel':
      return { code: (t) => int32At(touches.channel, t), size: data.channels.size };
    case 'campaign':
      return { code: (t) => int32At(touches.campaign, t) + 1, size: data.campaigns.values.length + 1 };
    case 'touch_kind':
      return { code: (t) => uint8At(touches.kind, t), size: TOUCH_KINDS.length };
    case 'action_type':
      return {
        code: (t) => (uint8At(touches.kind, t) === MARKETING ? 0 : int8At(touches.actionType, t) + 1),
        size: ACTION_TYPES.length + 1,
      };
    default: {
      const { ids, names } = fields.values(field);
      return { code: (t) => (t < ids.length ? int32At(ids, t) + 1 : 0), size: names.length + 1 };
    }
  }
}

/**
 * The touches' values of `field` (source, medium, or a custom field of touchpoints) read from the project, aligned
 * with `data.touches` through their ids; community touches have none.
 */
export function readTouchFieldValues(db: Database.Database, data: Dataset, field: string): TouchFieldValues {
  const { touches } = data;
  const index = new Map<string, number>();
  for (let t = 0; t < touches.count; t++) {
    if (uint8At(touches.kind, t) === MARKETING) index.set(touches.id[t] as string, t);
  }
  const ids = new Int32Array(touches.count).fill(-1);
  const names = new Dictionary();
  for (const [id, value] of readTouchpointFieldValues(db, field)) {
    const t = index.get(id);
    if (t !== undefined) ids[t] = names.id(value);
  }
  return { ids, names: names.values };
}

/** Touch field values read from `db` when a rule first tests a field, and kept (per loaded project). */
export function touchFieldSourceOf(db: Database.Database, data: Dataset): TouchFieldSource {
  const kept = new Map<string, TouchFieldValues>();
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
  const read = new Map<string, TouchFieldValues>();
  for (const rule of rules) {
    for (const { field } of rule.conditions) {
      if (!(GROUP_FIELDS as readonly string[]).includes(field) || field === 'source' || field === 'medium') {
        if (!read.has(field)) read.set(field, live.values(field));
      }
    }
  }
  return { rules, fields: { values: (field) => read.get(field) ?? NO_VALUES } };
}
