import type { ModelOptions } from '../../../shared/modelOptions';
import type { Dataset } from '../arrays/dataset';
import { float64At } from '../arrays/read';
import type { AttributionRun } from '../models/attribute';
import { actionTypeDimension, channelDimension, communityUpgradeDimension } from '../models/dimensions';
import type { Journeys } from '../models/journeys';
import { runSums } from '../models/patterns';
import { runModel, type ModelDataset } from '../run';
import { addCredits, emptySums, figureLayout, figuresOf, roadmapPerJourney, type FigureLayout } from './figures';

/**
 * What every robustness measure starts from: the current run's (grouped) data and in-scope journeys (spec 9, 10),
 * the figure layout, and roadmap's attributed CAR per journey (the one figure no credit moves).
 */
export interface ScopedInput {
  options: ModelOptions;
  data: Dataset;
  journeys: Journeys;
  inScope: Uint8Array | null;
  layout: FigureLayout;
  roadmap: Float64Array;
  /** The current run, whose figures are each range's current value. */
  current: AttributionRun;
}

export function scopedInput(dataset: ModelDataset, options: ModelOptions): ScopedInput {
  const run = runModel(dataset, options);
  const { data, attribution } = run;
  const { journeys, inScope } = attribution;
  return {
    options,
    data,
    journeys,
    inScope,
    layout: figureLayout(data),
    roadmap: roadmapPerJourney(data, dataset.community, journeys, options.roadmapShare, inScope),
    current: attribution,
  };
}

export function roadmapTotal(input: ScopedInput): number {
  return input.roadmap.reduce((sum, value) => sum + value, 0);
}

/**
 * The figures of a run over the input's journeys: a position model's from its presence-pattern sums (spec 8), any
 * other's from its per-touch credits.
 */
export function figuresOfRun(input: ScopedInput, run: AttributionRun): Float64Array {
  const { data, layout } = input;
  const roadmap = roadmapTotal(input);
  const byChannel = runSums(data, run, channelDimension(data));
  const byActionType = runSums(data, run, actionTypeDimension(data));
  const upgrade = runSums(data, run, communityUpgradeDimension(data));
  if (byChannel && byActionType && upgrade) {
    return figuresOf(layout, {
      byChannel: byChannel.credit,
      byActionType: byActionType.credit,
      upgrade: float64At(upgrade.credit, 0),
      roadmap,
    });
  }
  const sums = { ...emptySums(data), roadmap };
  addCredits(data, input.journeys, run.credits, sums);
  return figuresOf(layout, sums);
}
