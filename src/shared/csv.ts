/**
 * CSV the app writes for people to open in spreadsheets. A cell that starts with `=`, `+`, `-`, `@`, a tab, CR or LF
 * would run as a formula there (CSV injection), so it gets a leading apostrophe, which spreadsheets show as text.
 */

const FORMULA_START = /^[=+\-@\t\r\n]/;

export function neutralizeCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

function quoteCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutralizeCell(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly (string | number | null)[]): string {
  return `${cells.map(quoteCell).join(',')}\r\n`;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly (string | number | null)[]>): string {
  let text = csvLine(header);
  for (const row of rows) text += csvLine(row);
  return text;
}
