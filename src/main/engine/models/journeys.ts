import { isWon, STAGE_IDS, OPPORTUNITY_TYPE_IDS, type Dataset } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';

/** Journey positions (spec 3-5) as bits: one touch may hold several milestones, whose credits add. */
export const FT = 1;
export const LC = 2;
export const OC = 4;
export const CW = 8;
export const MID = 16;
export const POSITION_BITS = [FT, LC, OC, CW, MID] as const;
export { POSITION_NAMES, type PositionName } from '../../../shared/vocabulary/positions';

export type UpgradePolicy = 'restart-at-opportunity' | 'account-lifetime';

export interface JourneyOptions {
  /** 0 = unlimited (spec 3: the account's whole history). */
  lookbackDays: number;
  upgradePolicy: UpgradePolicy;
}

/**
 * The journey of every won or lost opportunity, in compressed rows: journey j holds the touches
 * `touch[start[j] .. start[j + 1])` in spec-1 order, each with its position bits. A journey may be empty (a won one
 * is then unattributed). Open opportunities have none: they are pipeline, never credited (spec 2).
 */
export interface Journeys {
  count: number;
  opportunity: Int32Array;
  start: Int32Array;
  touch: Int32Array;
  positions: Uint8Array;
  /** Whether the journey was built as an upgrade mini-journey (spec 4), so FT and LC cannot exist. */
  restarted: Uint8Array;
  /**
   * Pipeline journeys (spec 11): the open deals', built up to the as-of time in place of closed_at, with no CW,
   * each credited with its amount; `endAt` is that time. Absent for the won and lost journeys of revenue.
   */
  pipeline?: { asOf: number };
}

/** Whether journey j carries credit: a won deal's, or any pipeline journey's (spec 2, spec 11). */
export function isCredited(data: Dataset, journeys: Journeys, j: number): boolean {
  return journeys.pipeline !== undefined || isWon(data.opportunities, int32At(journeys.opportunity, j));
}

/** When journey j ends: its deal's closed_at, or the as-of time of a pipeline journey (time decay counts from it). */
export function journeyEnd(data: Dataset, journeys: Journeys, j: number): number {
  return journeys.pipeline?.asOf ?? float64At(data.opportunities.closedAt, int32At(journeys.opportunity, j));
}

/**
 * Journey j's touches: the slots [start, end) of `touch`, `positions` and every array aligned with them (a run's
 * credits). Read once per journey, so the loop over its touches compares with a local.
 */
export function journeyRange(journeys: Journeys, j: number): { start: number; end: number } {
  return { start: int32At(journeys.start, j), end: int32At(journeys.start, j + 1) };
}

const DAY_MS = 86_400_000;

/** First index in [from, to) whose time is >= t (or > t when `after`). */
function search(times: Float64Array, from: number, to: number, t: number, after: boolean): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const value = float64At(times, mid);
    if (value < t || (after && value === t)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Builds journeys (spec 3 and 4). They depend on the data and these options only, never on model weights, so a
 * weight change recomputes credits without rebuilding them (spec 8).
 */
export function buildJourneys(data: Dataset, options: JourneyOptions): Journeys {
  return journeysOf(data, options, null);
}

/**
 * The journeys of the open deals created at or before `asOf` (spec 11): built as in spec 3-4 with `asOf` in place
 * of closed_at; CW does not exist in them (its weight is spread as for any missing position, spec 5).
 */
export function buildPipelineJourneys(data: Dataset, options: JourneyOptions, asOf: number): Journeys {
  return { ...journeysOf(data, options, asOf), pipeline: { asOf } };
}

function journeysOf(data: Dataset, options: JourneyOptions, asOf: number | null): Journeys {
  const { opportunities: opps, touches } = data;
  const times = touches.occurredAt;
  // Only upgrades and renewals restarted at their opportunity look back at the account's won deals (spec 4).
  let wonClosings: WonClosing[][] | undefined;
  // Filled in place, grown when a journey might not fit: journeys of a million deals pushed onto arrays of numbers, then
  // copied into typed ones, were a fifth of a one-model run at a million small journeys, much of it garbage collection.
  const opportunity = new Int32Array(opps.count);
  const start = new Int32Array(opps.count + 1);
  const restarted = new Uint8Array(opps.count);
  let touch = new Int32Array(Math.max(16, touches.count));
  let positions = new Uint8Array(touch.length);
  let count = 0;
  let n = 0;

  for (let o = 0; o < opps.count; o++) {
    const stage = uint8At(opps.stage, o);
    let closedAt = float64At(opps.closedAt, o);
    if (asOf === null) {
      if (stage === STAGE_IDS.open || Number.isNaN(closedAt)) continue;
    } else {
      if (stage !== STAGE_IDS.open || float64At(opps.createdAt, o) > asOf) continue;
      closedAt = asOf;
    }
    const cw = asOf === null ? CW : 0;
    const account = int32At(opps.account, o);
    const createdAt = float64At(opps.createdAt, o);
    const from = int32At(touches.accountStart, account);
    const to = int32At(touches.accountStart, account + 1);
    if (n + (to - from) > touch.length) {
      const grown = new Int32Array(Math.max(2 * touch.length, n + (to - from)));
      grown.set(touch);
      touch = grown;
      const grownPositions = new Uint8Array(grown.length);
      grownPositions.set(positions);
      positions = grownPositions;
    }
    // spec 3: lookback_start = created_at - lookback_days; 0 means the account's whole history.
    const lookbackStart = options.lookbackDays > 0 ? createdAt - options.lookbackDays * DAY_MS : -Infinity;
    const end = search(times, from, to, closedAt, true); // touches at or before closed_at
    const isUpgrade = uint8At(opps.type, o) !== OPPORTUNITY_TYPE_IDS.new_business;
    const restart = isUpgrade && options.upgradePolicy === 'restart-at-opportunity';
    const first = n;

    if (!restart) {
      const begin = search(times, from, end, lookbackStart, false);
      for (let i = begin; i < end; i++) {
        touch[n] = i;
        positions[n++] = 0;
      }
      if (end > begin) {
        positions[first] = uint8At(positions, first) | FT;
        positions[n - 1] = uint8At(positions, n - 1) | cw;
        const lead = float64At(data.leadCreatedAt, account);
        // LC: the last touch at or before the lead creation of the account's earliest-created contact.
        if (!Number.isNaN(lead)) markLast(times, touch, positions, first, n, lead, LC);
        markLast(times, touch, positions, first, n, createdAt, OC);
      }
    } else {
      // spec 4: the OC touch is the last one after the previous won deal's close, then (created_at, closed_at].
      const previous = previousWonClose((wonClosings ??= wonClosingsByAccount(data))[account], createdAt, o);
      const after = search(times, from, end, createdAt, true);
      const floor = Math.max(previous, lookbackStart);
      if (after > from) {
        const oc = after - 1;
        const t = float64At(times, oc);
        if (t > previous && t >= floor) {
          touch[n] = oc;
          positions[n++] = OC;
        }
      }
      for (let i = after; i < end; i++) {
        touch[n] = i;
        positions[n++] = 0;
      }
      if (n > first) positions[n - 1] = uint8At(positions, n - 1) | cw;
    }
    for (let k = first; k < n; k++) if (positions[k] === 0) positions[k] = MID;
    opportunity[count] = o;
    restarted[count] = restart ? 1 : 0;
    start[++count] = n;
  }
  return {
    count,
    opportunity: opportunity.slice(0, count),
    start: start.slice(0, count + 1),
    touch: touch.slice(0, n),
    positions: positions.slice(0, n),
    restarted: restarted.slice(0, count),
  };
}

/** Marks the last journey touch in [first, end) at or before `t` with `bit`, if there is one. */
function markLast(
  times: Float64Array,
  touch: Int32Array,
  positions: Uint8Array,
  first: number,
  end: number,
  t: number,
  bit: number,
): void {
  for (let k = end - 1; k >= first; k--) {
    if (float64At(times, int32At(touch, k)) <= t) {
      positions[k] = uint8At(positions, k) | bit;
      return;
    }
  }
}

interface WonClosing {
  closedAt: number;
  opportunity: number;
}

function wonClosingsByAccount(data: Dataset): WonClosing[][] {
  const byAccount: WonClosing[][] = [];
  const opps = data.opportunities;
  for (let o = 0; o < opps.count; o++) {
    const closedAt = float64At(opps.closedAt, o);
    if (!isWon(opps, o) || Number.isNaN(closedAt)) continue;
    const account = int32At(opps.account, o);
    (byAccount[account] ??= []).push({ closedAt, opportunity: o });
  }
  return byAccount;
}

/** P of spec 4: the latest close of the account's other won deals at or before `createdAt`; -Infinity if none. */
function previousWonClose(closings: WonClosing[] | undefined, createdAt: number, self: number): number {
  let latest = -Infinity;
  for (const closing of closings ?? []) {
    if (closing.opportunity !== self && closing.closedAt <= createdAt && closing.closedAt > latest) {
      latest = closing.closedAt;
    }
  }
  return latest;
}
