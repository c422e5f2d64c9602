import type { ActionType } from '../../../shared/importSpec';
import { ACTION_TYPES } from '../../../shared/importSpec';
import type { Dictionary } from './dictionary';

/** Touch kinds in the order spec 1 sorts them: strings compared by code unit, and "community" < "marketing". */
export const TOUCH_KINDS = ['community', 'marketing'] as const;
export type TouchKind = (typeof TOUCH_KINDS)[number];
export const COMMUNITY = 0;
export const MARKETING = 1;

export const OPPORTUNITY_TYPE_IDS = { new_business: 0, upgrade: 1, renewal: 2 } as const;
export const STAGE_IDS = { won: 0, lost: 1, open: 2 } as const;
export const NO_ACTION = -1;

export function actionTypeId(type: ActionType): number {
  return ACTION_TYPES.indexOf(type);
}

/**
 * Every touch of the project (spec 1), columnar and sorted by account, then by `(occurred_at, touch_kind,
 * touch_id)`: each account's touches are one contiguous, ordered range. Touches that belong to no account (an
 * unresolved member, a contact of no known account) are not here: no journey can hold them.
 */
export interface Touches {
  count: number;
  kind: Uint8Array;
  id: string[];
  account: Int32Array;
  occurredAt: Float64Array;
  channel: Int32Array;
  /** -1 for none. */
  campaign: Int32Array;
  /** Index into ACTION_TYPES for community touches, -1 for marketing ones. */
  actionType: Int8Array;
  /** Member index for community touches, -1 for marketing ones. */
  member: Int32Array;
  /** Touches of account a are [accountStart[a], accountStart[a + 1]). */
  accountStart: Int32Array;
}

export interface Opportunities {
  count: number;
  id: string[];
  name: (string | null)[];
  account: Int32Array;
  /** OPPORTUNITY_TYPE_IDS */
  type: Uint8Array;
  /** STAGE_IDS */
  stage: Uint8Array;
  amount: Float64Array;
  createdAt: Float64Array;
  /** NaN when not closed. */
  closedAt: Float64Array;
}

/** Whether opportunity o is won: only won deals are revenue, and only their journeys get credit (spec 2). */
export function isWon(opportunities: Opportunities, o: number): boolean {
  return opportunities.stage[o] === STAGE_IDS.won;
}

/** The project as the engine reads it: loaded once, and again only after an import. */
export interface Dataset {
  accounts: Dictionary;
  channels: Dictionary;
  campaigns: Dictionary;
  members: Dictionary;
  touches: Touches;
  opportunities: Opportunities;
  /** Per account: the lead_created_at of its earliest-created contact (spec 3), NaN when none. */
  leadCreatedAt: Float64Array;
  /** Per account: its domain, or null. */
  accountDomain: (string | null)[];
  /** Per account: its segment, or null. */
  accountSegment: (string | null)[];
  /**
   * When channel groups apply (spec 10, engine/groups): the channels as imported, while `channels` and
   * `touches.channel` hold the reported ones. Never part of the loaded arrays or the snapshot.
   */
  rawChannels?: { channels: Dictionary; channel: Int32Array };
}
