import { z } from 'zod';
import { reportScopeSchema } from './scope';
import { modelOptionsSchema, type ModelName, type ModelOptions } from './modelOptions';
import type { PositionName } from './vocabulary/positions';

/** What the opportunity list sorts by. */
export const OPPORTUNITY_SORT_COLUMNS = ['amount', 'closedAt', 'touches', 'communityTouches'] as const;
export type OpportunitySortColumn = (typeof OPPORTUNITY_SORT_COLUMNS)[number];
/** The most rows one page of the list holds: the renderer asks for the window it shows. */
export const OPPORTUNITY_PAGE_LIMIT = 200;

/** Journey methods of the API (merged into api.ts): find one opportunity and show how its credit was computed. */
export const journeyArgSchemas = {
  'journey:list': z.strictObject({
    /** The report scope (spec 9): only its opportunities are listed. */
    scope: reportScopeSchema.default({}),
    /** All stages when absent. */
    stage: z.enum(['won', 'lost', 'open']).optional(),
    /** Part of an id, a name or an account; none lists every opportunity. */
    text: z.string().trim().max(200).optional(),
    sort: z
      .strictObject({
        column: z.enum(OPPORTUNITY_SORT_COLUMNS),
        direction: z.enum(['ascending', 'descending']),
      })
      .default({ column: 'amount', direction: 'descending' }),
    offset: z.number().int().min(0).default(0),
    limit: z.number().int().min(1).max(OPPORTUNITY_PAGE_LIMIT).default(OPPORTUNITY_PAGE_LIMIT),
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

export type OpportunityListArgs = z.output<(typeof journeyArgSchemas)['journey:list']>;

/** One row of the opportunity list; figures a deal lacks are null, never a reason to drop it. */
export interface OpportunityRow {
  opportunityId: string;
  name: string | null;
  accountId: string | null;
  /** The account's name (accounts.name; issue 17, people not ids), null when it has none or is not in the project. */
  accountName: string | null;
  type: OpportunityTypeName;
  stage: StageName;
  amount: number | null;
  createdAt: number;
  /** UTC milliseconds, or null while open. */
  closedAt: number | null;
  /** Touches of its journey under the default journey options; null for an open deal, which has none (spec 2). */
  touches: number | null;
  communityTouches: number | null;
}

export interface OpportunityListResult<Row = OpportunityRow> {
  /** How many opportunities pass the scope and the filters, all pages together. */
  total: number;
  offset: number;
  rows: Row[];
}

/**
 * Who made a touch (issue 17, people not ids): the contact of a marketing touch, the community member of a community
 * one. `name` is the contact's first and last name or the member's name, null when the data gives none.
 */
export interface TouchPerson {
  id: string;
  name: string | null;
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
  /** Null for a touchpoint that names an account but no contact. */
  person: TouchPerson | null;
}

export interface JourneyDetail extends Omit<OpportunityMatch, 'closedAt'> {
  /** As in OpportunityRow. */
  accountName: string | null;
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
  'journey:list': OpportunityListResult;
  'journey:detail': JourneyDetail;
}
