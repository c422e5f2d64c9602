import { z } from 'zod';
import { modelOptionsSchema, type ModelName, type ModelOptions } from './modelOptions';
import type { CarResult, ChurnReduction, RoadmapCar } from './results';

/** A scenario's name as the user typed it, trimmed: the key it is saved and replaced under. */
export const scenarioNameSchema = z
  .string()
  .trim()
  .min(1, 'a scenario needs a name')
  .max(80, 'a scenario name is at most 80 characters');

/** Most models the Compare view runs at once: each is a full model run over the same snapshot. */
export const MAX_COMPARED = 8;

/**
 * Scenario and compare methods of the API (merged into api.ts): named model options saved in the project, and
 * several model runs side by side over the same data.
 */
export const scenarioArgSchemas = {
  'scenario:list': z.strictObject({}),
  'scenario:save': z.strictObject({ name: scenarioNameSchema, options: modelOptionsSchema }),
  'scenario:delete': z.strictObject({ name: scenarioNameSchema }),
  'model:compare': z.strictObject({
    entries: z
      .array(
        z.strictObject({
          label: z.string().trim().min(1, 'each compared model needs a label').max(120),
          options: modelOptionsSchema,
        }),
      )
      .min(1, 'choose at least one model to compare')
      .max(MAX_COMPARED, `compare at most ${MAX_COMPARED} models at once`),
  }),
};

/**
 * A saved scenario. The project file is untrusted, so stored options are validated when read: a row that fails
 * keeps its name and says why (`invalid`) instead of breaking the list.
 */
export type SavedScenario = { name: string; updatedAt: number } & (
  { options: ModelOptions; invalid: null } | { options: null; invalid: string }
);

/** CAR (spec 7) without the per-opportunity and per-member lists: the measures of each category and the totals. */
export interface CarMeasures extends Pick<CarResult, 'attributed' | 'influenced' | 'sourced'> {
  byCategory: Omit<CarResult['byCategory'], 'roadmap' | 'churn_reduction'> & {
    roadmap: Pick<RoadmapCar, 'attributed' | 'influenced'>;
    churn_reduction: Pick<ChurnReduction, 'retained' | 'interval'>;
  };
}

/** One compared model run: aggregates only, no per-touch data. */
export interface ComparedModel {
  label: string;
  model: ModelName;
  options: ModelOptions;
  revenue: number;
  attributed: number;
  unattributed: number;
  /** Sorted by credit descending, then channel; sums to `attributed`. */
  byChannel: { channel: string; credit: number }[];
  car: CarMeasures;
}

export interface ScenarioResults {
  'scenario:list': SavedScenario[];
  /** The list after saving. */
  'scenario:save': SavedScenario[];
  /** The list after deleting. */
  'scenario:delete': SavedScenario[];
  /** One result per entry, in the order given. */
  'model:compare': ComparedModel[];
}
