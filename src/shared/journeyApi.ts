import { z } from 'zod';
import { reportScopeSchema } from './scope';
import { modelOptionsSchema, type ModelName, type ModelOptions } from './modelOptions';
import type { PositionName } from './vocabulary/positions';

/** Journey methods of the API (merged into api.ts): find one opportunity and show how its credit was computed. */
export const journeyArgSchemas = {
  'journey:search': z.strictObject({
    query: z.string().trim().min(1, 'type part of an id, a name or an account').max(200),
    limit: z.number().int().min(1).max(50).default(20),
    /** The report scope (spec 9): only its opportunities are found. */
    scope: reportScopeSchema.default({}),
  }),
  'journey:detail': z.strictObject({
    opportunityId: z.string().min(1, 'an opportunity id is required').max(200),
    options: modelOptionsSchema,
  }),
};

export type OpportunityTypeName = 'new_business' | 'upgrade' | 'renewal';
export type StageName = 'won' | 'lost' | 'open';

export interface OpportunityMatch {
  opportunityId: string;
  name: string | null;
  accountId: string;
  type: OpportunityTypeName;
  stage: StageName;
  amount: number;
  /** UTC milliseconds, or null while open. */
  closedAt: number | null;
}

export interface JourneyTouch {
  kind: 'community' | 'marketing';
  id: string;
  channel: string;
  occurredAt: number;
  positions: PositionName[];
  credit: number;
  /** The arithmetic that gave this credit, in a plain sentence. */
  rule: string;
}

export interface JourneyDetail extends Omit<OpportunityMatch, 'closedAt'> {
  createdAt: number;
  closedAt: number | null;
  /** Built as an upgrade mini-journey (spec 4): FT and LC do not exist in it. */
  restarted: boolean;
  policy: ModelOptions['upgradePolicy'];
  model: ModelName;
  /** Won and lost deals have journeys; open ones are pipeline and have none (spec 2). */
  hasJourney: boolean;
  touches: JourneyTouch[];
  /** Sum of the touches' credits. */
  total: number;
  /** A won deal with no touch: its amount stays unattributed (spec 5). */
  unattributed: boolean;
  /** Why there is nothing to credit (open, lost, no touch), or null. */
  note: string | null;
}

export interface JourneyResults {
  'journey:search': OpportunityMatch[];
  'journey:detail': JourneyDetail;
}
