import type { SeriesBucketView } from '../../../shared/reportApi';

/** The channels a series chart names; the rest of the credit is drawn as one "Other" segment. */
export const SERIES_TOP_CHANNELS = 6;
export const OTHER_CHANNELS = 'Other';

export interface StackedBucket {
  bucket: string;
  /** One credit per entry of `channels`, in the same order; 0 where the bucket has none. */
  credits: number[];
  total: number;
}

export interface StackedSeries {
  /** The top channels by credit over every bucket, largest first, then "Other" when any credit is left. */
  channels: string[];
  /** Whether the last of `channels` is "Other" (a real channel may be named so too). */
  other: boolean;
  buckets: StackedBucket[];
  /** The tallest bucket's total: the chart's scale (0 when nothing is credited). */
  max: number;
}

/**
 * Attributed credit by channel per bucket, for a stacked chart: the `topN` channels with the most credit over the
 * whole series keep their names (so a channel has one colour across the buckets), the others are summed as "Other".
 */
export function stackByChannel(buckets: readonly SeriesBucketView[], topN = SERIES_TOP_CHANNELS): StackedSeries {
  const totals = new Map<string, number>();
  for (const bucket of buckets) {
    for (const { channel, credit } of bucket.byChannel) totals.set(channel, (totals.get(channel) ?? 0) + credit);
  }
  const ranked = [...totals]
    .filter(([, credit]) => credit > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([channel]) => channel);
  const named = ranked.slice(0, topN);
  const hasOther = ranked.length > topN;
  const channels = hasOther ? [...named, OTHER_CHANNELS] : named;
  const index = new Map(named.map((channel, position) => [channel, position]));

  const stacked = buckets.map((bucket): StackedBucket => {
    const credits = channels.map(() => 0);
    for (const { channel, credit } of bucket.byChannel) {
      if (credit <= 0) continue;
      const position = index.get(channel) ?? (hasOther ? named.length : -1);
      if (position >= 0) credits[position] = (credits[position] ?? 0) + credit;
    }
    return { bucket: bucket.bucket, credits, total: credits.reduce((sum, credit) => sum + credit, 0) };
  });
  return { channels, other: hasOther, buckets: stacked, max: Math.max(0, ...stacked.map((bucket) => bucket.total)) };
}

export const SERIES_CSV_HEADER = [
  'bucket',
  'won_revenue',
  'attributed',
  'car_attributed',
  'car_influenced',
  'car_sourced',
] as const;

/** The series table's rows as the CSV holds them: one per bucket, numbers at full precision. */
export function seriesCsvRows(buckets: readonly SeriesBucketView[]): (string | number)[][] {
  return buckets.map((bucket) => [
    bucket.bucket,
    bucket.revenue,
    bucket.attributed,
    bucket.car.attributed,
    bucket.car.influenced,
    bucket.car.sourced,
  ]);
}
