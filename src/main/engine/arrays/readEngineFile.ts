import { crc32 } from 'node:zlib';
import { Dictionary } from './dictionary';
import {
  crcOf,
  defineField,
  HEAD_BYTES,
  isCount,
  isStringsOf,
  MAGIC,
  padded,
  sameKey,
  TYPED_ARRAYS,
  type EngineFileContent,
  type EngineFileKey,
  type Outline,
  type Part,
  type StringsOf,
  type StringsPart,
  type TypedArray,
  type TypedArrayType,
} from './engineFile';
import type { EngineData } from './load';
import { definePacked, PackedStrings, packedStringsField, type PackedField } from './packed';
import { float64At } from './read';

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
        return { field: packedStringsField(values), make: () => values.all() };
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
