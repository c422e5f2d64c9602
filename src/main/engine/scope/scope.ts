import type Database from 'better-sqlite3';
import { TributaryError } from '../../../shared/errors';
import { nearestName } from '../../../shared/nearest';
import { describeScope, isAllTime, periodBounds, type ReportScope } from '../../../shared/scope';
import type { ScopeSummary } from '../../../shared/modelApi';
import { readCustomFields } from '../../store/customFields';
import { readCustomFieldValues } from '../../store/engineTables';
import { isWon, OPPORTUNITY_TYPE_IDS, STAGE_IDS, type Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import { journeyRange, type Journeys } from '../models/journeys';
import type { Memo } from '../models/car';
import type { ModelRunResult } from '../run';

/** The kinds whose custom fields can filter a report (spec 9): the opportunity's own, and its account's. */
export type ScopeFieldKind = 'opportunities' | 'accounts';

/**
 * Where a scope's custom fields come from: the fields each kind holds, and one field's values by row id. The
 * engine thread reads them from the open project (and keeps them while its data stays the same); the CLI reads
 * them once.
 */
export interface CustomFieldSource {
  fields: Record<ScopeFieldKind, readonly string[]>;
  values(kind: ScopeFieldKind, field: string): ReadonlyMap<string, string>;
}

/** A source for a project without custom fields (a dataset built in a test, a file from before schema 0004). */
export const NO_CUSTOM_FIELDS: CustomFieldSource = {
  fields: { opportunities: [], accounts: [] },
  values: () => new Map(),
};

/**
 * Which opportunities a scope selects (spec 9): 1 per opportunity in scope, or null when it selects every one.
 * A won or lost deal is in the period when it closed in it, an open one when it was created in it; filters are
 * AND-ed, the values of one filter OR-ed, and a blank value ('') matches the deals without one. A custom field is
 * the opportunity's when opportunities have a field of that name, else its account's (a choice where the spec is
 * silent: the deal's own data is the more specific); a name neither kind has is a bad request that names them.
 */
export function scopeMask(
  data: Dataset,
  scope: ReportScope,
  fields: CustomFieldSource,
  steps?: ScopeStep[],
): Uint8Array | null {
  if (isAllTime(scope)) return null;
  const opps = data.opportunities;
  const { from, to } = periodBounds(scope);
  const mask = new Uint8Array(opps.count).fill(1);
  const keep = (filter: string, test: (o: number) => boolean): void => {
    let deals = 0;
    for (let o = 0; o < opps.count; o++) {
      if (mask[o] && !test(o)) mask[o] = 0;
      deals += uint8At(mask, o);
    }
    steps?.push({ filter, deals });
  };
  if (from !== -Infinity || to !== Infinity) {
    keep(`period ${scope.from ?? 'the beginning'} to ${scope.to ?? 'the end'}`, (o) => {
      const when =
        uint8At(opps.stage, o) === STAGE_IDS.open ? float64At(opps.createdAt, o) : float64At(opps.closedAt, o);
      return when >= from && when <= to;
    });
  }
  if (scope.segments?.length) {
    const segments = new Set(scope.segments);
    keep(`segment ${orList(scope.segments)}`, (o) => segments.has(data.accountSegment[int32At(opps.account, o)] ?? ''));
  }
  if (scope.types?.length) {
    const types = new Set(scope.types.map((type) => OPPORTUNITY_TYPE_IDS[type]));
    keep(`type ${scope.types.join(' or ')}`, (o) => types.has(uint8At(opps.type, o) as 0 | 1 | 2));
  }
  for (const filter of scope.fields ?? []) {
    const kind = fieldKindOf(filter.field, fields);
    const values = fields.values(kind, filter.field);
    const wanted = new Set(filter.values);
    keep(`${filter.field} ${orList(filter.values)}`, (o) => {
      const id = kind === 'opportunities' ? opps.id[o] : data.accounts.values[int32At(opps.account, o)];
      return wanted.has((id === undefined ? undefined : values.get(id)) ?? '');
    });
  }
  return mask;
}

/** Fails, naming the fields there are, when the scope filters by a custom field the project does not have. */
export function assertScopeFields(scope: ReportScope, fields: CustomFieldSource): void {
  for (const filter of scope.fields ?? []) fieldKindOf(filter.field, fields);
}

const orList = (values: readonly string[]): string => values.map((v) => (v === '' ? '(none)' : v)).join(' or ');

/** One filter of a scope in words, and how many deals (of any stage) are left once it and those before it apply. */
export interface ScopeStep {
  filter: string;
  deals: number;
}

/** Whether `field` is the opportunities' or the accounts' custom field (the deal's first), or a bad request. */
export function fieldKindOf(field: string, fields: CustomFieldSource): ScopeFieldKind {
  if (fields.fields.opportunities.includes(field)) return 'opportunities';
  if (fields.fields.accounts.includes(field)) return 'accounts';
  const known = [...fields.fields.opportunities, ...fields.fields.accounts];
  const nearest = nearestName(field, known);
  throw new TributaryError(
    'bad_request',
    known.length === 0
      ? `No custom field ${JSON.stringify(field)}: this project's opportunities and accounts have no custom fields.`
      : `No custom field ${JSON.stringify(field)} on opportunities or accounts` +
          `${nearest === undefined ? '' : ` (did you mean ${nearest}?)`}; the fields are ${known.join(', ')}.`,
  );
}

/**
 * The journeys of the in-scope opportunities, as built over all the data (spec 9: a scope selects deals, it never
 * changes a deal's journey); opportunity indexes still point into the whole dataset.
 */
export function scopeJourneys(journeys: Journeys, mask: Uint8Array): Journeys {
  let count = 0;
  let touches = 0;
  for (let j = 0; j < journeys.count; j++) {
    if (mask[int32At(journeys.opportunity, j)]) {
      const { start, end } = journeyRange(journeys, j);
      count++;
      touches += end - start;
    }
  }
  const scoped: Journeys = {
    count,
    opportunity: new Int32Array(count),
    start: new Int32Array(count + 1),
    touch: new Int32Array(touches),
    positions: new Uint8Array(touches),
    restarted: new Uint8Array(count),
    ...(journeys.pipeline ? { pipeline: journeys.pipeline } : {}),
  };
  let out = 0;
  let k = 0;
  for (let j = 0; j < journeys.count; j++) {
    if (!mask[int32At(journeys.opportunity, j)]) continue;
    const { start, end } = journeyRange(journeys, j);
    scoped.opportunity[out] = int32At(journeys.opportunity, j);
    scoped.restarted[out] = uint8At(journeys.restarted, j);
    scoped.touch.set(journeys.touch.subarray(start, end), k);
    scoped.positions.set(journeys.positions.subarray(start, end), k);
    k += end - start;
    scoped.start[++out] = k;
  }
  return scoped;
}

/** A stable key of a scope, for memoising what depends on it (the mask, the scoped journeys, CAR parts). */
export function scopeKey(scope: ReportScope): string {
  return isAllTime(scope) ? '' : JSON.stringify(scope);
}

/**
 * A scope applied to one set of journeys: the in-scope opportunities (null: every one), their journeys, and a memo
 * for the CAR parts that depend on the scope but not on the credits (roadmap, churn), so a weight change inside a
 * scope recomputes only the credit sums, as it does without one.
 */
export interface ScopedRun {
  mask: Uint8Array | null;
  journeys: Journeys;
  memo: Memo | null;
}

/** Scoped views kept per journeys object: a few recent scopes, so switching back and forth stays instant. */
const KEEP_SCOPES = 8;
const scopedCache = new WeakMap<Journeys, Map<string, ScopedRun>>();

/**
 * The scope of `scope` over `journeys` (all of them built over `data`), kept while the journeys are: the cache's
 * journeys live as long as the loaded project, so an unchanged scope costs nothing on the next request.
 */
export function scopedRun(data: Dataset, journeys: Journeys, scope: ReportScope, fields: CustomFieldSource): ScopedRun {
  const key = scopeKey(scope);
  if (key === '') return { mask: null, journeys, memo: null };
  let byScope = scopedCache.get(journeys);
  if (!byScope) scopedCache.set(journeys, (byScope = new Map()));
  const kept = byScope.get(key);
  if (kept) {
    byScope.delete(key); // most recently used last
    byScope.set(key, kept);
    return kept;
  }
  const mask = scopeMask(data, scope, fields) as Uint8Array;
  const memos = new Map<string, unknown>();
  const memo: Memo = <T>(memoKey: string, compute: () => T): T => {
    if (memos.has(memoKey)) return memos.get(memoKey) as T;
    const value = compute();
    memos.set(memoKey, value);
    return value;
  };
  const run = { mask, journeys: scopeJourneys(journeys, mask), memo };
  if (byScope.size >= KEEP_SCOPES) byScope.delete(byScope.keys().next().value as string);
  byScope.set(key, run);
  return run;
}

/**
 * The custom fields of the project `db` is a connection to: the field names read now, each field's values read the
 * first time a scope filters by it and kept (for the engine thread, as long as its loaded project).
 */
export function customFieldSourceOf(db: Database.Database): CustomFieldSource {
  const values = new Map<string, ReadonlyMap<string, string>>();
  return {
    fields: { opportunities: readCustomFields(db, 'opportunities'), accounts: readCustomFields(db, 'accounts') },
    values(kind, field) {
      const key = `${kind}\u0000${field}`;
      let kept = values.get(key);
      if (!kept) values.set(key, (kept = new Map(readCustomFieldValues(db, kind, field))));
      return kept;
    },
  };
}

/**
 * The custom fields a scope needs, read now from `db` (a one-off run, such as the CLI's, that closes the project
 * before the model runs): every field name, and the values of the fields the scope filters by.
 */
export function readScopeFields(db: Database.Database, scope: ReportScope): CustomFieldSource {
  const live = customFieldSourceOf(db);
  const read = new Map<string, ReadonlyMap<string, string>>();
  for (const { field } of scope.fields ?? []) {
    for (const kind of ['opportunities', 'accounts'] as const) {
      if (live.fields[kind].includes(field)) read.set(`${kind}\u0000${field}`, live.values(kind, field));
    }
  }
  return { fields: live.fields, values: (kind, field) => read.get(`${kind}\u0000${field}`) ?? new Map() };
}

/** Kept per journeys: each scope's journeys are an object of their own (scopedRun), so they name the scope. */
const summaries = new WeakMap<Journeys, ScopeSummary>();

/** What a run's scope selected, filter by filter (spec 9: an empty scope says which filter emptied it). */
export function scopeSummary(run: ModelRunResult, fields: CustomFieldSource): ScopeSummary {
  const kept = summaries.get(run.attribution.journeys);
  if (kept && kept.label === describeScope(run.options.scope)) return kept;
  const summary = summariseScope(run, fields);
  summaries.set(run.attribution.journeys, summary);
  return summary;
}

function summariseScope(run: ModelRunResult, fields: CustomFieldSource): ScopeSummary {
  const { data, options } = run;
  const opps = data.opportunities;
  const steps: ScopeStep[] = [];
  const mask = scopeMask(data, options.scope, fields, steps);
  let deals = 0;
  let wonDeals = 0;
  for (let o = 0; o < opps.count; o++) {
    if (mask !== null && mask[o] !== 1) continue;
    deals++;
    if (isWon(opps, o)) wonDeals++;
  }
  return {
    label: describeScope(options.scope),
    allTime: mask === null,
    deals,
    wonDeals,
    steps,
    emptiedBy: steps.find((step) => step.deals === 0)?.filter ?? null,
  };
}
