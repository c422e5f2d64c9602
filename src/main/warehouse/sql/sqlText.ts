import { SqlOptionError } from './contract';

/**
 * Literals and identifiers for the generated SQL. Data never reaches here: only table names and option values the
 * generator validated first (numbers, dates, segment names), so the script is the same for any data.
 */

/** A double-quoted identifier, quotes doubled. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** A finite number as a SQL numeric literal. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new SqlOptionError(`${value} is not a finite number`);
  return String(value);
}

/** A number as a DOUBLE PRECISION value: integer literals would divide as integers in SQLite and PostgreSQL. */
export const doubleLiteral = (value: number): string => `CAST(${numberLiteral(value)} AS DOUBLE PRECISION)`;

/** An integer (a time in UTC milliseconds, a count) as a literal; exact below 2^53. */
export function integerLiteral(value: number): string {
  if (!Number.isSafeInteger(value)) throw new SqlOptionError(`${value} is not a whole number the SQL can hold`);
  return String(value);
}

/** A string literal, single quotes doubled (no dialect here treats a backslash as an escape in '...'). */
export function stringLiteral(value: string): string {
  if (value.includes('\u0000')) throw new SqlOptionError('a value cannot hold a NUL character');
  return `'${value.replace(/'/g, "''")}'`;
}

/** `(a), (b), ...` for a VALUES list of strings, six to a line. */
export function stringValues(values: readonly string[]): string {
  const rows = values.map((value) => `(${stringLiteral(value)})`);
  const lines: string[] = [];
  for (let i = 0; i < rows.length; i += 6) lines.push(rows.slice(i, i + 6).join(', '));
  return lines.join(',\n      ');
}

/** The day in milliseconds (spec 1: all times are UTC milliseconds). */
export const DAY_MS = 86_400_000;
