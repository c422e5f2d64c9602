import { crc32 } from 'node:zlib';
import { Dictionary } from './dictionary';
import type { EngineData } from './load';
import { definePacked, PackedStrings, type PackedField } from './packed';
import { float64At } from './read';

/**
 * The engine's arrays as one file's bytes and back (kept in the project by engine/arrays/projectSnapshot.ts), several
 * times faster to read than the project's tables, and with them the results memoised on the data (CAR's churn and
 * roadmap). Numbers in typed arrays are written as their bytes; strings as one UTF-16 text
 * (Latin-1 when every character fits in a byte) with their lengths (exact for any string, lone surrogates
 * included), read back packed (engine/arrays/packed.ts) and made into strings when first read; everything else as a small JSON outline that says where each part is. A field
 * of a type this codec does not know fails the write, never the read of a wrong value: the round-trip test loads a
 * demo project and compares every field.
 *
 * Layout: MAGIC, the outline's byte length (u32 LE), the CRC-32 of the outline then the body (u32 LE), the
 * outline (UTF-8 JSON), zero padding to a multiple of 8, then the body: each block at a multiple of 8 bytes.
 */
const MAGIC = Buffer.from('TRIBENG1', 'latin1');

/**
 * The shape and meaning of what the file holds: bump it with any change to the arrays (engine/arrays/load.ts and what
 * it builds) or to a memoised result kept with them (engine/models/car/churn.ts, roadmap.ts), or a snapshot written by
 * the old code would be read as the new one's within one app version (developers' builds: tests make fresh projects).
 */
export const ENGINE_FILE_FORMAT = 1;
const ALIGN = 8;
/** Rows looked at before a string column is judged to hold ids. */
const SAMPLE = 65_536;

const TYPED_ARRAYS = { Float64Array, Int32Array, Uint8Array, Int8Array } as const;
type TypedArrayName = keyof typeof TYPED_ARRAYS;
type TypedArray = InstanceType<(typeof TYPED_ARRAYS)[TypedArrayName]>;
type TypedArrayType<T> = {
  new (buffer: ArrayBuffer, byteOffset: number, length: number): T;
  BYTES_PER_ELEMENT: number;
};

/** Where a part of the value is: in the outline itself, or in blocks of the body. */
type Part =
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
type StringsOf = Extract<Part, { strings: StringsPart } | { lists: StringsPart } | { map: StringsPart }>;
const isStringsOf = (part: Part): part is StringsOf =>
  part !== null && typeof part === 'object' && ('strings' in part || 'lists' in part || 'map' in part);

/** `length` strings (null where a length is -1), their lengths in the block at `lengths`, their text at `text`. */
interface StringsPart {
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

interface Outline {
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

const HEAD_BYTES = MAGIC.length + 8;

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
  const strings = (values: readonly (string | null)[]): StringsPart => {
    const lengths = new Int32Array(values.length);
    values.forEach((value, i) => (lengths[i] = value === null ? -1 : value.length));
    const joined = values.filter((value) => value !== null).join('');
    // Ids, names and domains are nearly always Latin-1: a byte a character is half the text to unpack and to keep.
    const latin1 = !/[\u0100-\uffff]/.test(joined);
    const text = Buffer.from(joined, latin1 ? 'latin1' : 'utf16le');
    return {
      length: values.length,
      lengths: block(new Uint8Array(lengths.buffer)),
      text: block(text),
      textBytes: text.byteLength,
      ...(latin1 ? { latin1 } : {}),
    };
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
      for (const [name, field] of Object.entries(value)) defineField(fields, name, encode(field, `${path}.${name}`));
      return { fields };
    }
    throw new Error(`${path}: a value of this kind is not held`);
  };

  const root = encode(data, 'data');
  const outline: Outline = { key, bodyBytes, root, memo: jsonSafe(memo) };
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
 * The arrays in `bytes` when the file is whole and was written for `key`; null when it is whole but of another key
 * (another app version or revision). Throws when it is cut short or damaged. `checksum` may be left to gzip when the
 * bytes were just unpacked from it: its own CRC-32 covers the same bytes (0.2 s at a million small journeys).
 */
export function decodeEngineData(
  bytes: Uint8Array,
  key: EngineFileKey,
  maxOutlineBytes = Number.MAX_SAFE_INTEGER,
  checksum: 'check' | 'checked by gzip' = 'check',
): EngineFileContent | null {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const damaged = (what: string): Error => new Error(`damaged engine file: ${what}`);
  if (file.length < HEAD_BYTES || !file.subarray(0, MAGIC.length).equals(MAGIC)) throw damaged('no header');
  const jsonBytes = file.readUInt32LE(MAGIC.length);
  // JSON takes many times its size in memory once parsed: a reader of untrusted files bounds it first.
  if (jsonBytes > maxOutlineBytes) throw damaged('an outline too big for its file');
  const bodyStart = padded(HEAD_BYTES + jsonBytes);
  if (bodyStart > file.length) throw damaged('cut short');
  const json = file.subarray(HEAD_BYTES, HEAD_BYTES + jsonBytes);
  const body = file.subarray(bodyStart);
  if (checksum === 'check' && crcOf(body, crc32(json)) !== file.readUInt32LE(MAGIC.length + 4)) {
    throw damaged('checksum');
  }
  const outline = JSON.parse(json.toString('utf8')) as Outline;
  if (body.length !== outline.bodyBytes) throw damaged('body length');
  if (!sameKey(outline.key, key)) return null;

  // A file from someone else (a project's snapshot) is read too, so the outline is not trusted: blocks must be read
  // in the order the encoder wrote them, each once and all of them, so the arrays can never be more than the body
  // (a few outline bytes naming one block a million times would be a million copies), and each part must be of the
  // kind its place needs, with counts that agree.
  let next = 0;
  const block = (at: unknown, bytes: unknown): number => {
    if (at !== next || !isCount(bytes) || next + bytes > body.length) throw damaged('a block out of place');
    next = padded(next + bytes);
    return at;
  };
  /**
   * A block as a typed array over the file's own bytes, no copy: the file is little more than the arrays and their
   * packed text, and copying them was half a second of page faults at a million small journeys. The file's memory
   * then lives as long as the arrays do. A block not aligned for its type (the caller's bytes start off a multiple
   * of 8) is copied.
   */
  const typedBlock = <T extends TypedArray>(at: unknown, length: number, Type: TypedArrayType<T>): T => {
    const bytes = length * Type.BYTES_PER_ELEMENT;
    const from = block(at, bytes);
    const offset = body.byteOffset + from;
    if (offset % Type.BYTES_PER_ELEMENT === 0) return new Type(body.buffer as ArrayBuffer, offset, length);
    const copy = new ArrayBuffer(bytes);
    new Uint8Array(copy).set(body.subarray(from, from + bytes));
    return new Type(copy, 0, length);
  };

  /**
   * A strings part checked and kept packed over the file's bytes (engine/arrays/packed.ts): its strings are made
   * when read. `nulls` says whether its place may hold a null (a length of -1).
   */
  const packedStrings = (part: StringsPart, nulls: 'nulls' | 'strings only'): PackedStrings => {
    const width = part.latin1 === undefined ? 2 : part.latin1 === true ? 1 : 0;
    if (!isCount(part.length) || !isCount(part.textBytes) || width === 0 || part.textBytes % width !== 0) {
      throw damaged('strings');
    }
    const lengths = typedBlock(part.lengths, part.length, Int32Array);
    let chars = 0;
    let nullCount = 0;
    for (const length of lengths) {
      if (length < -1) throw damaged('a string length');
      if (length > 0) chars += length;
      else if (length < 0) nullCount++;
    }
    if (chars !== part.textBytes / width) throw damaged('string lengths that do not add up to their text');
    if (nullCount > 0 && nulls === 'strings only') throw damaged('a null where only strings belong');
    const from = block(part.text, part.textBytes);
    const encoding = width === 1 ? 'latin1' : 'utf16le';
    return new PackedStrings(lengths, body.subarray(from, from + part.textBytes), encoding, nullCount);
  };
  /** A part that must be a typed array of `Type`: a nested count, list sizes, map values. */
  const typedOf = <T extends TypedArray>(part: Part | undefined, Type: new (buffer: ArrayBuffer) => T): T => {
    const value = decode(part ?? null);
    if (!(value instanceof Type)) throw damaged(`a part that is not a ${Type.name}`);
    return value;
  };
  /** A column of strings, lists of strings or a map, checked and kept packed: what it is, and how to make it. */
  const packedPart = (part: StringsOf): { field: PackedField; make(): unknown } => {
    if ('strings' in part) {
      if (part.picks === undefined) {
        const values = packedStrings(part.strings, 'nulls');
        const field = { kind: 'strings', length: values.length, nulls: values.nulls, at: (i: number) => values.at(i) };
        return { field: field as PackedField, make: () => values.all() };
      }
      // The encoder writes a column's distinct strings, never a null among them: a null is a pick of -1.
      const values = packedStrings(part.strings, 'strings only');
      const picks = typedOf(part.picks, Int32Array);
      let nullCount = 0;
      for (const pick of picks) {
        if (!(pick >= -1 && pick < values.length)) throw damaged('a pick outside its values');
        if (pick < 0) nullCount++;
      }
      const at = (i: number): string | null => {
        const pick = picks[i] ?? -1;
        return pick < 0 ? null : values.at(pick);
      };
      return {
        field: { kind: 'strings', length: picks.length, nulls: nullCount, at },
        make: () => {
          const distinct = values.all();
          return Array.from(picks, (pick) => (pick < 0 ? null : distinct[pick]));
        },
      };
    }
    if ('lists' in part) {
      const flat = packedStrings(part.lists, 'strings only');
      const sizes = typedOf(part.sizes, Int32Array);
      if (sizes.some((size) => size < 0) || sizes.reduce((sum, size) => sum + size, 0) !== flat.length) {
        throw damaged('list sizes that do not add up to their items');
      }
      return {
        field: { kind: 'lists', length: sizes.length },
        make: () => {
          const items = flat.all();
          let at = 0;
          return Array.from(sizes, (size) => items.slice(at, (at += size)));
        },
      };
    }
    const keys = packedStrings(part.map, 'strings only');
    const values = typedOf(part.values, Float64Array);
    if (values.length !== keys.length) throw damaged('a map with more keys than values, or fewer');
    return {
      field: { kind: 'map', values },
      make: () => new Map(keys.all().map((k, i) => [k as string, float64At(values, i)])),
    };
  };
  const decode = (part: Part): unknown => {
    if (part === null || typeof part !== 'object') return part;
    if ('typed' in part) {
      if (!Object.hasOwn(TYPED_ARRAYS, part.typed) || !isCount(part.length)) throw damaged('a typed array');
      return typedBlock(part.at, part.length, TYPED_ARRAYS[part.typed] as TypedArrayType<TypedArray>);
    }
    if ('dictionary' in part) return Dictionary.packed(packedStrings(part.dictionary, 'strings only'));
    if (!('fields' in part)) return packedPart(part).make();
    // Fields of strings stay packed until read: a run reads few of the snapshot's millions of ids and names.
    const fields: Record<string, unknown> = {};
    for (const [name, field] of Object.entries(part.fields)) {
      if (isStringsOf(field)) {
        const { field: packed, make } = packedPart(field);
        definePacked(fields, name, packed, make);
      } else defineField(fields, name, decode(field));
    }
    return fields;
  };
  const arrays = decode(outline.root) as EngineData;
  if (next !== body.length) throw damaged('blocks left unread');
  return { arrays, memo: outline.memo };
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
function defineField(fields: object, name: string, value: unknown): void {
  Object.defineProperty(fields, name, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * The CRC-32 of `bytes` continued from `crc`. Empty arrays are skipped: an array over an ArrayBuffer of no bytes (an
 * empty column, as in a project without features) has no data pointer, and zlib given none returns its initial value,
 * 0, not `crc` (Node 20's crc32): every snapshot of a project with one empty list failed its own checksum, and the
 * tables were read instead on every open.
 */
function crcOf(bytes: Uint8Array, crc: number): number {
  return bytes.byteLength === 0 ? crc : crc32(bytes, crc);
}

const padded = (bytes: number): number => Math.ceil(bytes / ALIGN) * ALIGN;
const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

export function sameKey(a: EngineFileKey | undefined, b: EngineFileKey): boolean {
  return (
    a?.format === b.format &&
    a.appVersion === b.appVersion &&
    a.schemaVersion === b.schemaVersion &&
    a.revision === b.revision
  );
}
