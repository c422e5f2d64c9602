import { describe, expect, it } from 'vitest';
import type { SeriesBucketView } from '../../../shared/reportApi';
import { OTHER_CHANNELS, SERIES_CSV_HEADER, seriesCsvRows, stackByChannel } from './seriesChart';

function bucket(name: string, credits: Record<string, number>): SeriesBucketView {
  const byChannel = Object.entries(credits).map(([channel, credit]) => ({ channel, credit }));
  const attributed = byChannel.reduce((sum, entry) => sum + entry.credit, 0);
  return {
    bucket: name,
    revenue: attributed * 2,
    attributed,
    byChannel,
    car: { attributed: 1, influenced: 2, sourced: 3 },
  };
}

describe('stackByChannel', () => {
  it('names the top channels over the whole series and sums the rest as Other', () => {
    const series = stackByChannel(
      [bucket('2025-Q1', { a: 10, b: 5, c: 1 }), bucket('2025-Q2', { b: 20, d: 2, c: 1 })],
      2,
    );
    expect(series.channels).toEqual(['b', 'a', OTHER_CHANNELS]);
    expect(series.other).toBe(true);
    expect(series.buckets).toEqual([
      { bucket: '2025-Q1', credits: [5, 10, 1], total: 16 },
      { bucket: '2025-Q2', credits: [20, 0, 3], total: 23 },
    ]);
    expect(series.max).toBe(23);
  });

  it('has no Other when every channel is named, and a zero scale for an empty series', () => {
    expect(stackByChannel([bucket('2025-01', { a: 1, b: 2 })], 6).channels).toEqual(['b', 'a']);
    expect(stackByChannel([])).toEqual({ channels: [], other: false, buckets: [], max: 0 });
    expect(stackByChannel([bucket('2025', {})])).toEqual({
      channels: [],
      other: false,
      buckets: [{ bucket: '2025', credits: [], total: 0 }],
      max: 0,
    });
  });

  it('keeps each bucket total equal to its credit', () => {
    const buckets = [bucket('2024', { a: 3, b: 4, c: 5, d: 6 }), bucket('2025', { e: 7, a: 1 })];
    const series = stackByChannel(buckets, 3);
    expect(series.buckets.map((entry) => entry.total)).toEqual(buckets.map((entry) => entry.attributed));
  });
});

describe('seriesCsvRows', () => {
  it('gives one row per bucket in the header order', () => {
    expect(SERIES_CSV_HEADER).toHaveLength(6);
    expect(seriesCsvRows([bucket('2025-Q4', { a: 5 })])).toEqual([['2025-Q4', 10, 5, 1, 2, 3]]);
  });
});
