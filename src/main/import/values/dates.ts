import type { DateOrder } from '../../../shared/importSpec';
import { fail, ok, quote } from '../../../shared/values/parsed';
import type { Parsed } from '../../../shared/values/parsed';

/** spec 1 (Time): a date-only milestone is the end of its day, a date-only event the start of it. */
export type DateRole = 'milestone' | 'event';

// Everything is read with regexes and built with Date.UTC: `new Date(string)` depends on the engine and locale.

// An optional time after the date: `T09:30:00Z`, ` 09:30`, ` 9:30 AM`, `, 9:30:15.250 pm`, ` 09:30:00 +0200`.
const TIME =
  String.raw`(?:T|,?\s+)(?<hour>\d{1,2}):(?<minute>\d{2})(?::(?<second>\d{2})(?:[.,](?<fraction>\d+))?)?` +
  String.raw`(?:\s*(?<meridiem>[ap])\.?m\.?)?(?:\s*(?<zone>z|utc|gmt|[+-]\d{2}(?::?\d{2})?))?`;

/** `2024-03-01`, `2024/03/01`, `2024.03.01`: the year comes first, so the order is never in doubt. */
const YEAR_FIRST = new RegExp(
  String.raw`^(?<year>\d{4})(?<sep>[-/.])(?<month>\d{1,2})\k<sep>(?<day>\d{1,2})(?:${TIME})?$`,
  'i',
);
/** `01.03.2024`: the dotted form is German/European, always day-first. */
const DOTTED = new RegExp(String.raw`^(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4}|\d{2})(?:${TIME})?$`, 'i');
/** `3/1/2024`, `01-03-24`: month-first or day-first, settled per file (data.md: never guessed row by row). */
const DAY_MONTH = new RegExp(
  String.raw`^(?<leading>\d{1,2})(?<sep>[/-])(?<middle>\d{1,2})\k<sep>(?<year>\d{4}|\d{2})(?:${TIME})?$`,
  'i',
);

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const MAX_OFFSET_HOURS = 14;
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** What a date looks like, before any order is applied: what format detection reads. */
export type DateShape =
  { kind: 'year-first' } | { kind: 'dotted' } | { kind: 'day-month'; first: number; second: number };

export function dateShape(raw: string): DateShape | null {
  const text = raw.trim();
  if (YEAR_FIRST.test(text)) return { kind: 'year-first' };
  if (DOTTED.test(text)) return { kind: 'dotted' };
  const groups = DAY_MONTH.exec(text)?.groups;
  if (groups === undefined) return null;
  return { kind: 'day-month', first: Number(groups.leading), second: Number(groups.middle) };
}

type Groups = Record<string, string | undefined>;

interface CalendarFields {
  year: number;
  month: number;
  day: number;
  groups: Groups;
}

export function parseDate(raw: string, order: DateOrder, role: DateRole): Parsed<number> {
  const text = raw.trim();
  if (text === '') return fail('the date is blank');
  const fast = readIsoDate(text, role);
  if (fast !== null) return ok(fast);
  const shown = quote(text);
  const fields = readCalendarFields(text, shown, order);
  if (!fields.ok) return fail(fields.reason);
  const { year, month, day, groups } = fields.value;

  if (month < 1 || month > 12) return fail(`${shown} is not a date (month ${month})`);
  if (day < 1 || day > 31) return fail(`${shown} is not a date (day ${day})`);
  if (year < MIN_YEAR || year > MAX_YEAR) return fail(`${shown} is outside the years ${MIN_YEAR} to ${MAX_YEAR}`);
  const monthLength = daysInMonth(year, month);
  if (day > monthLength) {
    return fail(`${shown} is not a real date (${MONTH_NAMES[month - 1]} ${year} has ${monthLength} days)`);
  }

  if (groups.hour === undefined) {
    // spec 1: a date-only milestone counts touches on that calendar day as at or before it.
    return ok(role === 'milestone' ? Date.UTC(year, month - 1, day, 23, 59, 59, 999) : Date.UTC(year, month - 1, day));
  }
  const time = readTime(groups, shown);
  if (!time.ok) return fail(time.reason);
  const { hour, minute, second, millisecond, offsetMinutes } = time.value;
  return ok(Date.UTC(year, month - 1, day, hour, minute, second, millisecond) - offsetMinutes * 60_000);
}

/**
 * `2024-03-01` and `2024-03-01T09:30:00Z`, the forms nearly every export writes, read without a regex (a third of a
 * large import's conversion, issue 16). Anything else, and any value out of range, is null: the general reading
 * below then gives the same value or says what is wrong, so this changes nothing but the time taken.
 */
function readIsoDate(text: string, role: DateRole): number | null {
  const length = text.length;
  if ((length !== 10 && length !== 20) || text.charCodeAt(4) !== 0x2d || text.charCodeAt(7) !== 0x2d) return null;
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (month < 1 || month > 12 || day < 1 || year < MIN_YEAR || year > MAX_YEAR) return null;
  if (day > daysInMonth(year, month)) return null;
  if (length === 10) {
    return role === 'milestone' ? Date.UTC(year, month - 1, day, 23, 59, 59, 999) : Date.UTC(year, month - 1, day);
  }
  if (text.charCodeAt(10) !== 0x54 || text.charCodeAt(13) !== 0x3a || text.charCodeAt(16) !== 0x3a) return null;
  if (text.charCodeAt(19) !== 0x5a) return null;
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) return null;
  return Date.UTC(year, month - 1, day, hour, minute, second, 0);
}

/** The number `count` ASCII digits at `from` spell, or -1 when one of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function readCalendarFields(text: string, shown: string, order: DateOrder): Parsed<CalendarFields> {
  const yearFirst = YEAR_FIRST.exec(text)?.groups;
  if (yearFirst !== undefined) return ok(calendarFields(yearFirst, yearFirst.month, yearFirst.day));
  const dotted = DOTTED.exec(text)?.groups;
  if (dotted !== undefined) return ok(calendarFields(dotted, dotted.month, dotted.day));
  const dayMonth = DAY_MONTH.exec(text)?.groups;
  if (dayMonth !== undefined) {
    if (order === 'iso') {
      return fail(
        `${shown} needs the file's day/month order: choose month-first (3/1/2024 = March 1) ` +
          `or day-first (3/1/2024 = 1 March)`,
      );
    }
    return order === 'month-first'
      ? ok(calendarFields(dayMonth, dayMonth.leading, dayMonth.middle))
      : ok(calendarFields(dayMonth, dayMonth.middle, dayMonth.leading));
  }
  return fail(`${shown} is not a date (expected a form like 2024-03-01, 2024-03-01T09:30:00Z, 3/1/2024 or 01.03.2024)`);
}

function calendarFields(groups: Groups, month: string | undefined, day: string | undefined): CalendarFields {
  const yearText = groups.year ?? '';
  // A two-digit year is this century's: CRM exports write `3/1/24` for 2024.
  const year = yearText.length === 2 ? 2000 + Number(yearText) : Number(yearText);
  return { year, month: Number(month), day: Number(day), groups };
}

interface TimeFields {
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
}

function readTime(groups: Groups, shown: string): Parsed<TimeFields> {
  let hour = Number(groups.hour);
  const minute = Number(groups.minute);
  const second = Number(groups.second ?? '0');
  const meridiem = groups.meridiem?.toLowerCase();
  if (meridiem !== undefined) {
    const label = meridiem === 'a' ? 'AM' : 'PM';
    if (hour < 1 || hour > 12) return fail(`${shown} is not a time (hour ${hour} with ${label})`);
    // 12:30 AM is half past midnight, 12:30 PM half past noon.
    hour = (hour % 12) + (meridiem === 'p' ? 12 : 0);
  } else if (hour > 23) {
    return fail(`${shown} is not a time (hour ${hour})`);
  }
  if (minute > 59) return fail(`${shown} is not a time (minute ${minute})`);
  if (second > 59) return fail(`${shown} is not a time (second ${second})`);
  // Milliseconds are what is stored: further digits are cut, never rounded up into the next second.
  const millisecond = Number((groups.fraction ?? '').slice(0, 3).padEnd(3, '0'));
  const offsetMinutes = readOffsetMinutes(groups.zone);
  if (offsetMinutes === null) return fail(`${shown} has an impossible UTC offset (${groups.zone ?? ''})`);
  return ok({ hour, minute, second, millisecond, offsetMinutes });
}

/** A time without a zone is UTC (spec 1: every timestamp is UTC). */
function readOffsetMinutes(zone: string | undefined): number | null {
  if (zone === undefined || /^(?:z|utc|gmt)$/i.test(zone)) return 0;
  const parts = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone);
  if (parts === null) return null;
  const hours = Number(parts[2]);
  const minutes = Number(parts[3] ?? '0');
  if (hours > MAX_OFFSET_HOURS || minutes > 59) return null;
  return (parts[1] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
