import type { PositionWeights } from '../../../shared/modelOptions';
import type { Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import {
  isCredited,
  journeyRange,
  MID,
  POSITION_BITS,
  POSITION_NAMES,
  type Journeys,
  type PositionName,
} from './journeys';

/**
 * Presence-pattern aggregates (spec 8). A position model's credits are linear in the weights within a presence
 * pattern (which of FT, LC, OC, CW, MID a journey holds): touch k of journey j gets
 * `amount_j * sum over its positions p of w_p * f_p(k) / W(P_j)`, with f = 1 for a milestone, 1 / middles for MID,
 * and W(P) the weights of the positions present; or `amount_j / n_j` when W(P) is 0. So any sum of credits by a
 * dimension (channel, campaign, Sankey flow...) is `sum over (pattern, position) of factor * coefficient`, where the
 * coefficients are summed once from the touches and the factors (`w_p / W(P)`, or the equal split's 1) come from
 * the weights alone. A weight change then recomputes every aggregate without reading a touch.
 */

const POSITIONS = POSITION_NAMES.length;
/** Per pattern, one slot per position and one for the equal split of a pattern whose present weights are all 0. */
const EQUAL = POSITIONS;
const SLOTS = POSITIONS + 1;
/** Above this many (slot, value) cells, coefficients are summed in a map instead of a dense array. */
const DENSE_CELLS = 1 << 20;

/** Each credited journey's presence pattern, and the patterns that occur. */
export interface PatternBasis {
  /** Per journey, the index of its pattern in `patterns`; -1 for a journey that carries no credit or no touch. */
  patternOf: Int32Array;
  /** The position bits present in each pattern that occurs. */
  patterns: number[];
  /** Per journey, how many of its touches are middle ones. */
  middles: Int32Array;
}

/**
 * A dimension credits are summed by: `of` gives the value (0 to size - 1) a journey touch counts under, or -1 to
 * leave it out. A `split` dimension is read per position the touch holds (its credit split over them in proportion
 * to their weights, spec 5, as the breakdowns and the Sankey show positions); otherwise p is -1 and the touch's whole
 * credit counts. `key` names what `of` reads, for the cache: the same key must mean the same values.
 */
export interface Dimension {
  key: string;
  size: number;
  split: boolean;
  of(k: number, touch: number, opportunity: number, p: number): number;
}

/** The coefficients of one dimension: entry e adds `value[e] * factor[slot[e]]` to value `dim[e]`. */
export interface LinearSums {
  size: number;
  slot: Int32Array;
  dim: Int32Array;
  value: Float64Array;
  /** Journey-touch entries counted under each value (per position held, for a split dimension). */
  touches: Int32Array;
}

const basisCache = new WeakMap<Journeys, PatternBasis>();
const sumsCache = new WeakMap<Journeys, WeakMap<Dataset, Map<string, LinearSums>>>();

/** The patterns of `journeys` (built over `data`), kept as long as the journeys are. */
export function patternBasis(data: Dataset, journeys: Journeys): PatternBasis {
  const kept = basisCache.get(journeys);
  if (kept) return kept;
  const indexOf = new Int32Array(32).fill(-1);
  const patterns: number[] = [];
  const patternOf = new Int32Array(journeys.count).fill(-1);
  const middles = new Int32Array(journeys.count);
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    if (end === start || !isCredited(data, journeys, j)) continue;
    let present = 0;
    let middle = 0;
    for (let k = start; k < end; k++) {
      const bits = uint8At(journeys.positions, k);
      present |= bits;
      if (bits & MID) middle++;
    }
    if (int32At(indexOf, present) === -1) {
      indexOf[present] = patterns.length;
      patterns.push(present);
    }
    patternOf[j] = int32At(indexOf, present);
    middles[j] = middle;
  }
  const basis = { patternOf, patterns, middles };
  basisCache.set(journeys, basis);
  return basis;
}

/** The factor of every (pattern, slot) for a weighting: what each coefficient is multiplied by. */
export function positionFactors(basis: PatternBasis, weights: PositionWeights): Float64Array {
  const vector = POSITION_NAMES.map((name) => weights[name as PositionName]);
  return factorsInto(basis, vector, new Float64Array(basis.patterns.length * SLOTS));
}

/** Slots per pattern in a factor array: one per position, then the equal split's. */
export const FACTOR_SLOTS = SLOTS;

/**
 * positionFactors for weights given in POSITION_NAMES order, written into `factors` (patterns x FACTOR_SLOTS): the
 * form a scan over thousands of weightings uses (engine/robustness), without an object or an array per weighting.
 */
export function factorsInto(basis: PatternBasis, weights: ArrayLike<number>, factors: Float64Array): Float64Array {
  factors.fill(0);
  const { patterns } = basis;
  for (let pattern = 0; pattern < patterns.length; pattern++) {
    const bits = patterns[pattern] as number;
    let total = 0;
    for (let p = 0; p < POSITIONS; p++) if (bits & (POSITION_BITS[p] as number)) total += weights[p] as number;
    if (total === 0) {
      factors[pattern * SLOTS + EQUAL] = 1;
      continue;
    }
    for (let p = 0; p < POSITIONS; p++) {
      if (bits & (POSITION_BITS[p] as number)) factors[pattern * SLOTS + p] = (weights[p] as number) / total;
    }
  }
  return factors;
}

/** The sums of one dimension for the factors of a weighting. */
export function evaluate(sums: LinearSums, factors: Float64Array): Float64Array {
  const out = new Float64Array(sums.size);
  for (let e = 0; e < sums.value.length; e++) {
    const d = int32At(sums.dim, e);
    out[d] = float64At(out, d) + float64At(sums.value, e) * float64At(factors, int32At(sums.slot, e));
  }
  return out;
}

/** The coefficients of `dimension` over the credited journeys of `journeys`, kept as long as the journeys are. */
export function linearSums(data: Dataset, journeys: Journeys, dimension: Dimension): LinearSums {
  prepareSums(data, journeys, [dimension]);
  return keptSums(data, journeys).get(dimension.key) as LinearSums;
}

/**
 * Sums every dimension given that is not kept yet, in one pass over the touches (a run's views need a dozen: summing
 * them together reads each touch once), and keeps them as long as the journeys are.
 */
export function prepareSums(data: Dataset, journeys: Journeys, dimensions: readonly Dimension[]): void {
  const kept = keptSums(data, journeys);
  const missing = dimensions.filter((dimension, i) => !kept.has(dimension.key) && dimensions.indexOf(dimension) === i);
  if (missing.length === 0) return;
  const sums = sumDimensions(data, journeys, patternBasis(data, journeys), missing);
  missing.forEach((dimension, i) => kept.set(dimension.key, sums[i] as LinearSums));
}

function keptSums(data: Dataset, journeys: Journeys): Map<string, LinearSums> {
  let byData = sumsCache.get(journeys);
  if (!byData) sumsCache.set(journeys, (byData = new WeakMap()));
  let byKey = byData.get(data);
  if (!byKey) byData.set(data, (byKey = new Map()));
  return byKey;
}

/** Sums of `size` values per cell index, in a dense array when small enough, else in a map. */
class Cells {
  private readonly dense: Float64Array | null;
  private readonly sparse: Map<number, number> | null;
  constructor(cells: number) {
    this.dense = cells <= DENSE_CELLS ? new Float64Array(cells) : null;
    this.sparse = this.dense ? null : new Map();
  }
  add(cell: number, value: number): void {
    if (this.dense) this.dense[cell] = float64At(this.dense, cell) + value;
    else this.sparse?.set(cell, (this.sparse.get(cell) ?? 0) + value);
  }
  forEach(visit: (cell: number, value: number) => void): void {
    if (this.dense) this.dense.forEach((value, cell) => value !== 0 && visit(cell, value));
    else this.sparse?.forEach((value, cell) => value !== 0 && visit(cell, value));
  }
}

/**
 * The touches of one journey-touch class (a pattern and the positions a touch holds) add the same per-unit value to
 * every slot of the positions they hold, so a whole dimension is summed per class first (two additions per touch)
 * and spread over the class's slots after; a split dimension's value depends on the position, so it is summed per
 * slot directly.
 */
function sumDimensions(
  data: Dataset,
  journeys: Journeys,
  basis: PatternBasis,
  dimensions: readonly Dimension[],
): LinearSums[] {
  const classes = basis.patterns.length * 32;
  const slots = basis.patterns.length * SLOTS;
  const parts = dimensions.map((dimension) => ({
    dimension,
    touches: new Int32Array(dimension.size),
    // Plain: per (class, value), the unit values and the equal split's; split: per (slot, value).
    unit: new Cells((dimension.split ? slots : classes) * dimension.size),
    equal: dimension.split ? null : new Cells(classes * dimension.size),
  }));
  const amounts = data.opportunities.amount;
  for (let j = 0; j < journeys.count; j++) {
    const pattern = int32At(basis.patternOf, j);
    if (pattern < 0) continue;
    const o = int32At(journeys.opportunity, j);
    const amount = float64At(amounts, o);
    const { start, end } = journeyRange(journeys, j);
    const equal = amount / (end - start);
    const middle = amount / Math.max(1, int32At(basis.middles, j));
    for (let k = start; k < end; k++) {
      const t = int32At(journeys.touch, k);
      const bits = uint8At(journeys.positions, k);
      // MID is held alone (journeys.ts): a touch is a middle one or holds milestones.
      const unit = bits === MID ? middle : amount;
      const cls = pattern * 32 + bits;
      let held = 0;
      for (let p = 0; p < POSITIONS; p++) if (bits & (POSITION_BITS[p] as number)) held++;
      for (const part of parts) {
        const { dimension, touches } = part;
        const size = dimension.size;
        if (!dimension.split) {
          const d = dimension.of(k, t, o, -1);
          if (d < 0) continue;
          touches[d] = int32At(touches, d) + 1;
          part.unit.add(cls * size + d, unit);
          part.equal?.add(cls * size + d, equal);
          continue;
        }
        for (let p = 0; p < POSITIONS; p++) {
          if (!(bits & (POSITION_BITS[p] as number))) continue;
          const d = dimension.of(k, t, o, p);
          if (d < 0) continue;
          touches[d] = int32At(touches, d) + 1;
          part.unit.add((pattern * SLOTS + p) * size + d, unit);
          part.unit.add((pattern * SLOTS + EQUAL) * size + d, equal / held);
        }
      }
    }
  }
  return parts.map(({ dimension, touches, unit, equal }) => {
    const size = dimension.size;
    const bySlot = new Cells(slots * size);
    if (dimension.split) unit.forEach((cell, value) => bySlot.add(cell, value));
    else {
      unit.forEach((cell, value) => {
        const cls = Math.floor(cell / size);
        const d = cell % size;
        const pattern = cls >> 5;
        const bits = cls & 31;
        for (let p = 0; p < POSITIONS; p++) {
          if (bits & (POSITION_BITS[p] as number)) bySlot.add((pattern * SLOTS + p) * size + d, value);
        }
      });
      equal?.forEach((cell, value) => {
        const cls = Math.floor(cell / size);
        bySlot.add(((cls >> 5) * SLOTS + EQUAL) * size + (cell % size), value);
      });
    }
    const cells: [number, number][] = [];
    bySlot.forEach((cell, value) => cells.push([cell, value]));
    return {
      size,
      slot: Int32Array.from(cells, ([cell]) => Math.floor(cell / size)),
      dim: Int32Array.from(cells, ([cell]) => cell % size),
      value: Float64Array.from(cells, ([, value]) => value),
      touches,
    };
  });
}

/**
 * A run's credit summed by a dimension from its presence-pattern sums, with the entries counted under each value;
 * null for a run whose credits are not a position model's (then the caller sums its per-touch credits).
 */
export function runSums(
  data: Dataset,
  run: { journeys: Journeys; linear?: { factors: Float64Array } },
  dimension: Dimension,
): { credit: Float64Array; touches: Int32Array } | null {
  if (!run.linear) return null;
  const sums = linearSums(data, run.journeys, dimension);
  return { credit: evaluate(sums, run.linear.factors), touches: sums.touches };
}
