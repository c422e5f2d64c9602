/**
 * The next answer with every part equal to the shown one's replaced by the shown one's object, so a panel memoised
 * on its slice of the results sees the same reference when its figures did not change and is not drawn again (a
 * weight move changes the credits, not the scope, the roadmap or the deal counts). Plain objects and arrays are
 * compared by value; anything else (a typed array, a date) only by reference. Returns `previous` itself when nothing
 * changed.
 */
export function keepUnchanged<T>(previous: T, next: T): T {
  return share(previous, next) as T;
}

function share(previous: unknown, next: unknown): unknown {
  if (Object.is(previous, next)) return previous;
  if (Array.isArray(previous) && Array.isArray(next)) {
    let same = previous.length === next.length;
    const merged = next.map((item: unknown, index) => {
      const kept = index < previous.length ? share(previous[index], item) : item;
      if (kept !== previous[index]) same = false;
      return kept;
    });
    return same ? previous : merged;
  }
  if (isPlainObject(previous) && isPlainObject(next)) {
    const keys = Object.keys(next);
    let same = keys.length === Object.keys(previous).length;
    const merged: Record<string, unknown> = {};
    for (const key of keys) {
      const kept = Object.hasOwn(previous, key) ? share(previous[key], next[key]) : next[key];
      if (kept !== previous[key] || !Object.hasOwn(previous, key)) same = false;
      merged[key] = kept;
    }
    return same ? previous : merged;
  }
  return next;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
