/**
 * A seeded pseudo-random source for the demo data. sfc32 (128-bit state) seeded through splitmix32: fast in plain
 * JavaScript integer arithmetic and the same sequence on every platform, so a seed always gives the same project.
 */
export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    // Fold the high bits in too, so seeds that differ above 2^32 still differ.
    let state = (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) >>> 0;
    const splitmix32 = (): number => {
      state = (state + 0x9e3779b9) >>> 0;
      let z = state;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = splitmix32();
    this.b = splitmix32();
    this.c = splitmix32();
    this.d = splitmix32();
    // The first outputs of a freshly seeded sfc32 are still correlated with the seed.
    for (let i = 0; i < 15; i++) this.uint32();
  }

  /** A copy that draws the same sequence from here on: the same values twice, without keeping them in between. */
  clone(): Random {
    const copy = new Random(0);
    copy.a = this.a;
    copy.b = this.b;
    copy.c = this.c;
    copy.d = this.d;
    return copy;
  }

  uint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  float(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Uniform integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor((max - min + 1) * this.next());
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(items.length * this.next())] as T;
  }

  /** Standard normal (Box-Muller); 1 - next() keeps the logarithm finite. */
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given median; sigma is the spread of its logarithm. */
  lognormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Log-uniform integer in [min, max]: as many 10-50 as 100-500, like company head counts. */
  logInt(min: number, max: number): number {
    return Math.min(max, Math.floor(Math.exp(this.float(Math.log(min), Math.log(max + 1)))));
  }

  /** Rounds up with probability equal to the fraction, so sums of many rounded shares stay unbiased. */
  round(value: number): number {
    const floor = Math.floor(value);
    return floor + (this.next() < value - floor ? 1 : 0);
  }
}

/** A weighted choice over a fixed list, precomputed once and drawn from many times. */
export class WeightedChoice<T> {
  private readonly items: T[];
  private readonly cumulative: Float64Array;
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    this.items = entries.map(([item]) => item);
    this.cumulative = new Float64Array(entries.length);
    let sum = 0;
    entries.forEach(([, weight], i) => {
      if (!(weight >= 0)) throw new RangeError(`weight ${weight} is not a non-negative number`);
      sum += weight;
      this.cumulative[i] = sum;
    });
    if (!(sum > 0)) throw new RangeError('a weighted choice needs a positive total weight');
    this.total = sum;
  }

  draw(random: Random): T {
    const target = random.next() * this.total;
    const cumulative = this.cumulative;
    for (let i = 0; i < cumulative.length; i++) {
      if (target < (cumulative[i] as number)) return this.items[i] as T;
    }
    return this.items[this.items.length - 1] as T;
  }
}
