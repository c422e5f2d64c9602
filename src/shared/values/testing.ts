import type { Parsed } from './parsed';

/** Test helpers: the value of a result that must be ok, the reason of one that must not be. */
export function valueOf<T>(result: Parsed<T>): T {
  if (!result.ok) throw new Error(`expected a value, got: ${result.reason}`);
  return result.value;
}

export function reasonOf<T>(result: Parsed<T>): string {
  if (result.ok) throw new Error(`expected a reason, got the value ${String(result.value)}`);
  return result.reason;
}
