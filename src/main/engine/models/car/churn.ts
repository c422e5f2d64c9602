import type { ChurnComparison, ChurnReduction, GroupStats } from '../../../../shared/results';
import { COMMUNITY, isWon, OPPORTUNITY_TYPE_IDS, STAGE_IDS, type Dataset } from '../../arrays/dataset';
import { mulberry32 } from '../random';
import { float64At, int32At } from '../../arrays/read';

export const CHURN_CAVEAT =
  'Correlation, not causation, unless the groups are comparable: engaged accounts may renew more for other reasons.';
export const BOOTSTRAP_RESAMPLES = 1000;
/** spec 7: engaged = a community action in the 365 days before the renewal's close, both ends included. */
const YEAR_MS = 365 * 86_400_000;

interface Renewal {
  amount: number;
  won: boolean;
  engaged: boolean;
  segment: string | null;
}

/**
 * spec 7, churn reduction: renewals won or lost, engaged when the account holds a community touch (an action of a
 * member resolved to it at that time) in `[closed_at - 365 days, closed_at]`. A renewal with no closed_at has no such
 * window and is left out. Intervals come from a seeded bootstrap, one fresh generator per comparison, so the same
 * data and seed give the same intervals, and a segment's interval does not depend on the other segments. With a
 * scope (spec 9), the in-scope renewals only.
 */
export function churnReduction(data: Dataset, seed: number, inScope: Uint8Array | null = null): ChurnReduction {
  const renewals = renewalsOf(data, inScope);
  const overall = compare(renewals, seed);
  const segments = [...new Set(renewals.map((r) => r.segment))].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const bySegment = segments.map((segment) => ({
    segment,
    ...compare(
      renewals.filter((r) => r.segment === segment),
      seed,
    ),
  }));
  return { ...overall, caveat: CHURN_CAVEAT, bySegment };
}

function renewalsOf(data: Dataset, inScope: Uint8Array | null): Renewal[] {
  const { opportunities: opps, touches } = data;
  const renewals: Renewal[] = [];
  for (let o = 0; o < opps.count; o++) {
    const stage = opps.stage[o];
    const closedAt = float64At(opps.closedAt, o);
    if (opps.type[o] !== OPPORTUNITY_TYPE_IDS.renewal || stage === STAGE_IDS.open || Number.isNaN(closedAt)) continue;
    if (inScope !== null && inScope[o] !== 1) continue;
    const account = int32At(opps.account, o);
    let engaged = false;
    const end = int32At(touches.accountStart, account + 1);
    const begin = firstAtOrAfter(touches.occurredAt, int32At(touches.accountStart, account), end, closedAt - YEAR_MS);
    for (let i = begin; i < end; i++) {
      if (float64At(touches.occurredAt, i) > closedAt) break;
      if (touches.kind[i] === COMMUNITY) {
        engaged = true;
        break;
      }
    }
    renewals.push({
      amount: float64At(opps.amount, o),
      won: isWon(opps, o),
      engaged,
      segment: data.accountSegment[account] ?? null,
    });
  }
  return renewals;
}

/** First index in [from, to) whose time is >= t (touches of one account are sorted by time). */
function firstAtOrAfter(times: Float64Array, from: number, to: number, t: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (float64At(times, mid) < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function statsOf(group: Renewal[]): GroupStats {
  let amount = 0;
  let wonAmount = 0;
  let won = 0;
  for (const r of group) {
    amount += r.amount;
    if (r.won) {
      wonAmount += r.amount;
      won++;
    }
  }
  return {
    renewals: group.length,
    won,
    amount,
    wonAmount,
    retention: amount > 0 ? wonAmount / amount : 0,
    empty: group.length === 0,
  };
}

const retainedOf = (engagedRetention: number, otherRetention: number, engagedAmount: number): number =>
  Math.max(0, engagedRetention - otherRetention) * engagedAmount;

function compare(renewals: Renewal[], seed: number): ChurnComparison {
  const engagedGroup = renewals.filter((r) => r.engaged);
  const otherGroup = renewals.filter((r) => !r.engaged);
  const engaged = statsOf(engagedGroup);
  const other = statsOf(otherGroup);
  const retained = retainedOf(engaged.retention, other.retention, engaged.amount);
  const random = mulberry32(seed);
  const samples = new Float64Array(BOOTSTRAP_RESAMPLES);
  for (let s = 0; s < BOOTSTRAP_RESAMPLES; s++) {
    // Resample renewals with replacement within each group, then recompute the whole statistic.
    const e = resample(engagedGroup, random);
    const o = resample(otherGroup, random);
    samples[s] = retainedOf(e.retention, o.retention, e.amount);
  }
  samples.sort();
  const empty = [engaged.empty && 'engaged', other.empty && 'other'].filter((g): g is string => g !== false);
  return {
    retained,
    interval: [quantile(samples, 0.025), quantile(samples, 0.975)],
    engaged,
    other,
    resamples: BOOTSTRAP_RESAMPLES,
    note:
      empty.length === 0
        ? null
        : `No ${empty.join(' or ')} renewals: the retention of an empty group is reported as 0.`,
  };
}

function resample(group: Renewal[], random: () => number): { amount: number; retention: number } {
  let amount = 0;
  let wonAmount = 0;
  for (let i = 0; i < group.length; i++) {
    const r = group[Math.floor(random() * group.length)] as Renewal;
    amount += r.amount;
    if (r.won) wonAmount += r.amount;
  }
  return { amount, retention: amount > 0 ? wonAmount / amount : 0 };
}

/** Percentile with linear interpolation between the order statistics around `q (n - 1)`. */
function quantile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return 0;
  const position = q * (sorted.length - 1);
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  const a = float64At(sorted, lower);
  return a + (float64At(sorted, upper) - a) * (position - lower);
}
