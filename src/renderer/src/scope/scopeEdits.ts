import { OPPORTUNITY_TYPES, type OpportunityType } from '../../../shared/importSpec';
import {
  parseIsoDate,
  PERIOD_PRESETS,
  presetPeriod,
  type FieldFilter,
  type PeriodPreset,
  type ReportScope,
} from '../../../shared/scope';

/** A report's period (spec 9): first and last day, inclusive; an end left out is open. */
export interface Period {
  from?: string;
  to?: string;
}

/**
 * The scope with nothing that selects nothing: no empty list, no filter without values, no undefined key. A scope
 * the bar edits stays comparable as JSON (a scenario saved with it, the compare tab's request) and reads as all time
 * when it is.
 */
export function normaliseScope(scope: ReportScope): ReportScope {
  const fields = (scope.fields ?? []).filter((filter) => filter.values.length > 0);
  return {
    ...(scope.from !== undefined ? { from: scope.from } : {}),
    ...(scope.to !== undefined ? { to: scope.to } : {}),
    ...(scope.segments?.length ? { segments: scope.segments } : {}),
    ...(scope.types?.length ? { types: scope.types } : {}),
    ...(fields.length > 0 ? { fields } : {}),
  };
}

export function withPeriod(scope: ReportScope, period: Period): ReportScope {
  return normaliseScope({ ...scope, from: period.from, to: period.to });
}

/**
 * The day a project's presets count from: its latest date, since a consultant's export is historical and "last
 * quarter" means the last one in the data, not the calendar's. With no data, today.
 */
export function presetDay(latest: string | null, today: Date): Date {
  const time = latest === null ? null : parseIsoDate(latest);
  return time === null ? today : new Date(time);
}

/** The preset whose dates are the scope's on `day`, all time when it has none; null for any other period. */
export function presetOf(scope: ReportScope, day: Date): PeriodPreset | null {
  return PERIOD_PRESETS.find((preset) => samePeriod(presetPeriod(preset, day), scope)) ?? null;
}

export function samePeriod(a: Period, b: Period): boolean {
  return a.from === b.from && a.to === b.to;
}

/**
 * Whether two dates typed in the bar make a period the engine takes: each empty or a real day, the first not after
 * the last. Null when they do, else what is wrong, in words.
 */
export function periodProblem(period: Period): string | null {
  for (const [end, value] of [
    ['start', period.from],
    ['end', period.to],
  ] as const) {
    if (value !== undefined && parseIsoDate(value) === null) return `The ${end} is not a date (YYYY-MM-DD).`;
  }
  if (period.from !== undefined && period.to !== undefined && period.from > period.to) {
    return 'The period starts after it ends.';
  }
  return null;
}

/** A list with `value` added, or taken out when it is there. */
export function toggled<T>(values: readonly T[] | undefined, value: T): T[] {
  const list = values ?? [];
  return list.includes(value) ? list.filter((item) => item !== value) : [...list, value];
}

export function withSegments(scope: ReportScope, segments: string[]): ReportScope {
  return normaliseScope({ ...scope, segments });
}

/** The types in their usual order (new business, upgrade, renewal), whichever was ticked first. */
export function withTypes(scope: ReportScope, types: readonly OpportunityType[]): ReportScope {
  return normaliseScope({ ...scope, types: OPPORTUNITY_TYPES.filter((type) => types.includes(type)) });
}

/** Sets one custom field's filter, in place of the one it had; no values removes it. */
export function withFieldFilter(scope: ReportScope, filter: FieldFilter): ReportScope {
  const fields = scope.fields ?? [];
  const at = fields.findIndex((item) => item.field === filter.field);
  const next = at < 0 ? [...fields, filter] : fields.map((item, index) => (index === at ? filter : item));
  return normaliseScope({ ...scope, fields: next });
}

export function withoutFieldFilter(scope: ReportScope, field: string): ReportScope {
  return normaliseScope({ ...scope, fields: (scope.fields ?? []).filter((item) => item.field !== field) });
}
