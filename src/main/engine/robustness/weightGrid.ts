import { PRESET_WEIGHTS, type PositionWeights } from '../../../shared/modelOptions';
import { POSITION_NAMES, type PositionName } from '../models/journeys';

/**
 * The weightings spec 13 evaluates. Weights are percentages, each >= 0, summing to 100. A position model is
 * unchanged by scaling its weights (each present position gets w_p / W(P), spec 5), so the current weights are
 * first scaled to sum to 100.
 *
 * "Within ±d points" (our reading, spec 13 leaves it open): every weight within d points of its current value,
 * clipped to [0, 100], the five still summing to 100, i.e. the box of half-width d around the current weights cut by
 * the simplex. Its grid is the current weights plus multiples of 2.5 points per weight (so the current weighting and,
 * for the presets, the usual round weightings are on it); the whole simplex's grid is every multiple of 5 points.
 * Each region's vertices are added (the box's corners on the simplex: where the extremes of a single presence
 * pattern lie, since there a credit is a ratio of linear functions of the weights), and so are the eight presets and
 * the current weights where they lie in the region: they are points of it, and a range must contain them even when
 * the grid's step misses them (full-path's 22.5 is not a multiple of 5).
 */

export type WeightVector = Float64Array; // FT, LC, OC, CW, MID, in POSITION_NAMES order

const N = POSITION_NAMES.length;
const EPS = 1e-9;

export interface WeightRegion {
  lo: Float64Array;
  hi: Float64Array;
}

/** The current weights scaled to sum to 100. */
export function normalisedWeights(weights: PositionWeights): WeightVector {
  const vector = Float64Array.from(POSITION_NAMES, (name) => weights[name]);
  const total = vector.reduce((sum, w) => sum + w, 0);
  return vector.map((w) => (w * 100) / total);
}

export function weightsObject(vector: WeightVector): PositionWeights {
  // Rounded to a millionth of a point: grid points are c + 2.5k, whose float noise would show in the output.
  const round = (w: number): number => Math.round(w * 1e6) / 1e6 + 0;
  return Object.fromEntries(POSITION_NAMES.map((name, p) => [name, round(vector[p] ?? 0)])) as Record<
    PositionName,
    number
  >;
}

/** The ±d region around `current` (spec 13 (a)). */
export function nearRegion(current: WeightVector, delta: number): WeightRegion {
  return {
    lo: current.map((w) => Math.max(0, w - delta)),
    hi: current.map((w) => Math.min(100, w + delta)),
  };
}

/** Every weighting (spec 13 (b)). */
export const WHOLE_SIMPLEX: WeightRegion = { lo: new Float64Array(N), hi: new Float64Array(N).fill(100) };

export function inRegion(region: WeightRegion, w: WeightVector): boolean {
  return w.every((value, p) => value >= (region.lo[p] ?? 0) - EPS && value <= (region.hi[p] ?? 0) + EPS);
}

/**
 * Visits every grid point of `region`: `origin + step * k` with k integers summing to 0 (so the point sums to 100
 * when the origin does), inside the region. Enumerated weight by weight with the reachable sum of the remaining ones
 * pruned, so only the feasible points are visited (at most ~136,000 for a 2.5 grid over the whole simplex).
 */
export function forEachGridPoint(
  region: WeightRegion,
  origin: WeightVector,
  step: number,
  visit: (w: WeightVector) => void,
): void {
  const kLo = Int32Array.from(origin, (c, p) => Math.ceil(((region.lo[p] ?? 0) - c) / step - EPS));
  const kHi = Int32Array.from(origin, (c, p) => Math.floor(((region.hi[p] ?? 0) - c) / step + EPS));
  // The k-sum the weights from p on can reach, to prune a prefix that cannot be completed to 0.
  const restLo = new Int32Array(N + 1);
  const restHi = new Int32Array(N + 1);
  for (let p = N - 1; p >= 0; p--) {
    restLo[p] = (restLo[p + 1] ?? 0) + (kLo[p] ?? 0);
    restHi[p] = (restHi[p + 1] ?? 0) + (kHi[p] ?? 0);
  }
  const w = new Float64Array(N);
  const walk = (p: number, sum: number): void => {
    if (p === N - 1) {
      const k = -sum;
      if (k < (kLo[p] ?? 0) || k > (kHi[p] ?? 0)) return;
      w[p] = (origin[p] ?? 0) + step * k;
      visit(w);
      return;
    }
    const from = Math.max(kLo[p] ?? 0, -sum - (restHi[p + 1] ?? 0));
    const to = Math.min(kHi[p] ?? 0, -sum - (restLo[p + 1] ?? 0));
    for (let k = from; k <= to; k++) {
      w[p] = (origin[p] ?? 0) + step * k;
      walk(p + 1, sum + k);
    }
  };
  walk(0, 0);
}

/**
 * The vertices of `region` (a box cut by the plane of weights summing to 100): every weight but one at a bound of
 * the box, the last one taking what makes 100 and lying within its own bounds.
 */
export function regionVertices(region: WeightRegion): WeightVector[] {
  const found = new Map<string, WeightVector>();
  for (let free = 0; free < N; free++) {
    for (let mask = 0; mask < 1 << (N - 1); mask++) {
      const w = new Float64Array(N);
      let bit = 0;
      let sum = 0;
      for (let p = 0; p < N; p++) {
        if (p === free) continue;
        w[p] = (mask >> bit++) & 1 ? (region.hi[p] ?? 0) : (region.lo[p] ?? 0);
        sum += w[p] ?? 0;
      }
      w[free] = 100 - sum;
      if (!inRegion(region, w)) continue;
      w[free] = Math.min(region.hi[free] ?? 0, Math.max(region.lo[free] ?? 0, w[free] ?? 0));
      found.set(Array.from(w, (value) => value.toFixed(6)).join('/'), w);
    }
  }
  return [...found.values()];
}

/** The presets of spec 5 that lie in `region`, then the current weights: points evaluated before the grid. */
export function namedPoints(region: WeightRegion, current: WeightVector): WeightVector[] {
  const presets = Object.values(PRESET_WEIGHTS).map(normalisedWeights);
  return [current, ...presets].filter((w) => inRegion(region, w));
}
