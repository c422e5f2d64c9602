import { z } from 'zod';
import { modelOptionsSchema, type ModelOptions } from './modelOptions';
import type { Breakdowns, CarResult, FlowFocus, RoadmapCar, RoadmapOpportunity, SankeyFlows } from './results';

/** The custom field a run's credit is broken down by too (the opportunity's, else its account's), or null. */
export const breakdownFieldSchema = z.string().min(1).max(200).nullable().default(null);

/** Model methods of the API (merged into api.ts): the engine computes, the UI receives aggregates only. */
export const modelArgSchemas = {
  /** The whole CAR of a model, every list uncut: the roadmap panel's CSV of all its opportunities. */
  'model:car': z.strictObject({ options: modelOptionsSchema }),
  /**
   * What the Model tab shows, from one run of the model: the attribution, CAR and Sankey flows, with the flows and
   * the credit breakdowns filtered to one Sankey node when `focus` names one.
   */
  'model:run': z.strictObject({
    options: modelOptionsSchema,
    flows: z.enum(['community', 'all']).default('community'),
    topN: z.number().int().min(1).max(50).default(12),
    focus: z.string().max(300).nullable().default(null),
    /** A custom field of the opportunity or its account to break the credit down by too (breakdowns.byField). */
    breakdownField: breakdownFieldSchema,
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

/** The roadmap category as the Model tab lists it: the largest opportunities, each with its first members. */
export interface RoadmapView extends Pick<RoadmapCar, 'attributed' | 'influenced'> {
  opportunityCount: number;
  memberCount: number;
  opportunities: (RoadmapOpportunity & { otherMembers: number })[];
}

/** CAR with its long lists cut to what a screen shows, and counted (see engine/models/carView.ts). */
export interface CarView extends Omit<CarResult, 'sourcedOpportunities' | 'linkedNotWon' | 'byCategory'> {
  byCategory: Omit<CarResult['byCategory'], 'roadmap'> & { roadmap: RoadmapView };
  sourcedCount: number;
  linkedNotWonCount: number;
}

/**
 * The report scope a run covered (spec 9), for the scope bar and an empty state that says which filter emptied it:
 * each filter in words with the deals (any stage) left once it and the ones before it apply.
 */
export interface ScopeSummary {
  /** The scope in words, `all time` when it selects every deal. */
  label: string;
  allTime: boolean;
  /** Deals of any stage in scope; won ones among them. */
  deals: number;
  wonDeals: number;
  steps: { filter: string; deals: number }[];
  /** The first filter that left no deal, or null. */
  emptiedBy: string | null;
}

export interface ModelRun {
  scope: ScopeSummary;
  attribution: AttributionSummary;
  car: CarView;
  flows: SankeyFlows;
  /** The node the flows and breakdowns are filtered to; null when unfiltered or the node is gone. */
  focus: FlowFocus | null;
}

export interface ModelResults {
  'model:car': CarResult;
  'model:run': ModelRun;
}
