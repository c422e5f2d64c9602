import { Dictionary } from './dictionary';
import { packedField } from './packed';
import { float64At } from './read';

/**
 * The checks checkEngineData.ts builds its reading of a snapshot from: each takes a value read from an untrusted file
 * and the path it was read at, and throws an error naming that path when the value is not what it should be.
 */

class Invalid extends Error {}
export const fail = (path: string, what: string): never => {
  throw new Invalid(`engine snapshot: ${path} ${what}`);
};

export function record(value: unknown, path: string, keys: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || ArrayBuffer.isView(value)) {
    return fail(path, 'is not a record');
  }
  const own = Object.keys(value);
  if (own.length !== keys.length || keys.some((key) => !Object.hasOwn(value, key))) {
    fail(path, `has fields ${own.join(', ')}; expected ${keys.join(', ')}`);
  }
  return value as Record<string, unknown>;
}

export function count(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value) || (value as number) < 0) fail(path, 'is not a count');
  return value as number;
}

/** A dictionary read from a file holds strings only, or was refused (engine/arrays/engineFile.ts); one made is read. */
export function dictionary(value: unknown, path: string): Dictionary {
  if (!(value instanceof Dictionary)) return fail(path, 'is not a dictionary');
  if (packedField(value, 'values') === undefined && !value.values.every((item) => typeof item === 'string')) {
    fail(path, 'holds a value that is not a string');
  }
  return value;
}

export function typed<T extends Int32Array | Float64Array | Uint8Array | Int8Array>(
  value: unknown,
  Type: new (length: number) => T,
  length: number,
  path: string,
): T {
  if (!(value instanceof Type)) return fail(path, `is not a ${Type.name}`);
  if (value.length !== length) fail(path, `has ${value.length} items, not ${length}`);
  return value;
}

/** Each item an integer in [min, max). */
export function indexes(value: ArrayLike<number>, min: number, max: number, path: string): void {
  for (let i = 0; i < value.length; i++) {
    const item = value[i] as number;
    if (!(Number.isInteger(item) && item >= min && item < max))
      fail(`${path}[${i}]`, `= ${item} is outside [${min}, ${max})`);
  }
}

/**
 * What a column of numbers may hold, as the project's tables allow it: an amount (REAL, never negative), a time
 * (INTEGER milliseconds), or a time that may be missing (NaN, for NULL).
 */
export type NumberKind = 'amount' | 'time' | 'time or none';
const NUMBER_RULES: Record<NumberKind, (item: number) => boolean> = {
  amount: (item) => Number.isFinite(item) && item >= 0,
  time: (item) => Number.isSafeInteger(item),
  'time or none': (item) => Number.isSafeInteger(item) || Number.isNaN(item),
};

export function numbers(value: Float64Array, path: string, kind: NumberKind): void {
  const fits = NUMBER_RULES[kind];
  for (let i = 0; i < value.length; i++) {
    const item = float64At(value, i);
    if (!fits(item)) fail(`${path}[${i}]`, `= ${item} is not a${kind === 'amount' ? 'n' : ''} ${kind}`);
  }
}

/**
 * Field `name` of `record`: `length` strings (or nulls, where allowed). A column still packed (engine/arrays/packed.ts)
 * is checked by what it will be, without making its strings: the decoder made sure every item is a string or null.
 */
export function strings(
  record: Record<string, unknown>,
  name: string,
  length: number,
  path: string,
  nullAllowed = false,
): void {
  const packed = packedField(record, name);
  if (packed !== undefined) {
    if (packed.kind !== 'strings') return fail(path, 'is not a list of strings');
    if (packed.length !== length) fail(path, `has ${packed.length} items, not ${length}`);
    if (packed.nulls > 0 && !nullAllowed) fail(path, 'holds a null');
    return;
  }
  stringList(record[name], length, path, nullAllowed);
}

export function stringList(value: unknown, length: number, path: string, nullAllowed = false): void {
  if (!Array.isArray(value)) return fail(path, 'is not a list');
  if (value.length !== length) fail(path, `has ${value.length} items, not ${length}`);
  for (let i = 0; i < length; i++) {
    const item: unknown = value[i];
    if (typeof item !== 'string' && !(nullAllowed && item === null)) fail(`${path}[${i}]`, 'is not a string');
  }
}

/** The numbers of map `name` of `record` (keys are strings: a packed map's were checked when read). */
export function mapValues(record: Record<string, unknown>, name: string): Float64Array {
  const packed = packedField(record, name);
  if (packed !== undefined) return packed.kind === 'map' ? packed.values : fail(name, 'is not a map');
  const map = record[name];
  if (!(map instanceof Map)) return fail(name, 'is not a map');
  return Float64Array.from((map as Map<string, number>).values());
}
