import { weightsOf, type ModelOptions } from '../../shared/modelOptions';
import type { CommunityData } from './arrays/communityData';
import type { Dataset } from './arrays/dataset';
import { attribute, type AttributionRun } from './models/attribute';
import { computeCar, type CarOptions, type CarResult, type Memo } from './models/car';
import { buildJourneys, type Journeys } from './models/journeys';
import { groupedDataset, type ChannelGrouping } from './groups/channelGroups';
import { NO_CUSTOM_FIELDS, scopedRun, type CustomFieldSource } from './scope/scope';

/**
 * What a model runs over: the engine's arrays and the community data. The app's cache (engine/cache/) also keeps,
 * while the data stays the same, the journeys of each journey option and the CAR parts that do not depend on the
 * credits; a one-off run (the CLI) has neither and computes them.
 */
export interface ModelDataset {
  data: Dataset;
  community: CommunityData;
  journeys?(options: ModelOptions): Journeys;
  memo?: Memo;
  /** The project's custom fields, for a scope that filters by one (spec 9); none when absent. */
  fields?: CustomFieldSource;
  /** The project's channel groups (spec 10); the channels as imported when absent. */
  grouping?: ChannelGrouping;
}

/** One model run, as the app, the CLI and the exports present it. */
export interface ModelRunResult {
  options: ModelOptions;
  /** The arrays the run is over: the credits point into them. */
  data: Dataset;
  attribution: AttributionRun;
  /**
   * CAR (spec 7) of the run, with the options' CAR settings. Computed on the first call and kept: a view that shows
   * no CAR (a journey's credit, the credits file) does not pay for it.
   */
  car(): CarResult;
}

/**
 * Runs the model of `options` over `dataset`: the one way every shell runs one. An option is read here, once; a
 * shell only parses it into ModelOptions.
 */
export function runModel(dataset: ModelDataset, options: ModelOptions): ModelRunResult {
  const { community } = dataset;
  // spec 10: every figure reports grouped channels; journeys do not depend on channels, so they are shared.
  const data = dataset.grouping ? groupedDataset(dataset.data, dataset.grouping) : dataset.data;
  // spec 9: journeys are built over all the data, then the scope selects the deals whose journeys count.
  const journeys = dataset.journeys?.(options) ?? buildJourneys(data, options);
  const scoped = scopedRun(data, journeys, options.scope, dataset.fields ?? NO_CUSTOM_FIELDS);
  const attribution = attribute(data, options, scoped.journeys, scoped.mask);
  const carOptions = (): CarOptions => {
    const base = carOptionsOf(options, dataset);
    return scoped.memo ? { ...base, memo: scoped.memo, inScope: scoped.mask } : base;
  };
  let car: CarResult | undefined;
  return {
    options,
    data,
    attribution,
    car: () => (car ??= computeCar(data, community, attribution, carOptions())),
  };
}

/** The CAR settings of a run's options, with the dataset's memo when it keeps one. */
function carOptionsOf(options: ModelOptions, { memo }: ModelDataset): CarOptions {
  const weights = weightsOf(options);
  return {
    referralWindowDays: options.referralWindowDays,
    roadmapShare: options.roadmapShare,
    seed: options.seed,
    ...(memo ? { memo } : {}),
    ...(weights ? { weights } : {}),
  };
}
