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

/** `length` strings, null where a length is -1, one after the other in `text` (Latin-1 or UTF-16 LE). */
export class PackedStrings {
  /** Where each string starts in `text`, in characters; made on the first read of one item. */
  private starts: Int32Array | null = null;
  private readonly width: number;

  constructor(
    readonly lengths: Int32Array,
    private readonly text: Buffer,
    private readonly encoding: 'latin1' | 'utf16le',
    /** How many of them are null. */
    readonly nulls: number,
  ) {
    this.width = encoding === 'latin1' ? 1 : 2;
  }

  get length(): number {
    return this.lengths.length;
  }

  /** Every string, in order: one string of the whole text, cut (V8 keeps the cuts of long ones as slices of it). */
  all(): (string | null)[] {
    const { lengths } = this;
    const text = this.text.toString(this.encoding);
    const values = new Array<string | null>(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) {
      const length = lengths[i] as number;
      if (length < 0) values[i] = null;
      else {
        values[i] = text.slice(at, at + length);
        at += length;
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

/** What a packed field will be, known without making it: what the checks of engine/arrays/checkEngineData.ts read. */
export type PackedField =
  /** A column of strings (null where `nulls` counts them); `at` reads one. */
  | { kind: 'strings'; length: number; nulls: number; at(index: number): string | null }
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
