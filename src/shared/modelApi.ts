import { z } from 'zod';
import { modelOptionsSchema, type ModelOptions } from './modelOptions';
import type { Breakdowns, CarResult, SankeyFlows } from './results';

/** Model methods of the API (merged into api.ts): the engine computes, the UI receives aggregates only. */
export const modelArgSchemas = {
  'model:attribute': z.strictObject({ options: modelOptionsSchema }),
  'model:car': z.strictObject({ options: modelOptionsSchema }),
  'model:flows': z.strictObject({
    options: modelOptionsSchema,
    scope: z.enum(['community', 'all']).default('community'),
    topN: z.number().int().min(1).max(50).default(12),
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

export interface ModelResults {
  'model:attribute': AttributionSummary;
  'model:car': CarResult;
  'model:flows': SankeyFlows;
}
