/**
 * A small seeded generator (mulberry32) of numbers in [0, 1): the same seed gives the same sequence on every
 * platform, so sampled results (churn bootstrap resamples) are reproducible. Seeds above 2^32 fold their high bits
 * in.
 */
export function mulberry32(seed: number): () => number {
  let state = (Math.trunc(seed) ^ Math.trunc(seed / 4294967296)) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
