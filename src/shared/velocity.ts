import type { OpportunityType } from './importSpec';

/** The three groups of spec 12, by how the community took part in a deal. */
export const VELOCITY_GROUPS = ['sourced', 'influenced', 'none'] as const;
export type VelocityGroupName = (typeof VELOCITY_GROUPS)[number];

/** Fewer deals than this in a group and it is flagged as too small to read (spec 12). */
export const TOO_SMALL_GROUP = 10;

/**
 * One group's figures (spec 12, cli.md `velocity --json`): a figure of won deals is null when the group has no won
 * deal, the win rate when it has no deal.
 */
export interface VelocityGroup {
  deals: number;
  won: number;
  winRate: number | null;
  wonAmount: number | null;
  averageWonAmount: number | null;
  medianDays: number | null;
  meanDays: number | null;
  /** Share of the won deals closed within `days` days of creation. */
  closedWithin: number | null;
  tooSmall: boolean;
}

export interface VelocityResult {
  type: OpportunityType;
  days: number;
  groups: Record<VelocityGroupName, VelocityGroup>;
}
