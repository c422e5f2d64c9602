import { GrowableColumn } from './growable';

/**
 * Columns of strings read from an engine file (engine/arrays/engineFile.ts) and kept packed, as the file holds them,
 * until something reads them. A project of a million small journeys holds ten million ids, names and domains, and a
 * run of one model reads few of them: made into strings on every read of the snapshot, they were most of its time and
 * of the garbage collector's (6 s and 4.5 s of a 15 s `attribute --json`).
 *
 * A packed field is an accessor on its record that makes the column on first read and puts it in place of itself,
 * so code that reads `touches.id[t]` needs no change. Code that reads a few items of a big column, once per run (the
 * ids CAR lists), reads them with stringAt, which leaves the column packed.
 */

/** The most characters PackedStrings.all makes into one string: well under V8's longest. */
const ALL_CHUNK = 2 ** 26;

/** `length` strings, null where a length is -1, one after the other in `text` (Latin-1 or UTF-16 LE). */
export class PackedStrings {
  /** Where each string starts in `text`, in characters; made on the first read of one item. */
  private starts: Int32Array | null = null;
  private readonly width: number;

  constructor(
    readonly lengths: Int32Array,
    readonly text: Buffer,
    readonly encoding: 'latin1' | 'utf16le',
    /** How many of them are null. */
    readonly nulls: number,
  ) {
    this.width = encoding === 'latin1' ? 1 : 2;
  }

  get length(): number {
    return this.lengths.length;
  }

  /**
   * Every string, in order: the text is made into a few long strings, each cut (V8 keeps the cuts of long ones as
   * slices of it). A few, not one: V8's longest string (about 537 million characters) is less than the text of 15
   * million 36-character ids. `chunk` is the most characters made at once.
   */
  all(chunk = ALL_CHUNK): (string | null)[] {
    const { lengths } = this;
    const values = new Array<string | null>(lengths.length);
    let byte = 0;
    for (let i = 0; i < lengths.length;) {
      // The strings from i to end, at least one, whose text is at most `chunk` characters.
      let end = i;
      let characters = 0;
      while (end < lengths.length) {
        const length = Math.max(0, lengths[end] as number);
        if (end > i && characters + length > chunk) break;
        characters += length;
        end++;
      }
      const text = this.text.toString(this.encoding, byte, byte + this.width * characters);
      byte += this.width * characters;
      let at = 0;
      for (; i < end; i++) {
        const length = lengths[i] as number;
        if (length < 0) values[i] = null;
        else {
          values[i] = text.slice(at, at + length);
          at += length;
        }
      }
    }
    return values;
  }

  /** String `index`, made on its own. */
  at(index: number): string | null {
    const length = this.lengths[index] ?? -1;
    if (length < 0) return null;
    const starts = (this.starts ??= startsOf(this.lengths));
    const from = this.width * (starts[index] as number);
    return this.text.toString(this.encoding, from, from + this.width * length);
  }
}

function startsOf(lengths: Int32Array): Int32Array {
  const starts = new Int32Array(lengths.length);
  let at = 0;
  for (let i = 0; i < lengths.length; i++) {
    starts[i] = at;
    at += Math.max(0, lengths[i] as number);
  }
  return starts;
}

/**
 * Strings packed as they are pushed, none null: Latin-1 while every one fits a byte, UTF-16 from the first that does
 * not (what was packed is widened once). The loader keeps the touches' ids this way (issue 16): at ten million touches
 * they were 9.6 million JS strings, about 380 MB, where packed they are a byte a character, and while they are read
 * eight more for each one's length and where it starts.
 */
export class PackedStringsBuilder {
  private text = Buffer.allocUnsafe(1 << 16);
  /** Bytes of `text` used. */
  private used = 0;
  private wide = false;
  private readonly lengths = new GrowableColumn((n) => new Int32Array(n));
  /** Where each string starts in `text`, in characters: for compare, while the strings are being ordered. */
  private readonly starts = new GrowableColumn((n) => new Int32Array(n));

  get length(): number {
    return this.lengths.length;
  }

  push(value: string): void {
    if (!this.wide && !isLatin1(value)) this.widen();
    const width = this.wide ? 2 : 1;
    const bytes = width * value.length;
    if (this.used / width + value.length > MAX_CHARACTERS) {
      throw new RangeError(`more than ${MAX_CHARACTERS} characters of strings to pack`);
    }
    if (this.used + bytes > this.text.length) {
      const grown = Buffer.allocUnsafe(Math.max(2 * this.text.length, this.used + bytes));
      this.text.copy(grown, 0, 0, this.used);
      this.text = grown;
    }
    this.starts.push(this.used / width);
    this.lengths.push(value.length);
    this.text.write(value, this.used, bytes, this.wide ? 'utf16le' : 'latin1');
    this.used += bytes;
  }

  /** Orders strings `a` and `b` by code unit, as `<` orders JS strings. */
  compare(a: number, b: number): number {
    const starts = this.starts.values();
    const lengths = this.lengths.values();
    const aStart = starts[a] as number;
    const bStart = starts[b] as number;
    const aLength = lengths[a] as number;
    const bLength = lengths[b] as number;
    if (!this.wide) return this.text.compare(this.text, bStart, bStart + bLength, aStart, aStart + aLength);
    const shorter = Math.min(aLength, bLength);
    for (let i = 0; i < shorter; i++) {
      const unit = this.text.readUInt16LE(2 * (aStart + i)) - this.text.readUInt16LE(2 * (bStart + i));
      if (unit !== 0) return unit;
    }
    return aLength - bLength;
  }

  /** The strings in `order` (`result[i]` is string `order[i]`), packed. */
  inOrder(order: Int32Array): PackedStrings {
    const width = this.wide ? 2 : 1;
    const starts = this.starts.values();
    const from = this.lengths.values();
    const lengths = new Int32Array(order.length);
    const text = Buffer.allocUnsafe(this.used);
    let at = 0;
    for (let i = 0; i < order.length; i++) {
      const s = order[i] as number;
      const length = from[s] as number;
      const start = width * (starts[s] as number);
      this.text.copy(text, at, start, start + width * length);
      at += width * length;
      lengths[i] = length;
    }
    return new PackedStrings(lengths, text.subarray(0, at), this.wide ? 'utf16le' : 'latin1', 0);
  }

  /** From Latin-1 to UTF-16, for a string that does not fit a byte a character. */
  private widen(): void {
    const wide = Buffer.allocUnsafe(Math.max(2 * this.text.length, 1 << 16));
    for (let i = 0; i < this.used; i++) wide.writeUInt16LE(this.text[i] as number, 2 * i);
    this.text = wide;
    this.used *= 2;
    this.wide = true;
  }
}

/**
 * Where a string starts is an Int32, as in PackedStrings: two billion characters of ids, about a hundred million
 * touches of 20-character ids, past the laptop's ten million issue 16 names.
 */
const MAX_CHARACTERS = 2 ** 31 - 1;

function isLatin1(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false;
  return true;
}

/** What a column of packed strings is, as a packed field: its strings read one by one, or copied as they are. */
export function packedStringsField(values: PackedStrings): PackedField {
  return { kind: 'strings', length: values.length, nulls: values.nulls, at: (i: number) => values.at(i), values };
}

/** A column of strings kept packed in `record` as `name`: made into strings only when something reads it whole. */
export function definePackedStrings(record: object, name: string, values: PackedStrings): void {
  definePacked(record, name, packedStringsField(values), () => values.all());
}

/** What a packed field will be, known without making it: what the checks of engine/arrays/checkEngineData.ts read. */
export type PackedField =
  /**
   * A column of strings (null where `nulls` counts them); `at` reads one. `values`, when the column is one run of
   * packed strings, lets a writer copy them as they are (engine/arrays/engineFile.ts).
   */
  | { kind: 'strings'; length: number; nulls: number; at(index: number): string | null; values?: PackedStrings }
  /** Lists of strings, none null. */
  | { kind: 'lists'; length: number }
  /** A map of strings, none null, to these numbers. */
  | { kind: 'map'; values: Float64Array };

/** The packed fields still waiting, by the accessor that stands for each. */
const waiting = new WeakMap<() => unknown, PackedField>();

/**
 * Defines field `name` of `record` as packed: `make` builds its value the first time it is read, and the value then
 * takes the field's place. Setting the field replaces it as well.
 */
export function definePacked(record: object, name: string, field: PackedField, make: () => unknown): void {
  const settle = (value: unknown): void => {
    waiting.delete(get);
    Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  };
  function get(): unknown {
    const value = make();
    settle(value);
    return value;
  }
  waiting.set(get, field);
  Object.defineProperty(record, name, { get, set: settle, enumerable: true, configurable: true });
}

/** Field `name` of `record` as it is packed, if it still is; undefined once it was read or when it never was. */
export function packedField(record: object, name: string): PackedField | undefined {
  const get = Object.getOwnPropertyDescriptor(record, name)?.get;
  return get === undefined ? undefined : waiting.get(get);
}

/**
 * Item `index` of the string column `name` of `record`, leaving the column packed if it still is: for code that reads
 * a few items of a column of millions, such as the ids CAR lists. Read a whole column by its field.
 */
export function stringAt<K extends string>(
  record: Record<K, readonly (string | null)[]>,
  name: K,
  index: number,
): string | null {
  const packed = packedField(record, name);
  if (packed?.kind === 'strings') return packed.at(index);
  return record[name][index] ?? null;
}
