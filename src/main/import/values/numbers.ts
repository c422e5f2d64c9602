import { fail, ok, quote } from '../../../shared/values/parsed';
import type { Parsed } from '../../../shared/values/parsed';

// A currency next to the number, either side: `$`, `€`, `US$`, `R$`, or an upper-case ISO code (`USD`, `EUR`).
// Lower-case letters are not a currency, so `12abc` stays garbage rather than "12 ABC".
const CURRENCY_PREFIX = /^(?:[A-Z]{3}|[A-Z]{0,2}\p{Sc})/u;
const CURRENCY_SUFFIX = /(?:[A-Z]{3}|\p{Sc})$/u;
const SIGN = /^[-+\u2212]/;
const TRAILING_MINUS = /[-\u2212]$/;
/** Digits with separators: `,` `.`, apostrophes (Swiss) and spaces, including NBSP and narrow NBSP (`\s` holds both). */
const NUMBER_CHARS = /^[\d.,'\s]+$/;

interface AmountParts {
  /** The digits and separators, without currency or sign. */
  body: string;
  negative: boolean;
}

/** Splits `(USD 1,250.00)`, `-$5`, `12 500,00 €` into the number's text and its sign; null if it is not shaped so. */
export function amountParts(raw: string): AmountParts | null {
  let text = raw.trim();
  let negative = false;
  let signed = false;
  const takeParentheses = (): void => {
    // Accounting exports write a negative amount in parentheses.
    if (text.length >= 2 && text.startsWith('(') && text.endsWith(')')) {
      negative = true;
      text = text.slice(1, -1).trim();
    }
  };
  const takeSign = (): void => {
    const sign = signed ? null : SIGN.exec(text);
    if (sign === null) return;
    signed = true;
    negative ||= sign[0] !== '+';
    text = text.slice(1).trim();
  };
  takeParentheses();
  takeSign();
  text = text.replace(CURRENCY_PREFIX, '').trim();
  takeParentheses();
  takeSign();
  text = text.replace(CURRENCY_SUFFIX, '').trim();
  if (!signed && TRAILING_MINUS.test(text)) {
    negative = true;
    text = text.slice(0, -1).trim();
  }
  return NUMBER_CHARS.test(text) && /\d/.test(text) ? { body: text, negative } : null;
}

type NumberRead = { value: number } | { problem: string };

/**
 * Reads digits with one decimal separator (`.`, or `,` when `decimalComma`) and optional thousands separators, which
 * must group by three (`1,250,000`; not `1,25,000`) and be one kind throughout.
 */
function readNumber(body: string, decimalComma: boolean): NumberRead {
  const decimal = decimalComma ? ',' : '.';
  const parts = body.split(decimal);
  if (parts.length > 2) return { problem: `more than one decimal ${decimalComma ? 'comma' : 'point'}` };
  const whole = (parts[0] ?? '').trim();
  const fraction = parts[1]?.trim();
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return { problem: 'misplaced separators' };
  const wholeDigits = readGroupedDigits(whole, decimalComma ? '.' : ',');
  if (wholeDigits === null) return { problem: 'misplaced thousands separators' };
  if (wholeDigits === '' && fraction === undefined) return { problem: 'no digits' };
  const value = Number(`${wholeDigits === '' ? '0' : wholeDigits}.${fraction ?? '0'}`);
  return Number.isFinite(value) ? { value } : { problem: 'too large' };
}

/** The digits of `1,250,000` / `1 250 000` / `1'250'000`, or null when the grouping is wrong. */
function readGroupedDigits(whole: string, thousands: string): string | null {
  if (/^\d*$/.test(whole)) return whole;
  const separators = new Set([...whole.replace(/\d/g, '')].map((char) => (/\s/.test(char) ? ' ' : char)));
  if (separators.size !== 1) return null;
  const [separator] = separators;
  if (separator !== thousands && separator !== ' ' && separator !== "'") return null;
  const groups = whole.split(/[^\d]/);
  const [first, ...rest] = groups;
  if (first === undefined || !/^\d{1,3}$/.test(first) || !rest.every((group) => /^\d{3}$/.test(group))) return null;
  return groups.join('');
}

export function parseAmount(raw: string, decimalComma: boolean): Parsed<number> {
  const text = raw.trim();
  if (text === '') return fail('the amount is blank');
  const shown = quote(text);
  const parts = amountParts(text);
  if (parts === null) return fail(`${shown} is not an amount`);
  const read = readNumber(parts.body, decimalComma);
  if ('problem' in read) {
    // A decimal-comma file read with the switch off (or the reverse) shows up here: say so, once per value.
    const other = readNumber(parts.body, !decimalComma);
    const hint =
      'value' in other
        ? `; it reads as ${other.value} with ${decimalComma ? 'a decimal point' : 'a decimal comma'}: ` +
          `check the file's decimal comma setting`
        : '';
    return fail(`${shown} is not an amount (${read.problem})${hint}`);
  }
  // data.md: negative amounts are errors.
  if (parts.negative && read.value !== 0) return fail(`${shown} is negative: negative amounts are not allowed`);
  return ok(read.value);
}

/**
 * A count such as `employees`: `1200`, `1,200`, `1 200`. `1200.0` and `1200.00` (spreadsheet and pandas exports of a
 * whole-number column) are whole; `1.200` is not, since three digits after a point may be a European thousands group.
 * Negative values are rejected: the only integer column is a count.
 */
export function parseInteger(raw: string): Parsed<number> {
  const text = raw.trim();
  if (text === '') return fail('the number is blank');
  const shown = quote(text);
  const negative = /^[-\u2212]/.test(text);
  const unsigned = SIGN.test(text) ? text.slice(1).trim() : text;
  const parts = /^([\d,'\s]+?)(?:\.(0{1,2}))?$/.exec(unsigned);
  const whole = parts?.[1];
  if (whole === undefined) return fail(`${shown} is not a whole number`);
  const digits = readGroupedDigits(whole.trim(), ',');
  if (digits === null || digits === '') return fail(`${shown} is not a whole number (misplaced thousands separators)`);
  const value = Number(digits);
  if (!Number.isSafeInteger(value)) return fail(`${shown} is too large`);
  if (negative && value !== 0) return fail(`${shown} is negative: a count cannot be negative`);
  return ok(value);
}
