import { z } from 'zod';
import { modelOptionsSchema, type ModelOptions } from './modelOptions';
import type { Breakdowns, CarResult, FlowFocus, SankeyFlows } from './results';

/** Model methods of the API (merged into api.ts): the engine computes, the UI receives aggregates only. */
export const modelArgSchemas = {
  'model:attribute': z.strictObject({ options: modelOptionsSchema }),
  'model:car': z.strictObject({ options: modelOptionsSchema }),
  'model:flows': z.strictObject({
    options: modelOptionsSchema,
    scope: z.enum(['community', 'all']).default('community'),
    topN: z.number().int().min(1).max(50).default(12),
  }),
  /**
   * What the Model tab shows, from one run of the model: the three answers above, with the flows and the credit
   * breakdowns filtered to one Sankey node when `focus` names one.
   */
  'model:run': z.strictObject({
    options: modelOptionsSchema,
    scope: z.enum(['community', 'all']).default('community'),
    topN: z.number().int().min(1).max(50).default(12),
    focus: z.string().max(300).nullable().default(null),
  }),
};

export interface AttributionSummary {
  model: string;
  options: ModelOptions;
  revenue: number;
  attributed: number;
  unattributed: number;
  unattributedDeals: number;
  byChannel: { channel: string; credit: number }[];
  breakdowns: Breakdowns;
  removalEffects?: Record<string, number>;
  shapleyValues?: Record<string, number>;
}

export interface ModelRun {
  attribution: AttributionSummary;
  car: CarResult;
  flows: SankeyFlows;
  /** The node the flows and breakdowns are filtered to; null when unfiltered or the node is gone. */
  focus: FlowFocus | null;
}

export interface ModelResults {
  'model:attribute': AttributionSummary;
  'model:car': CarResult;
  'model:flows': SankeyFlows;
  'model:run': ModelRun;
}
