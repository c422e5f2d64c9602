import { z } from 'zod';
import { groupRulesSchema, type GroupRule } from './channelGroups';
import { breakdownFieldSchema } from './modelApi';
import { OPPORTUNITY_TYPES } from './importSpec';
import { modelOptionsSchema } from './modelOptions';
import type { VelocityResult } from './velocity';
import type { ModelWorking } from './workingApi';
import type { Breakdowns, FlowFocus, SankeyFlows } from './results';
import { parseIsoDate } from './scope';

/**
 * The report methods of spec 9-11 (merged into api.ts): a run's series by calendar bucket, the pipeline of open
 * deals, and the project's channel-group rules with a preview of what they do.
 */
export const reportArgSchemas = {
  'model:series': z.strictObject({ options: modelOptionsSchema, by: z.enum(['month', 'quarter', 'year']) }),
  'model:pipeline': z.strictObject({
    options: modelOptionsSchema,
    /** The journeys' end (a whole day, UTC); the latest date in the data when absent. */
    asOf: z
      .string()
      .refine((text) => parseIsoDate(text) !== null, { message: 'a date is written YYYY-MM-DD, e.g. 2024-07-01' })
      .optional(),
    /** As model:run takes them: the flows chart's touches, sources kept and filter, and a breakdown field. */
    flows: z.enum(['community', 'all']).default('community'),
    topN: z.number().int().min(1).max(50).default(12),
    focus: z.string().max(300).nullable().default(null),
    breakdownField: breakdownFieldSchema,
  }),
  /** Deal velocity and win rate by community involvement (spec 12) over the options' scope and journeys. */
  'model:velocity': z.strictObject({
    options: modelOptionsSchema,
    type: z.enum(OPPORTUNITY_TYPES).default('new_business'),
    days: z.number().int('D is a whole number of days').min(1, 'D is at least 1 day').max(3650).default(90),
  }),
  /** How a data-driven model reached its weights: Markov's transitions and removals, Shapley's observed sets. */
  'model:working': z.strictObject({ options: modelOptionsSchema }),
  'groups:get': z.strictObject({}),
  /** Replaces the project's rules, checked whole first (a field the project's touchpoints lack is refused). */
  'groups:set': z.strictObject({ rules: groupRulesSchema }),
  /** What `rules` would do, without saving them: each reported channel, the raw channels in it and their touches. */
  'groups:preview': z.strictObject({ rules: groupRulesSchema }),
};

/** One calendar bucket of a series (spec 9): its figures cover the in-scope deals the bucket holds. */
export interface SeriesBucketView {
  /** `2024-07`, `2024-Q3` or `2024`. */
  bucket: string;
  revenue: number;
  attributed: number;
  byChannel: { channel: string; credit: number }[];
  car: { attributed: number; influenced: number; sourced: number };
}

/** Pipeline figures (spec 11), always apart from revenue and never added to it. */
export interface PipelineFigures {
  /** In-scope open deals created at or before the as-of time, and how many of them have no amount (counted as 0). */
  openDeals: number;
  unvaluedDeals: number;
  /** Their amounts: the open pipeline. */
  amount: number;
  /** Pipeline on touches, and pipeline of open deals with no touch. */
  attributed: number;
  unattributed: number;
  byChannel: { channel: string; credit: number }[];
  /** spec 7's rules applied to the open deals. */
  car: { attributed: number; influenced: number; sourced: number };
}

export interface PipelineView extends PipelineFigures {
  /** The as-of time, ISO 8601. */
  asOf: string;
  /** The pipeline's flows from source to open pipeline, filtered to `focus` when the request named a node. */
  flows: SankeyFlows;
  focus: FlowFocus | null;
  /** The pipeline credit by channel, campaign, position... as the revenue breakdowns, filtered to `focus`. */
  breakdowns: Breakdowns;
}

export interface GroupsState {
  rules: GroupRule[];
  /** The editable web-analytics preset (spec 10), offered, never applied unasked. */
  preset: GroupRule[];
  /** Fields a condition can test besides the built-in ones: the touchpoints' custom fields. */
  customFields: string[];
}

export interface GroupPreview {
  /** Each reported channel, largest first: the raw channels in it and how many touches land there. */
  groups: { channel: string; grouped: boolean; touches: number; raw: { channel: string; touches: number }[] }[];
}

export interface ReportResults {
  'model:series': SeriesBucketView[];
  'model:pipeline': PipelineView;
  'model:velocity': VelocityResult;
  /** Null for a model without learned weights. */
  'model:working': ModelWorking | null;
  'groups:get': GroupsState;
  'groups:set': GroupsState;
  'groups:preview': GroupPreview;
}
