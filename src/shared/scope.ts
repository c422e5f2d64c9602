import { z } from 'zod';
import { OPPORTUNITY_TYPES } from './importSpec';

/**
 * A report scope (spec 9): which opportunities every figure covers. A period of dates, inclusive, in UTC (a won or
 * lost deal is in it when it closed in it, an open one when it was created in it), and filters combined with AND,
 * the values of one filter with OR. A scope selects deals; it never changes a deal's journey.
 */

const DAY_MS = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` as the UTC midnight it starts at, or null for anything else (`2024-02-30` included). */
export function parseIsoDate(text: string): number | null {
  const match = ISO_DATE.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  return back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day ? time : null;
}

const isoDate = z
  .string()
  .refine((text) => parseIsoDate(text) !== null, { message: 'a date is written YYYY-MM-DD, e.g. 2024-07-01' });

/** A custom field of the opportunity or of its account (data.md), and the values it may have; '' = no value. */
export const fieldFilterSchema = z.strictObject({
  field: z.string().min(1, 'a filter names a custom field').max(200),
  values: z.array(z.string().max(1000)).min(1, 'a filter needs at least one value').max(1000),
});
export type FieldFilter = z.output<typeof fieldFilterSchema>;

export const reportScopeSchema = z
  .strictObject({
    /** First day of the period; none = from the beginning. */
    from: isoDate.optional(),
    /** Last day of the period, whole (to its end, UTC); none = to the end. */
    to: isoDate.optional(),
    /** Account segments; '' = accounts without one. */
    segments: z.array(z.string().max(200)).max(1000).optional(),
    types: z.array(z.enum(OPPORTUNITY_TYPES)).max(3).optional(),
    fields: z.array(fieldFilterSchema).max(50).optional(),
  })
  .refine((scope) => scope.from === undefined || scope.to === undefined || scope.from <= scope.to, {
    message: 'the period starts after it ends',
    path: ['from'],
  });
export type ReportScope = z.output<typeof reportScopeSchema>;

/** The period as UTC milliseconds, inclusive at both ends; an open end is infinite. */
export function periodBounds(scope: ReportScope): { from: number; to: number } {
  const from = scope.from === undefined ? -Infinity : (parseIsoDate(scope.from) as number);
  const to = scope.to === undefined ? Infinity : (parseIsoDate(scope.to) as number) + DAY_MS - 1;
  return { from, to };
}

/** Whether a scope selects every opportunity (no period, no filter). */
export function isAllTime(scope: ReportScope): boolean {
  return (
    scope.from === undefined &&
    scope.to === undefined &&
    !scope.segments?.length &&
    !scope.types?.length &&
    !scope.fields?.length
  );
}

export const PERIOD_PRESETS = [
  'all-time',
  'this-month',
  'last-month',
  'this-quarter',
  'last-quarter',
  'this-year',
  'last-year',
  'last-12-months',
] as const;
export type PeriodPreset = (typeof PERIOD_PRESETS)[number];

export const PERIOD_PRESET_LABELS: Record<PeriodPreset, string> = {
  'all-time': 'All time',
  'this-month': 'This month',
  'last-month': 'Last month',
  'this-quarter': 'This quarter',
  'last-quarter': 'Last quarter',
  'this-year': 'This year',
  'last-year': 'Last year',
  'last-12-months': 'Last 12 months',
};

const isoDay = (time: number): string => new Date(time).toISOString().slice(0, 10);
const monthStart = (year: number, month: number): number => Date.UTC(year, month, 1);

/**
 * The dates of a preset on `today` (UTC calendar): "this" periods run to today, "last" ones are the whole previous
 * month, quarter or year, and the last 12 months end today and start the day after the same date a year before.
 */
export function presetPeriod(preset: PeriodPreset, today: Date): { from?: string; to?: string } {
  const year = today.getUTCFullYear();
  const month = today.getUTCMonth();
  const day = Date.UTC(year, month, today.getUTCDate());
  const quarter = Math.floor(month / 3) * 3;
  switch (preset) {
    case 'all-time':
      return {};
    case 'this-month':
      return { from: isoDay(monthStart(year, month)), to: isoDay(day) };
    case 'last-month':
      return { from: isoDay(monthStart(year, month - 1)), to: isoDay(monthStart(year, month) - DAY_MS) };
    case 'this-quarter':
      return { from: isoDay(monthStart(year, quarter)), to: isoDay(day) };
    case 'last-quarter':
      return { from: isoDay(monthStart(year, quarter - 3)), to: isoDay(monthStart(year, quarter) - DAY_MS) };
    case 'this-year':
      return { from: isoDay(Date.UTC(year, 0, 1)), to: isoDay(day) };
    case 'last-year':
      return { from: isoDay(Date.UTC(year - 1, 0, 1)), to: isoDay(Date.UTC(year - 1, 11, 31)) };
    case 'last-12-months':
      return { from: isoDay(Date.UTC(year - 1, month, today.getUTCDate()) + DAY_MS), to: isoDay(day) };
  }
}

/** The scope in words, for a report header and the CLI: `2024-07-01 to 2024-09-30; segment Enterprise; ...`. */
export function describeScope(scope: ReportScope): string {
  const parts: string[] = [];
  if (scope.from !== undefined || scope.to !== undefined) {
    parts.push(`${scope.from ?? 'the beginning'} to ${scope.to ?? 'the end'}`);
  } else parts.push('all time');
  const values = (list: readonly string[]): string => list.map((v) => (v === '' ? '(none)' : v)).join(' or ');
  if (scope.segments?.length) parts.push(`segment ${values(scope.segments)}`);
  if (scope.types?.length) parts.push(`type ${scope.types.join(' or ')}`);
  for (const filter of scope.fields ?? []) parts.push(`${filter.field} ${values(filter.values)}`);
  return parts.join('; ');
}

/** Where a figure was looked for, after "No won opportunity": the project, or the scope in words. */
export function whereInWords(scope: ReportScope): string {
  return isAllTime(scope) ? 'in this project' : `in the scope ${describeScope(scope)}`;
}
