/** A chunk is written once it reaches this many characters: small enough to keep memory flat, large to be cheap. */
const CHUNK = 1 << 16;

/**
 * Writes `value` as the text `JSON.stringify(value)` gives, in chunks of about 64 KiB: a run's JSON holds lists that
 * grow with the data (sourced opportunities, roadmap members...), and at 10M touches one string of it passes V8's
 * longest string. Plain data only, as JSON.stringify reads it: `toJSON` is honoured, an undefined or function member
 * is left out of an object and is `null` in an array.
 */
export function writeJson(value: unknown, write: (chunk: string) => void): void {
  let buffer = '';
  const emit = (text: string): void => {
    buffer += text;
    if (buffer.length >= CHUNK) {
      write(buffer);
      buffer = '';
    }
  };
  const visit = (item: unknown): void => {
    const json = toJsonValue(item);
    if (json === null || typeof json !== 'object') {
      emit(JSON.stringify(json) ?? 'null');
      return;
    }
    if (Array.isArray(json)) {
      emit('[');
      json.forEach((element, i) => {
        if (i > 0) emit(',');
        visit(isLeftOut(toJsonValue(element)) ? null : element);
      });
      emit(']');
      return;
    }
    emit('{');
    let first = true;
    for (const [key, member] of Object.entries(json)) {
      if (isLeftOut(toJsonValue(member))) continue;
      emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      visit(member);
    }
    emit('}');
  };
  visit(value);
  if (buffer !== '') write(buffer);
}

function toJsonValue(value: unknown): unknown {
  const withToJson = value as { toJSON?: () => unknown } | null;
  return withToJson !== null && typeof withToJson === 'object' && typeof withToJson.toJSON === 'function'
    ? withToJson.toJSON()
    : value;
}

const isLeftOut = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';
