import type { SeriesBucketView } from '../../../shared/reportApi';
import { COMMUNITY, isWon, STAGE_IDS } from '../arrays/dataset';
import { float64At, int32At, uint8At } from '../arrays/read';
import { journeyRange } from '../models/journeys';
import type { ModelRunResult } from '../run';

export const SERIES_PERIODS = ['month', 'quarter', 'year'] as const;
export type SeriesPeriod = (typeof SERIES_PERIODS)[number];

/** One calendar bucket of a series: the shape the API sends. */
export type SeriesBucket = SeriesBucketView;

/** The bucket of a UTC instant, and its order (months since year 0) for sorting and filling gaps. */
function bucketOf(time: number, by: SeriesPeriod): { label: string; order: number } {
  const date = new Date(time);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  switch (by) {
    case 'month':
      return { label: `${year}-${String(month + 1).padStart(2, '0')}`, order: year * 12 + month };
    case 'quarter':
      return { label: `${year}-Q${Math.floor(month / 3) + 1}`, order: year * 12 + Math.floor(month / 3) * 3 };
    case 'year':
      return { label: String(year), order: year * 12 };
  }
}

const STEP_MONTHS: Record<SeriesPeriod, number> = { month: 1, quarter: 3, year: 12 };

/**
 * A run's figures by calendar bucket (spec 9, series): each in-scope deal is in the bucket of the date that puts it
 * in a period (closed_at for a won or lost deal, created_at for an open one), so the buckets partition the scope and
 * its additive figures (won revenue, credits, attributed, influenced and sourced CAR) sum to the run's. Credits are
 * the run's own: data-driven weights are those of the whole scope. Buckets run from the first deal's to the last's,
 * oldest first, empty ones included, so a chart's axis has no holes.
 */
export function seriesOf(run: ModelRunResult, by: SeriesPeriod): SeriesBucket[] {
  const { data, attribution } = run;
  const opps = data.opportunities;
  const { inScope, journeys, credits } = attribution;
  const bucketIndex = new Int32Array(opps.count).fill(-1);
  const orders: number[] = [];
  const labels = new Map<number, string>();
  for (let o = 0; o < opps.count; o++) {
    if (inScope !== null && inScope[o] !== 1) continue;
    const open = uint8At(opps.stage, o) === STAGE_IDS.open;
    const when = open ? float64At(opps.createdAt, o) : float64At(opps.closedAt, o);
    if (Number.isNaN(when)) continue;
    const { label, order } = bucketOf(when, by);
    labels.set(order, label);
    bucketIndex[o] = order;
    orders.push(order);
  }
  if (orders.length === 0) return [];
  const step = STEP_MONTHS[by];
  // A loop, not Math.min(...orders): spread over one argument per deal overflows the stack (676,000 deals at ten
  // million touches).
  let first = Infinity;
  let last = -Infinity;
  for (const order of orders) {
    if (order < first) first = order;
    if (order > last) last = order;
  }
  const count = (last - first) / step + 1;
  const slot = (order: number): number => (order - first) / step;
  const channels = data.channels.size;
  const buckets = Array.from({ length: count }, (_, i) => {
    const order = first + i * step;
    const year = Math.floor(order / 12);
    return {
      label: labels.get(order) ?? bucketOf(Date.UTC(year, order - year * 12, 1), by).label,
      revenue: 0,
      attributed: 0,
      perChannel: new Float64Array(channels),
      car: { attributed: 0, influenced: 0, sourced: 0 },
    };
  });
  for (let o = 0; o < opps.count; o++) {
    const order = int32At(bucketIndex, o);
    if (order >= 0 && isWon(opps, o))
      (buckets[slot(order)] as { revenue: number }).revenue += float64At(opps.amount, o);
  }
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    const order = int32At(bucketIndex, o);
    if (order < 0) continue;
    const bucket = buckets[slot(order)] as (typeof buckets)[number];
    const { start, end } = journeyRange(journeys, j);
    let community = false;
    for (let k = start; k < end; k++) {
      const credit = float64At(credits, k);
      const touch = int32At(journeys.touch, k);
      const channel = int32At(data.touches.channel, touch);
      bucket.attributed += credit;
      bucket.perChannel[channel] = float64At(bucket.perChannel, channel) + credit;
      if (uint8At(data.touches.kind, touch) === COMMUNITY) {
        community = true;
        bucket.car.attributed += credit;
      }
    }
    if (community && isWon(opps, o)) bucket.car.influenced += float64At(opps.amount, o);
  }
  const indexOf = new Map(opps.id.map((id, o) => [id, o] as const));
  for (const sourced of run.car().sourcedOpportunities) {
    const o = indexOf.get(sourced.opportunityId);
    const order = o === undefined ? -1 : int32At(bucketIndex, o);
    if (order >= 0) (buckets[slot(order)] as (typeof buckets)[number]).car.sourced += sourced.amount;
  }
  return buckets.map((bucket) => ({
    bucket: bucket.label,
    revenue: bucket.revenue,
    attributed: bucket.attributed,
    byChannel: data.channels.values
      .map((channel, c) => ({ channel, credit: float64At(bucket.perChannel, c) }))
      .filter((row) => row.credit !== 0)
      .sort((a, b) => b.credit - a.credit || (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0)),
    car: bucket.car,
  }));
}
