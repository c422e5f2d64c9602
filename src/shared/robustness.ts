import type { ModelName, ModelOptions, PositionWeights } from './modelOptions';
import { CAR_CATEGORIES, type CarCategory } from './vocabulary/carCategories';

/**
 * Robustness of the answer (spec 13): how much each figure depends on the weights chosen, on the model, and on which
 * deals happened to close. One vocabulary for the engine, the API, the studio, the report and the CLI.
 */

/** spec 13: the neighbourhood's default half-width, in weight points. */
export const DEFAULT_ROBUSTNESS_DELTA = 10;
/** spec 13: bootstrap resamples by default. */
export const DEFAULT_RESAMPLES = 200;
/** spec 13: grid steps of the neighbourhood and of the whole simplex, in weight points. */
export const NEAR_GRID_STEP = 2.5;
export const ALL_GRID_STEP = 5;

/**
 * The CAR categories whose attributed value has ranges: those with an attributed measure (spec 7). Churn reduction
 * has none (its retained revenue is a comparison of renewals with an interval of its own, spec 7), so it is left out.
 */
type WithAttributed = Extract<CarCategory, { measures: readonly ('attributed' | 'influenced' | 'sourced')[] }>;
export const ROBUST_CAR_CATEGORIES = CAR_CATEGORIES.filter((category): category is WithAttributed =>
  (category.measures as readonly string[]).includes('attributed'),
);
export type RobustCarCategory = WithAttributed['field'];

/** The built-in models whose spread is reported (spec 13): the eight presets, linear, time decay, Markov 1, Shapley. */
export const SPREAD_MODELS = [
  'first-touch',
  'last-touch',
  'lead-creation',
  'u-shaped',
  'w-shaped',
  'full-path',
  'j-shaped',
  'inverse-j',
  'linear',
  'time-decay',
  'markov',
  'shapley',
] as const satisfies readonly ModelName[];
export type SpreadModel = (typeof SPREAD_MODELS)[number];

export interface WeightExtreme {
  value: number;
  /** The weighting reaching it, in percent summing to 100. */
  weights: PositionWeights;
}

export interface WeightRange {
  min: WeightExtreme;
  max: WeightExtreme;
}

export interface ModelExtreme {
  value: number;
  model: SpreadModel;
}

/** The three ranges of one figure: a channel's credit, attributed CAR or a category's attributed value. */
export interface FigureRanges {
  /** Under the current model, weights and scope. */
  value: number;
  /** Position models only: over the ±d neighbourhood (`near`) and over every weighting (`all`). */
  weightRange?: { near: WeightRange; all: WeightRange };
  modelRange: { min: ModelExtreme; max: ModelExtreme };
  /** The bootstrap's 95% interval, when one ran. */
  interval?: { low: number; high: number };
}

export interface ChannelRanges extends FigureRanges {
  channel: string;
}

/** The bootstrap's settings, and how many resamples it ran. */
export interface BootstrapInfo {
  resamples: number;
  seed: number;
  /** The opportunities drawn from: the in-scope won and lost ones. */
  opportunities: number;
}

export interface RobustnessResult {
  model: ModelName;
  options: ModelOptions;
  /** The neighbourhood's half-width, in weight points. */
  delta: number;
  /** The current weights in percent summing to 100, for a position model. */
  weights: PositionWeights | null;
  /** Largest current credit first, as the model's channel list. */
  channels: ChannelRanges[];
  car: { attributed: FigureRanges; byCategory: Record<RobustCarCategory, FigureRanges> };
  bootstrap: BootstrapInfo | null;
}

/** The bootstrap's intervals alone, as the studio's worker job returns them. */
export interface BootstrapIntervals {
  info: BootstrapInfo;
  channels: Record<string, { low: number; high: number }>;
  car: {
    attributed: { low: number; high: number };
    byCategory: Record<RobustCarCategory, { low: number; high: number }>;
  };
}

/** The result with each figure's bootstrap interval. */
export function withIntervals(result: RobustnessResult, intervals: BootstrapIntervals): RobustnessResult {
  const byCategory = Object.fromEntries(
    ROBUST_CAR_CATEGORIES.map(({ field }) => [
      field,
      { ...result.car.byCategory[field], interval: intervals.car.byCategory[field] },
    ]),
  ) as Record<RobustCarCategory, FigureRanges>;
  return {
    ...result,
    channels: result.channels.map((row) => {
      const interval = intervals.channels[row.channel];
      return interval ? { ...row, interval } : row;
    }),
    car: { attributed: { ...result.car.attributed, interval: intervals.car.attributed }, byCategory },
    bootstrap: intervals.info,
  };
}
