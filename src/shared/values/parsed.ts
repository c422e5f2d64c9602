/** The result of reading one cell: a value (maybe with a warning the import report lists) or the reason it was rejected. */
export type Parsed<T> = { ok: true; value: T; warning?: string } | { ok: false; reason: string };

export function ok<T>(value: T, warning?: string): Parsed<T> {
  return warning === undefined ? { ok: true, value } : { ok: true, value, warning };
}

export function fail<T>(reason: string): Parsed<T> {
  return { ok: false, reason };
}

const QUOTE_LIMIT = 60;

/** The raw value as a reason shows it: quoted, escaped, and cut short so a stray paragraph cannot flood the report. */
export function quote(raw: string): string {
  const shown = raw.length > QUOTE_LIMIT ? `${raw.slice(0, QUOTE_LIMIT)}…` : raw;
  return JSON.stringify(shown);
}
