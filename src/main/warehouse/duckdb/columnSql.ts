import type { ColumnSpec } from '../../../shared/importSpec';

/**
 * How a text cell of a canonical file becomes its typed value in DuckDB, and how a cell that cannot is found.
 * Everything here is SQL over a column of the raw table (its name already quoted), never over a value: the data
 * itself only ever reaches DuckDB through its own readers.
 */
export interface ColumnSql {
  /** The typed value; NULL for a blank cell. */
  value: string;
  /** True for a cell that is not blank and cannot be read as the column's type; absent when any text will do. */
  invalid?: string;
  /** Why such a cell is refused, for the message. */
  expected?: string;
}

const END_OF_DAY_MS = 86_399_999;

export function cellSql(raw: string, column: ColumnSpec): ColumnSql {
  const text = `NULLIF(trim(${raw}), '')`;
  switch (column.type) {
    case 'id':
    case 'text':
      return { value: text };
    case 'email':
      // data.md: emails match case-insensitively and trimmed, so the key is stored lower-cased.
      return { value: `lower(${text})` };
    case 'domain':
      // As the import keeps them: lower-cased, without a leading www.
      return { value: `regexp_replace(lower(${text}), '^www\\.', '')` };
    case 'integer':
      return {
        value: `TRY_CAST(${text} AS BIGINT)`,
        invalid: `TRY_CAST(${text} AS BIGINT) IS NULL`,
        expected: 'a whole number',
      };
    case 'amount': {
      const number = `TRY_CAST(${text} AS DOUBLE)`;
      return {
        value: number,
        invalid: `(${number} IS NULL OR NOT isfinite(${number}) OR ${number} < 0)`,
        expected: 'an amount written as a plain non-negative number (12500.00)',
      };
    }
    case 'milestoneDate':
    case 'eventDate': {
      // spec 1: a date-only milestone (lead created, created, closed) is the end of its day; a date-only event the
      // start. Anything else is an ISO 8601 time, its offset applied, no offset meaning UTC (the session's zone).
      const endOfDay = column.type === 'milestoneDate' ? ` + ${END_OF_DAY_MS}` : '';
      // Casts rather than patterns: a regular expression per cell took ten times as long as the casts at 500,000 rows.
      // Whole digits are milliseconds; ten characters a day (2024-03-01); anything else an ISO 8601 time.
      const value =
        `COALESCE(TRY_CAST(${text} AS BIGINT), ` +
        `CASE WHEN length(${text}) = 10 THEN epoch_ms(TRY_CAST(${text} AS DATE))${endOfDay} END, ` +
        `epoch_ms(TRY_CAST(${text} AS TIMESTAMPTZ)))`;
      return {
        value,
        invalid: `(${value}) IS NULL`,
        expected: 'an ISO 8601 date or time (2024-03-01, 2024-03-01T09:30:00+02:00) or UTC milliseconds',
      };
    }
    case 'stage':
    case 'opportunityType':
    case 'actionType':
      // Normalised through a table of the distinct words (loadFolder.ts), by the import's own rules.
      return { value: text };
  }
}

export function isBlankSql(raw: string): string {
  return `NULLIF(trim(${raw}), '') IS NULL`;
}
