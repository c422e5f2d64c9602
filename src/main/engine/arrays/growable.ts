type NumberArray = Uint8Array | Int8Array | Int32Array | Float64Array;

/**
 * A typed array filled by push, for columns whose length is known only once read: it doubles as it fills and
 * `values()` is a view of what was pushed, without a copy. A plain `number[]` costs 8 bytes an element on 64-bit
 * Node whatever its values (and 16 to 24 while it grows), where a touch's kind or channel needs 1 or 4: at ten
 * million touches the loader's columns were most of its peak memory (issue 16).
 */
export class GrowableColumn<A extends NumberArray> {
  private array: A;
  private size = 0;

  constructor(
    private readonly make: (length: number) => A,
    capacity = 1024,
  ) {
    this.array = make(capacity);
  }

  get length(): number {
    return this.size;
  }

  push(value: number): void {
    if (this.size === this.array.length) {
      const grown = this.make(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.size++] = value;
  }

  /** What was pushed, as a view of the column's storage (pushing more may leave it behind). */
  values(): A {
    return this.array.subarray(0, this.size) as A;
  }
}

export const int32Column = (): GrowableColumn<Int32Array> => new GrowableColumn((n) => new Int32Array(n));
export const float64Column = (): GrowableColumn<Float64Array> => new GrowableColumn((n) => new Float64Array(n));
export const uint8Column = (): GrowableColumn<Uint8Array> => new GrowableColumn((n) => new Uint8Array(n));
export const int8Column = (): GrowableColumn<Int8Array> => new GrowableColumn((n) => new Int8Array(n));
