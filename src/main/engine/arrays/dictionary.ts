/** Strings interned to dense ids, so the engine's tables hold numbers in typed arrays. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly ids = new Map<string, number>();

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(value);
      this.ids.set(value, id);
    }
    return id;
  }

  find(value: string): number | undefined {
    return this.ids.get(value);
  }

  get size(): number {
    return this.values.length;
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
}
