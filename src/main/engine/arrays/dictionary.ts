import { definePacked, type PackedStrings } from './packed';

/** Strings interned to dense ids, so the engine's tables hold numbers in typed arrays. */
export class Dictionary {
  readonly values: string[] = [];
  /**
   * Each value's id, made on the first lookup (a dictionary read from an engine file may never be looked up). Not
   * enumerable, as `packedSize`: both follow from `values`, which alone says what a dictionary holds.
   */
  declare private ids: Map<string, number> | null;
  /** The number of values while they are still packed (Dictionary.packed), else -1. */
  declare private packedSize: number;

  constructor() {
    Object.defineProperty(this, 'ids', { value: null, writable: true });
    Object.defineProperty(this, 'packedSize', { value: -1, writable: true });
  }

  /**
   * A dictionary of strings read from an engine file (engine/arrays/engineFile.ts), kept packed until its values are
   * read (engine/arrays/packed.ts): the accounts' and members' ids are a million strings no model reads.
   */
  static packed(strings: PackedStrings): Dictionary {
    if (strings.nulls > 0) throw new Error('a dictionary holds strings only');
    const dictionary = new Dictionary();
    dictionary.packedSize = strings.length;
    definePacked(
      dictionary,
      'values',
      { kind: 'strings', length: strings.length, nulls: 0, at: (index) => strings.at(index) },
      () => strings.all(),
    );
    return dictionary;
  }

  id(value: string): number {
    const ids = this.lookup();
    let id = ids.get(value);
    if (id === undefined) {
      this.packedSize = -1;
      id = this.values.length;
      this.values.push(value);
      ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.lookup().get(value);
  }

  get size(): number {
    return this.packedSize >= 0 ? this.packedSize : this.values.length;
  }

  /**
   * The same strings with ids in code-unit order, and the map from old ids to new ones. Ids handed out as rows were
   * read depend on row order; sorted ones do not, so nothing downstream (a sum's order) can depend on the order rows
   * were imported in (spec 1).
   */
  sorted(): { dictionary: Dictionary; remap: Int32Array } {
    const order = this.values
      .map((_, id) => id)
      .sort((a, b) => {
        const x = this.values[a] as string;
        const y = this.values[b] as string;
        return x < y ? -1 : x > y ? 1 : 0;
      });
    const dictionary = new Dictionary();
    const remap = new Int32Array(this.values.length);
    for (const id of order) remap[id] = dictionary.id(this.values[id] as string);
    return { dictionary, remap };
  }

  /** The map of values to ids; of a value written twice in a packed dictionary, the first id is kept. */
  private lookup(): Map<string, number> {
    if (this.ids === null) {
      const ids = new Map<string, number>();
      this.values.forEach((value, id) => {
        if (!ids.has(value)) ids.set(value, id);
      });
      this.ids = ids;
    }
    return this.ids;
  }
}
