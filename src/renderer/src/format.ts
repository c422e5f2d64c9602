/** Number and date formatting in the user's locale and the project's currency. */

const countFormat = new Intl.NumberFormat();
/**
 * One formatter per currency, made once: building an Intl.NumberFormat costs far more than formatting with it, and
 * the Model tab formats a few thousand amounts per weight move (the series' bar titles, the tables, the Sankey).
 */
const moneyFormats = new Map<string, Intl.NumberFormat>();

export function formatCount(value: number): string {
  return countFormat.format(value);
}

export function formatMoney(value: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 });
    moneyFormats.set(currency, format);
  }
  return format.format(value);
}

export function formatDate(utcMillis: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(utcMillis));
}

/** A stored timestamp as the import preview and data view show it: UTC, to the second (2024-03-01 23:59:59). */
export function formatUtcTimestamp(utcMillis: number): string {
  return new Date(utcMillis).toISOString().slice(0, 19).replace('T', ' ');
}

/** A stored value exactly as the engine returned it, except `*_at` columns, which hold UTC milliseconds. */
export function formatCell(column: string, value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number' && column.endsWith('_at')) return formatUtcTimestamp(value);
  return String(value);
}

export function formatDateTime(utcMillis: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(utcMillis));
}
