import { crc32 } from 'node:zlib';
import { packedMemo } from './checkedMemo';
import { Dictionary } from './dictionary';
import { packedField, PackedStrings } from './packed';
import type { EngineData } from './load';

/**
 * The engine's arrays as one file's bytes and back (kept in the project by engine/arrays/projectSnapshot.ts), several
 * times faster to read than the project's tables, and with them the results memoised on the data (CAR's churn and
 * roadmap). Numbers in typed arrays are written as their bytes; strings as one UTF-16 text
 * (Latin-1 when every character fits in a byte) with their lengths (exact for any string, lone surrogates
 * included), read back packed (engine/arrays/packed.ts) and made into strings when first read; everything else as a small JSON outline that says where each part is. A field
 * of a type this codec does not know fails the write, never the read of a wrong value: the round-trip test loads a
 * demo project and compares every field.
 *
 * Read back by engine/arrays/readEngineFile.ts, which trusts nothing of the outline.
 *
 * Layout: MAGIC, the outline's byte length (u32 LE), the CRC-32 of the outline then the body (u32 LE), the
 * outline (UTF-8 JSON), zero padding to a multiple of 8, then the body: each block at a multiple of 8 bytes.
 */
export const MAGIC = Buffer.from('TRIBENG1', 'latin1');

/**
 * The shape and meaning of what the file holds: bump it with any change to the arrays (engine/arrays/load.ts and what
 * it builds) or to a memoised result kept with them (engine/models/car/churn.ts, roadmap.ts), or a snapshot written by
 * the old code would be read as the new one's within one app version (developers' builds: tests make fresh projects).
 */
export const ENGINE_FILE_FORMAT = 1;
const ALIGN = 8;
/** Rows looked at before a string column is judged to hold ids. */
const SAMPLE = 65_536;

export const TYPED_ARRAYS = { Float64Array, Int32Array, Uint8Array, Int8Array } as const;
export type TypedArrayName = keyof typeof TYPED_ARRAYS;
export type TypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;
export type TypedArrayType<T> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
};

/** Where a part of the value is: in the outline itself, or in blocks of the body. */
export type Part =
  | number
  | string
  | null
  | { typed: TypedArrayName; at: number; length: number }
  | { strings: StringsPart; picks?: Part }
  | { lists: StringsPart; sizes: Part }
  | { dictionary: StringsPart }
  | { map: StringsPart; values: Part }
  | { fields: Record<string, Part> };

/** The parts that hold strings, kept packed when read (engine/arrays/packed.ts). */
export type StringsOf = Extract<Part, { strings: StringsPart } | { lists: StringsPart } | { map: StringsPart }>;
export const isStringsOf = (part: Part): part is StringsOf =>
  part !== null && typeof part === 'object' && ('strings' in part || 'lists' in part || 'map' in part);

/** `length` strings (null where a length is -1), their lengths in the block at `lengths`, their text at `text`. */
export interface StringsPart {
  length: number;
  lengths: number;
  text: number;
  textBytes: number;
  /** The text is Latin-1, a byte a character, when every character fits in one; else UTF-16 LE. */
  latin1?: boolean;
}

/** What the file says besides the arrays: checked against what the reader expects before anything is decoded. */
export interface EngineFileKey {
  /** Bumped whenever the engine's arrays change shape or meaning (engine/arrays/load.ts). */
  format: number;
  appVersion: string;
  schemaVersion: number;
  /** The project's data revision (store/dataRevision.ts). */
  revision: string;
}

export interface Outline {
  key: EngineFileKey;
  bodyBytes: number;
  root: Part;
  memo: Record<string, unknown>;
}

/** Results kept with the arrays: values of the loaded project's memo (engine/cache/), pure functions of the data. */
export type MemoEntries = Record<string, unknown>;

/** What an engine file holds. */
export interface EngineFileContent {
  arrays: EngineData;
  memo: MemoEntries;
}

export const HEAD_BYTES = MAGIC.length + 8;

/** The file's bytes, as the chunks to write one after the other. */
export function encodeEngineData(data: EngineData, key: EngineFileKey, memo: MemoEntries = {}): Uint8Array[] {
  const blocks: Uint8Array[] = [];
  let bodyBytes = 0;
  const block = (bytes: Uint8Array): number => {
    const at = bodyBytes;
    blocks.push(bytes);
    bodyBytes += padded(bytes.byteLength);
    return at;
  };
  /** Packed strings as the file holds them: their lengths (-1 for null), then their text, Latin-1 or UTF-16 LE. */
  const packedPart = (values: PackedStrings): StringsPart => {
    const latin1 = values.encoding === 'latin1';
    return {
      length: values.length,
      lengths: block(new Uint8Array(values.lengths.buffer, values.lengths.byteOffset, values.lengths.byteLength)),
      text: block(values.text),
      textBytes: values.text.byteLength,
      ...(latin1 ? { latin1 } : {}),
    };
  };
  const strings = (values: readonly (string | null)[]): StringsPart => {
    const lengths = new Int32Array(values.length);
    values.forEach((value, i) => (lengths[i] = value === null ? -1 : value.length));
    const present = values.filter((value) => value !== null);
    const joined = present.join('');
    // Ids, names and domains are nearly always Latin-1: a byte a character is half the text to unpack and to keep.
    const encoding = /[\u0100-\uffff]/.test(joined) ? 'utf16le' : 'latin1';
    return packedPart(
      new PackedStrings(lengths, Buffer.from(joined, encoding), encoding, values.length - present.length),
    );
  };
  /**
   * A column that repeats its values (the member of each action, a touch's campaign) is written as its distinct
   * values and an index per row, so the read gives one string per value, as hashing it for every row in a Map or
   * Set lookup was what made the first CAR after a cached open slower than after a load (0.27 s against 0.14 s).
   */
  const stringColumn = (values: readonly (string | null)[], path: string): Part => {
    const distinct = new Map<string, number>();
    const picks = new Int32Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i] as string | null;
      if (value === null) picks[i] = -1;
      else {
        let pick = distinct.get(value);
        if (pick === undefined) distinct.set(value, (pick = distinct.size));
        picks[i] = pick;
      }
      // Ids, all distinct, are written as they are: a map of a million of them is slow to build.
      if (i === SAMPLE && distinct.size > 0.9 * SAMPLE) return { strings: strings(values) };
    }
    if (distinct.size > values.length / 2) return { strings: strings(values) };
    return { strings: strings([...distinct.keys()]), picks: encode(picks, path) };
  };
  const encode = (value: unknown, path: string): Part => {
    if (value === null || typeof value === 'string') return value;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`${path}: ${value} has no JSON form`);
      return value;
    }
    if (ArrayBuffer.isView(value)) {
      const typed = value.constructor.name as TypedArrayName;
      if (!(typed in TYPED_ARRAYS)) throw new Error(`${path}: ${typed} is not a typed array this file holds`);
      const array = value as TypedArray;
      const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
      return { typed, at: block(bytes), length: array.length };
    }
    if (value instanceof Dictionary) return { dictionary: strings(value.values) };
    if (value instanceof Map) {
      const entries = [...(value as Map<unknown, unknown>).entries()];
      if (!entries.every(([k, v]) => typeof k === 'string' && typeof v === 'number')) {
        throw new Error(`${path}: only maps of strings to numbers are held`);
      }
      return {
        map: strings(entries.map(([k]) => k as string)),
        values: encode(
          Float64Array.from(entries, ([, v]) => v as number),
          path,
        ),
      };
    }
    if (Array.isArray(value)) {
      if (value.every((item) => item === null || typeof item === 'string')) return stringColumn(value, path);
      if (value.every((item) => Array.isArray(item) && item.every((s) => typeof s === 'string'))) {
        const lists = value as string[][];
        return {
          lists: strings(lists.flat()),
          sizes: encode(
            Int32Array.from(lists, (list) => list.length),
            path,
          ),
        };
      }
      throw new Error(`${path}: only arrays of strings (or of lists of strings) are held`);
    }
    if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      const fields: Record<string, Part> = {};
      for (const name of Object.keys(value)) {
        // A column still packed as one run of strings (the touches' ids from the loader, a column of distinct strings
        // read from a file) is copied as it is: reading the field would make its millions of strings, only to pack
        // them again. It is written without picks, as a column of distinct strings always was.
        const packed = packedField(value, name);
        const part =
          packed?.kind === 'strings' && packed.values
            ? { strings: packedPart(packed.values) }
            : encode((value as Record<string, unknown>)[name], `${path}.${name}`);
        defineField(fields, name, part);
      }
      return { fields };
    }
    throw new Error(`${path}: a value of this kind is not held`);
  };

  const root = encode(data, 'data');
  const outline: Outline = { key, bodyBytes, root, memo: jsonSafe(packedMemo(memo)) };
  const json = Buffer.from(JSON.stringify(outline), 'utf8');
  // The blocks are written as they are, each followed by its padding: no copy of the whole body is made.
  const body: Uint8Array[] = [];
  let crc = crc32(json);
  for (const bytes of blocks) {
    const padding = new Uint8Array(padded(bytes.byteLength) - bytes.byteLength);
    crc = crcOf(padding, crcOf(bytes, crc));
    body.push(bytes, padding);
  }
  const head = Buffer.alloc(padded(HEAD_BYTES + json.length));
  MAGIC.copy(head, 0);
  head.writeUInt32LE(json.length, MAGIC.length);
  head.writeUInt32LE(crc, MAGIC.length + 4);
  json.copy(head, HEAD_BYTES);
  return [head, ...body];
}

/**
 * The entries JSON gives back exactly: one holding a number JSON cannot write (NaN, Infinity, which it would turn
 * into null), or anything but plain data, is left out and simply computed again after a cached open.
 */
function jsonSafe(memo: MemoEntries): MemoEntries {
  const kept: MemoEntries = {};
  for (const [name, value] of Object.entries(memo)) {
    try {
      JSON.stringify(value, (_, item: unknown) => {
        if (typeof item === 'number' && !Number.isFinite(item)) throw new Error('not JSON');
        if (typeof item === 'object' && item !== null && !Array.isArray(item)) {
          if (Object.getPrototypeOf(item) !== Object.prototype) throw new Error('not JSON');
        }
        if (typeof item === 'bigint' || typeof item === 'function') throw new Error('not JSON');
        return item;
      });
      kept[name] = value;
    } catch {
      // computed again when needed
    }
  }
  return kept;
}

/** Defined, not assigned: a field named __proto__ must be a field, not the object's prototype. */
export function defineField(fields: object, name: string, value: unknown): void {
  Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The CRC-32 of `bytes` continued from `crc`. Empty arrays are skipped: an array over an ArrayBuffer of no bytes (an
 * empty column, as in a project without features) has no data pointer, and zlib given none returns its initial value,
 * 0, not `crc` (Node 20's crc32): every snapshot of a project with one empty list failed its own checksum, and the
 * tables were read instead on every open.
 */
export function crcOf(bytes: Uint8Array, crc: number): number {
  return bytes.byteLength === 0 ? crc : crc32(bytes, crc);
}

export const padded = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function sameKey(a: EngineFileKey | undefined, b: EngineFileKey): boolean {
  return (
    a?.format === b.format &&
    a.appVersion === b.appVersion &&
    a.schemaVersion === b.schemaVersion &&
    a.revision === b.revision
  );
}
