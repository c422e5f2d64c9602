import type { ChurnComparison, CarResult, GroupStats } from '../../shared/results';

/** Rounds an amount to the project currency's minor unit (shared/money.ts: roundMoney). */
export type RoundMoney = (value: number) => number;

/**
 * The CAR object of `--json` with every amount rounded to the minor unit. Counts, retention rates, resample counts,
 * times and touches per deal are not money and stay as they are.
 */
export function roundCarMoney(car: CarResult, round: RoundMoney): CarResult {
  const c = car.byCategory;
  const group = (stats: GroupStats): GroupStats => ({
    ...stats,
    amount: round(stats.amount),
    wonAmount: round(stats.wonAmount),
  });
  const churn = <T extends ChurnComparison>(comparison: T): T => ({
    ...comparison,
    retained: round(comparison.retained),
    interval: [round(comparison.interval[0]), round(comparison.interval[1])],
    engaged: group(comparison.engaged),
    other: group(comparison.other),
  });
  const amount = <T extends { amount: number }>(row: T): T => ({ ...row, amount: round(row.amount) });
  return {
    ...car,
    ...roundAll({ attributed: car.attributed, influenced: car.influenced, sourced: car.sourced }, round),
    byCategory: {
      internal_referral: roundAll(c.internal_referral, round),
      external_referral: roundAll(c.external_referral, round),
      job_move: roundAll(c.job_move, round),
      upgrade: roundAll(c.upgrade, round),
      roadmap: {
        ...c.roadmap,
        attributed: round(c.roadmap.attributed),
        influenced: round(c.roadmap.influenced),
        opportunities: c.roadmap.opportunities.map(amount),
        byMember: c.roadmap.byMember.map((row) => ({ ...row, attributed: round(row.attributed) })),
      },
      churn_reduction: { ...churn(c.churn_reduction), bySegment: c.churn_reduction.bySegment.map(churn) },
      engagement: roundAll(c.engagement, round),
    },
    attributedByPosition: roundAll(car.attributedByPosition, round),
    sourcedOpportunities: car.sourcedOpportunities.map(amount),
    linkedNotWon: car.linkedNotWon.map(amount),
  };
}

/** An object whose every field is an amount, each rounded. */
function roundAll<T extends Record<string, number>>(amounts: T, round: RoundMoney): T {
  return Object.fromEntries(Object.entries(amounts).map(([key, value]) => [key, round(value)])) as T;
}
