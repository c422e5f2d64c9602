/**
 * What the engine answers, as plain data: the shapes the API, the CLI's JSON and the UI share. The engine in
 * src/main/engine computes them; nothing here computes.
 */

import type { PositionName } from './vocabulary/positions';
import type { SankeyNodeKind } from './vocabulary/sankeyNodes';

export type { PositionName };

/** How a community action sourced an opportunity (spec 7). */
export const SOURCE_KINDS = [
  'internal_referral',
  'external_referral',
  'job_move',
  'first_touch',
  'opportunity_creation',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface RoadmapCar {
  /** roadmap_share x influenced. */
  attributed: number;
  /** "Revenue at stake": the amount of the roadmap-influenced opportunities. */
  influenced: number;
  opportunities: RoadmapOpportunity[];
  /** Each requesting member's equal part of the attributed amount of every opportunity they influenced. */
  byMember: { memberId: string; attributed: number }[];
}

export interface RoadmapOpportunity {
  opportunityId: string;
  amount: number;
  /** The linked features that shipped before the close and were requested before they shipped. */
  features: string[];
  /** The members who requested those features before they shipped. */
  members: string[];
}

/** One group of renewals in the churn comparison (spec 7, `churn_reduction`). */
export interface GroupStats {
  renewals: number;
  won: number;
  amount: number;
  wonAmount: number;
  /** wonAmount / amount; 0 for an empty group (or one of zero amount), never NaN. */
  retention: number;
  empty: boolean;
}

export interface ChurnComparison {
  /** max(0, retention_engaged - retention_other) x the engaged group's renewal amount. */
  retained: number;
  /** 95% percentile interval of `retained` over the bootstrap resamples. */
  interval: [number, number];
  engaged: GroupStats;
  other: GroupStats;
  resamples: number;
  /** Says when a group is empty and its retention is reported as 0; null otherwise. */
  note: string | null;
}

export interface SegmentChurn extends ChurnComparison {
  /** The account segment; null for accounts without one. */
  segment: string | null;
}

export interface ChurnReduction extends ChurnComparison {
  caveat: string;
  bySegment: SegmentChurn[];
}

export interface SourcedOpportunity {
  opportunityId: string;
  amount: number;
  source: SourceKind;
  actionId: string;
  at: number;
}

/** A link that names a lost or open opportunity: shown, never revenue (spec 2). */
export interface LinkedNotWon {
  opportunityId: string;
  stage: 'lost' | 'open';
  amount: number;
  source: SourceKind;
  actionId: string;
  at: number;
}

/** Community-attributed revenue (spec 7): plain data, ready for JSON. */
export interface CarResult {
  /** The three measures of spec 7, never added to each other. */
  attributed: number;
  influenced: number;
  sourced: number;
  byCategory: {
    internal_referral: { attributed: number; sourced: number };
    external_referral: { attributed: number; sourced: number };
    job_move: { attributed: number; sourced: number };
    upgrade: { attributed: number; influenced: number; sourced: number };
    roadmap: RoadmapCar;
    churn_reduction: ChurnReduction;
    engagement: { attributed: number };
  };
  communityTouchesPerWonDeal: number;
  attributedByPosition: Record<PositionName, number>;
  /** Won opportunities sourced by the community, each once with its earliest source, by opportunity id. */
  sourcedOpportunities: SourcedOpportunity[];
  /** Opportunities a link names that are not won (earliest link each), by opportunity id. */
  linkedNotWon: LinkedNotWon[];
}

/** One row of a breakdown: `touches` counts the journey-touch entries of won journeys that fell in it. */
export interface BreakdownEntry {
  key: string;
  label: string;
  credit: number;
  touches: number;
}

/** Community credit by member: the largest members, the rest in one bucket, and how many members there are. */
export interface MemberBreakdown {
  top: BreakdownEntry[];
  /** Every member past the top ones (key OTHER_MEMBERS_KEY), or null when there are none. */
  other: BreakdownEntry | null;
  members: number;
}

/**
 * Credit by the value of one custom field of the credited deals (the opportunity's, else its account's): the values
 * with the most credit (key `value:<value>`, '' = no value), the rest in one entry, and how many values there are.
 */
export interface FieldBreakdown {
  field: string;
  top: BreakdownEntry[];
  other: BreakdownEntry | null;
  values: number;
}

/**
 * The aggregates the UI and exports show for one run (plain data, ready for JSON). Every list is sorted by credit
 * descending, then key in code-unit order, and lists only keys with a touch in a won journey, so no result depends
 * on row order. byChannel, byCampaign, byTouchKind, byPosition and byOpportunityType each sum to `attributed`;
 * byActionType and byMember cover community touches only and sum to the community entry of byTouchKind.
 */
export interface Breakdowns {
  attributed: number;
  byChannel: BreakdownEntry[];
  byCampaign: BreakdownEntry[];
  byTouchKind: BreakdownEntry[];
  byPosition: BreakdownEntry[];
  byActionType: BreakdownEntry[];
  byMember: MemberBreakdown;
  byOpportunityType: BreakdownEntry[];
  /** By the custom field a request named (sums to `attributed`); null when none was asked for. */
  byField: FieldBreakdown | null;
  /** Won deals with no touch (spec 5): they keep their amount here. */
  unattributed: { amount: number; count: number };
}

export type SankeyLayer = 0 | 1 | 2 | 3;

/** Source, journey position, opportunity type, won revenue. */

export interface SankeyNode {
  id: string;
  /** What the node stands for: read this, never the id. */
  kind: SankeyNodeKind;
  label: string;
  layer: SankeyLayer;
  value: number;
}

export interface SankeyLink {
  source: string;
  target: string;
  value: number;
}

/** Ready for @nivo/sankey (`data={{ nodes, links }}`, `sort="input"` keeps the order given here). */
export interface SankeyFlows {
  nodes: SankeyNode[];
  links: SankeyLink[];
  /** Attributed revenue in scope: the sum of the links into "Won revenue". */
  total: number;
}

/** The Sankey node the results are filtered to, with the attributed revenue that flows through it. */
export interface FlowFocus {
  id: string;
  label: string;
  attributed: number;
}
