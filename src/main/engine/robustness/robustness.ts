import { weightsOf, type ModelOptions } from '../../../shared/modelOptions';
import {
  ROBUST_CAR_CATEGORIES,
  withIntervals,
  type BootstrapIntervals,
  type FigureRanges,
  type RobustCarCategory,
  type RobustnessResult,
} from '../../../shared/robustness';
import { float64At } from '../arrays/read';
import type { ModelDataset } from '../run';
import type { Bootstrap } from './bootstrap';
import { categoryIndex } from './figures';
import { modelSpread, type ModelSpread } from './modelSpread';
import { figuresOfRun, roadmapTotal, scopedInput, type ScopedInput } from './scopedInput';
import { weightsObject, normalisedWeights } from './weightGrid';
import { weightSensitivity } from './weightSensitivity';

/**
 * The fast part of spec 13 for the current model, options and scope: each figure's current value, its weight ranges
 * (position models) and its model spread. The bootstrap's intervals are added by `withIntervals`.
 */
export function robustness(dataset: ModelDataset, options: ModelOptions, delta: number): RobustnessResult {
  return robustnessOf(scopedInput(dataset, options), delta);
}

/** `spread` when the caller kept it from an earlier call with the same spreadKey (a weight move leaves it as it is). */
export function robustnessOf(
  input: ScopedInput,
  delta: number,
  spread: ModelSpread = modelSpread(input),
): RobustnessResult {
  const { options, layout, data, journeys } = input;
  const current = figuresOfRun(input, input.current);
  const weights = weightsOf(options);
  const sensitivity =
    weights === null ? null : weightSensitivity(data, journeys, layout, weights, delta, roadmapTotal(input));
  const rangesOf = (f: number): FigureRanges => ({
    value: float64At(current, f),
    ...(sensitivity ? { weightRange: { near: at(sensitivity.near, f), all: at(sensitivity.all, f) } } : {}),
    modelRange: { min: at(spread.min, f), max: at(spread.max, f) },
  });
  const channels = layout.channels
    .map((channel, c) => ({ channel, ...rangesOf(c) }))
    .sort((a, b) => b.value - a.value || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  const byCategory = Object.fromEntries(
    ROBUST_CAR_CATEGORIES.map((category, i) => [category.field, rangesOf(categoryIndex(layout, i))]),
  ) as Record<RobustCarCategory, FigureRanges>;
  return {
    model: options.model,
    options,
    delta,
    weights: weights === null ? null : weightsObject(normalisedWeights(weights)),
    channels,
    car: { attributed: rangesOf(layout.attributed), byCategory },
    bootstrap: null,
  };
}

/** Entry f of a per-figure list (one entry per figure of the layout, by construction). */
function at<T>(list: readonly T[], f: number): T {
  return list[f] as T;
}

/** The intervals of a finished bootstrap, by channel name and CAR figure. */
export function bootstrapIntervals(input: ScopedInput, bootstrap: Bootstrap, seed: number): BootstrapIntervals {
  const { low, high } = bootstrap.intervals();
  const { layout } = input;
  const interval = (f: number) => ({ low: float64At(low, f), high: float64At(high, f) });
  return {
    info: { resamples: bootstrap.done, seed, opportunities: bootstrap.opportunities },
    channels: Object.fromEntries(layout.channels.map((channel, c) => [channel, interval(c)])),
    car: {
      attributed: interval(layout.attributed),
      byCategory: Object.fromEntries(
        ROBUST_CAR_CATEGORIES.map((category, i) => [category.field, interval(categoryIndex(layout, i))]),
      ) as Record<RobustCarCategory, { low: number; high: number }>,
    },
  };
}

export { withIntervals };
