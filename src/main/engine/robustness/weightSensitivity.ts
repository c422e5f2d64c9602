import { ALL_GRID_STEP, NEAR_GRID_STEP, type WeightRange } from '../../../shared/robustness';
import type { PositionWeights } from '../../../shared/modelOptions';
import type { Dataset } from '../arrays/dataset';
import { float64At, int32At } from '../arrays/read';
import { actionTypeDimension, channelDimension, communityUpgradeDimension } from '../models/dimensions';
import type { Journeys } from '../models/journeys';
import { factorsInto, FACTOR_SLOTS, linearSums, patternBasis, prepareSums, type LinearSums } from '../models/patterns';
import { figureTargets, type FigureLayout } from './figures';
import {
  forEachGridPoint,
  namedPoints,
  nearRegion,
  normalisedWeights,
  regionVertices,
  weightsObject,
  WHOLE_SIMPLEX,
  type WeightRegion,
  type WeightVector,
} from './weightGrid';

/** Per figure (figures.ts layout), its range over the ±d neighbourhood and over every weighting. */
export interface WeightSensitivity {
  near: WeightRange[];
  all: WeightRange[];
  /** How many weightings each region was evaluated at. */
  points: { near: number; all: number };
}

/**
 * Weight sensitivity of a position model (spec 13): every figure's minimum and maximum over the ±d neighbourhood and
 * over the whole simplex, each with the weights reaching it. Each weighting costs O(patterns x positions x values)
 * from the presence-pattern sums of spec 8 (models/patterns.ts), never a pass over the touches, so the ~10,600
 * points of the whole simplex take the time of a few weight-slider moves. `journeys` are the run's (in-scope) ones;
 * `roadmap` is roadmap's attributed CAR, which no weight moves.
 */
export function weightSensitivity(
  data: Dataset,
  journeys: Journeys,
  layout: FigureLayout,
  weights: PositionWeights,
  delta: number,
  roadmap: number,
): WeightSensitivity {
  const basis = patternBasis(data, journeys);
  const coefficients = figureCoefficients(data, journeys, layout);
  const slots = basis.patterns.length * FACTOR_SLOTS;
  const factors = new Float64Array(slots);
  const figures = new Float64Array(layout.size);
  const roadmapAt = figureTargets(layout).roadmap;
  const figuresAt = (w: WeightVector): Float64Array => {
    factorsInto(basis, w, factors);
    figures.fill(0);
    for (let slot = 0; slot < slots; slot++) {
      const factor = float64At(factors, slot);
      if (factor === 0) continue;
      const row = slot * layout.size;
      for (let f = 0; f < layout.size; f++)
        figures[f] = float64At(figures, f) + factor * float64At(coefficients, row + f);
    }
    figures[roadmapAt] = roadmap;
    return figures;
  };
  const current = normalisedWeights(weights);
  const near = scanRegion(nearRegion(current, delta), current, NEAR_GRID_STEP, current, figuresAt, layout.size);
  const origin = new Float64Array(current.length).fill(100 / current.length);
  const all = scanRegion(WHOLE_SIMPLEX, origin, ALL_GRID_STEP, current, figuresAt, layout.size);
  return { near: near.ranges, all: all.ranges, points: { near: near.points, all: all.points } };
}

/**
 * The presence-pattern coefficients (spec 8) summed straight into figures: per (pattern, slot), what one unit of its
 * factor adds to each figure. A weighting's figures are then one pass over patterns x slots x figures.
 */
function figureCoefficients(data: Dataset, journeys: Journeys, layout: FigureLayout): Float64Array {
  const channel = channelDimension(data);
  const action = actionTypeDimension(data);
  const upgrade = communityUpgradeDimension(data);
  prepareSums(data, journeys, [channel, action, upgrade]);
  const slots = patternBasis(data, journeys).patterns.length * FACTOR_SLOTS;
  const coefficients = new Float64Array(slots * layout.size);
  const targets = figureTargets(layout);
  const add = (sums: LinearSums, figuresOf: (value: number) => readonly number[]): void => {
    for (let e = 0; e < sums.value.length; e++) {
      const row = int32At(sums.slot, e) * layout.size;
      for (const f of figuresOf(int32At(sums.dim, e))) {
        coefficients[row + f] = float64At(coefficients, row + f) + float64At(sums.value, e);
      }
    }
  };
  add(linearSums(data, journeys, channel), (c) => [c]);
  add(linearSums(data, journeys, action), (a) => targets.byActionType[a] ?? []);
  add(linearSums(data, journeys, upgrade), () => [targets.upgrade]);
  return coefficients;
}

/**
 * Evaluates the region's named points (current first, so a figure no weight moves reports the current weights), its
 * vertices and its grid, keeping each figure's first minimum and maximum.
 */
function scanRegion(
  region: WeightRegion,
  origin: WeightVector,
  step: number,
  current: WeightVector,
  figuresAt: (w: WeightVector) => Float64Array,
  size: number,
): { ranges: WeightRange[]; points: number } {
  const min = new Float64Array(size).fill(Infinity);
  const max = new Float64Array(size).fill(-Infinity);
  const minAt: WeightVector[] = new Array<WeightVector>(size).fill(current);
  const maxAt: WeightVector[] = new Array<WeightVector>(size).fill(current);
  let points = 0;
  const visit = (w: WeightVector): void => {
    points++;
    const figures = figuresAt(w);
    let copy: WeightVector | null = null;
    for (let f = 0; f < size; f++) {
      const value = float64At(figures, f);
      if (value < float64At(min, f)) {
        min[f] = value;
        minAt[f] = copy ??= w.slice();
      }
      if (value > float64At(max, f)) {
        max[f] = value;
        maxAt[f] = copy ??= w.slice();
      }
    }
  };
  for (const w of namedPoints(region, current)) visit(w);
  for (const w of regionVertices(region)) visit(w);
  forEachGridPoint(region, origin, step, visit);
  const ranges = Array.from({ length: size }, (_, f) => ({
    min: { value: float64At(min, f), weights: weightsObject(minAt[f] as WeightVector) },
    max: { value: float64At(max, f), weights: weightsObject(maxAt[f] as WeightVector) },
  }));
  return { ranges, points };
}
