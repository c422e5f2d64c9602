import type { DateOrder } from '../../shared/importSpec';
import { dateShape } from './values/dates';
import { amountParts } from './values/numbers';

/**
 * What a file's values say about how it writes dates and amounts. data.md: an ambiguous day/month order is settled
 * per file from the values, or asked, never guessed row by row; the decimal comma is a per-file switch settled the
 * same way. The examples are what the import screen shows when it asks.
 */
export interface FormatEvidence {
  dateOrder: DateOrder | 'ambiguous' | 'conflicting';
  decimalComma: boolean | 'ambiguous';
  dateExamples: string[];
  amountExamples: string[];
}

const EXAMPLE_COUNT = 3;

/**
 * Reads the date and amount samples of one file. The delimiter is accepted but never decides: a `;` file is likely
 * European, yet amounts that only show `1.250`-like values stay 'ambiguous' so the user is asked (data.md: settled
 * from the values, or asked). The import screen may use the delimiter to preselect its answer.
 */
export function detectFormats(dateSamples: string[], amountSamples: string[], _delimiter?: string): FormatEvidence {
  const dates = detectDateOrder(dateSamples);
  const amounts = detectDecimalComma(amountSamples);
  return {
    dateOrder: dates.order,
    decimalComma: amounts.decimalComma,
    dateExamples: dates.examples,
    amountExamples: amounts.examples,
  };
}

function detectDateOrder(samples: string[]): { order: FormatEvidence['dateOrder']; examples: string[] } {
  const unambiguous: string[] = [];
  const dayFirst: string[] = [];
  const monthFirst: string[] = [];
  const undecided: string[] = [];
  for (const sample of samples) {
    const text = sample.trim();
    const shape = dateShape(text);
    if (shape === null) continue; // not a date at all: the row import reports it
    if (shape.kind !== 'day-month') {
      unambiguous.push(text);
      continue;
    }
    const firstIsDay = isOnlyADay(shape.first);
    const secondIsDay = isOnlyADay(shape.second);
    if (firstIsDay && secondIsDay) continue; // a date in neither order
    if (firstIsDay) dayFirst.push(text);
    else if (secondIsDay) monthFirst.push(text);
    else if (isMonth(shape.first) && isMonth(shape.second)) undecided.push(text);
  }
  if (dayFirst.length > 0 && monthFirst.length > 0) {
    return { order: 'conflicting', examples: interleave(distinct(dayFirst), distinct(monthFirst)) };
  }
  if (dayFirst.length > 0) return { order: 'day-first', examples: distinct(dayFirst) };
  if (monthFirst.length > 0) return { order: 'month-first', examples: distinct(monthFirst) };
  if (undecided.length > 0) return { order: 'ambiguous', examples: distinct(undecided) };
  return { order: 'iso', examples: distinct(unambiguous) };
}

/** 13..31 can only be a day. */
function isOnlyADay(part: number): boolean {
  return part > 12 && part <= 31;
}

function isMonth(part: number): boolean {
  return part >= 1 && part <= 12;
}

type DecimalEvidence = 'comma' | 'dot' | 'ambiguous' | 'none';

/** What one amount says about its decimal separator. */
function decimalEvidence(raw: string): DecimalEvidence | null {
  const parts = amountParts(raw);
  if (parts === null) return null;
  // Spaces and apostrophes only ever group thousands: they say nothing about the decimal separator.
  const body = parts.body.replace(/[\s']/g, '');
  const lastComma = body.lastIndexOf(',');
  const lastDot = body.lastIndexOf('.');
  if (lastComma !== -1 && lastDot !== -1) return lastComma > lastDot ? 'comma' : 'dot';
  if (lastComma !== -1) return loneSeparatorEvidence(body, ',', 'comma', 'dot');
  if (lastDot !== -1) return loneSeparatorEvidence(body, '.', 'dot', 'comma');
  return 'none';
}

/**
 * One kind of separator: used twice it groups thousands (`1,250,000`); once, it is a decimal separator unless it
 * could group thousands, i.e. 1-3 digits (not starting with 0) then exactly 3 digits (`1,250`), which is ambiguous.
 */
function loneSeparatorEvidence(
  body: string,
  separator: string,
  asDecimal: DecimalEvidence,
  asThousands: DecimalEvidence,
): DecimalEvidence {
  const pieces = body.split(separator);
  if (pieces.length > 2) return asThousands;
  const [before = '', after = ''] = pieces;
  return /^[1-9]\d{0,2}$/.test(before) && /^\d{3}$/.test(after) ? 'ambiguous' : asDecimal;
}

function detectDecimalComma(samples: string[]): { decimalComma: FormatEvidence['decimalComma']; examples: string[] } {
  const seen: Record<DecimalEvidence, string[]> = { comma: [], dot: [], ambiguous: [], none: [] };
  for (const sample of samples) {
    const text = sample.trim();
    const evidence = decimalEvidence(text);
    if (evidence !== null) seen[evidence].push(text);
  }
  // The interface has no 'conflicting' for amounts: values pointing both ways are for the user to settle.
  if (seen.comma.length > 0 && seen.dot.length > 0) {
    return { decimalComma: 'ambiguous', examples: interleave(distinct(seen.comma), distinct(seen.dot)) };
  }
  if (seen.comma.length > 0) return { decimalComma: true, examples: distinct(seen.comma) };
  if (seen.dot.length > 0) return { decimalComma: false, examples: distinct(seen.dot) };
  if (seen.ambiguous.length > 0) return { decimalComma: 'ambiguous', examples: distinct(seen.ambiguous) };
  // No separator at all: nothing to misread, so the default (decimal point) is safe.
  return { decimalComma: false, examples: distinct(seen.none) };
}

function distinct(values: string[]): string[] {
  return [...new Set(values)].slice(0, EXAMPLE_COUNT);
}

/** Examples of both sides of a conflict, alternating, so the user sees each. */
function interleave(first: string[], second: string[]): string[] {
  const mixed: string[] = [];
  for (let i = 0; mixed.length < EXAMPLE_COUNT && (i < first.length || i < second.length); i += 1) {
    const a = first[i];
    const b = second[i];
    if (a !== undefined) mixed.push(a);
    if (b !== undefined && mixed.length < EXAMPLE_COUNT) mixed.push(b);
  }
  return mixed;
}
