import { describe, expect, it } from 'vitest';
import { binAt, binTouches, placeMarkers, timelineRange, timeTicks, xOf } from './timelineLayout';

const DAY = 86_400_000;
const utc = (text: string): number => Date.parse(`${text}Z`);

describe('timeTicks', () => {
  it('ticks each day of a short range, on UTC midnights, labelled by date', () => {
    const ticks = timeTicks(utc('2025-03-01T12:00:00'), utc('2025-03-04T06:00:00'), 10);
    expect(ticks.map((tick) => tick.label)).toEqual(['2 Mar 2025', '3 Mar 2025', '4 Mar 2025']);
    expect(ticks[0]?.at).toBe(utc('2025-03-02T00:00:00'));
  });

  it('ticks quarters over two years when months would be too many, at the quarters’ first days', () => {
    const ticks = timeTicks(utc('2024-02-10T00:00:00'), utc('2025-12-20T00:00:00'), 8);
    expect(ticks.map((tick) => tick.label)).toEqual([
      'Apr 2024',
      'Jul 2024',
      'Oct 2024',
      'Jan 2025',
      'Apr 2025',
      'Jul 2025',
      'Oct 2025',
    ]);
    expect(ticks[0]?.at).toBe(utc('2024-04-01T00:00:00'));
  });

  it('ticks months when they fit, and a tick exactly at the start counts', () => {
    const ticks = timeTicks(utc('2025-01-01T00:00:00'), utc('2025-04-15T00:00:00'), 6);
    expect(ticks.map((tick) => tick.label)).toEqual(['Jan 2025', 'Feb 2025', 'Mar 2025', 'Apr 2025']);
  });

  it('ticks years, then decades, over long ranges and never more than asked', () => {
    const years = timeTicks(utc('2015-06-01T00:00:00'), utc('2025-06-01T00:00:00'), 6);
    expect(years.map((tick) => tick.label)).toEqual(['2016', '2018', '2020', '2022', '2024']);
    const decades = timeTicks(utc('1900-01-01T00:00:00'), utc('2025-01-01T00:00:00'), 5);
    expect(decades.length).toBeLessThanOrEqual(5);
    expect(decades.length).toBeGreaterThan(1);
    expect(decades.every((tick) => new Date(tick.at).getUTCMonth() === 0)).toBe(true);
  });

  it('gives no tick for an empty or reversed range', () => {
    expect(timeTicks(5, 5, 10)).toEqual([]);
    expect(timeTicks(10, 5, 10)).toEqual([]);
  });
});

describe('binTouches', () => {
  it('puts touches in the same pixel column together and keeps their order', () => {
    // 0..100 over 100 px, bins of 4 px: 0 and 3 share a bin, 4 starts the next, 99.9 and 100 share the last.
    const bins = binTouches([0, 3, 4, 50, 99.9, 100], 0, 100, 100, 4);
    expect(bins).toEqual([
      { x: 0, first: 0, count: 2 },
      { x: 4, first: 2, count: 1 },
      { x: 48, first: 3, count: 1 },
      { x: 96, first: 4, count: 2 },
    ]);
    expect(binAt(bins, 49, 4)).toEqual({ x: 48, first: 3, count: 1 });
    expect(binAt(bins, 10, 4)).toBeNull();
    expect(binAt(bins, 99, 4)?.count).toBe(2);
  });

  it('bins 5,000 touches into at most one bin per column', () => {
    const times = Array.from({ length: 5000 }, (_, i) => i * DAY);
    const bins = binTouches(times, 0, 4999 * DAY, 800, 3);
    expect(bins.length).toBeLessThanOrEqual(Math.floor(800 / 3));
    expect(bins.reduce((sum, bin) => sum + bin.count, 0)).toBe(5000);
  });
});

describe('timelineRange', () => {
  it('spans the deal and its touches with a margin, a day at least', () => {
    const [from, to] = timelineRange(10 * DAY, 20 * DAY, [5 * DAY, 12 * DAY]);
    expect(from).toBeLessThan(5 * DAY);
    expect(to).toBeGreaterThan(20 * DAY);
    expect(timelineRange(0, null, [])).toEqual([-DAY, DAY]);
  });

  it('places a time proportionally along the axis', () => {
    expect(xOf(25, 0, 100, 400)).toBe(100);
  });
});

describe('placeMarkers', () => {
  it('stacks labels that would overlap and keeps apart ones on the first row', () => {
    const placed = placeMarkers(
      [
        { x: 300, label: 'CW', kind: 'position' },
        { x: 10, label: 'FT', kind: 'position' },
        { x: 14, label: 'created', kind: 'deal' },
        { x: 16, label: 'LC', kind: 'position' },
        { x: 20, label: 'OC', kind: 'position' },
      ],
      3,
      1000,
    );
    expect(placed.map((marker) => [marker.label, marker.row, marker.anchor])).toEqual([
      ['FT', 0, 'start'],
      ['created', 1, 'start'],
      ['LC', 2, 'start'],
      ['OC', 2, 'start'],
      ['CW', 0, 'start'],
    ]);
  });

  it('puts a label that would pass the right edge left of its line, on a row of its own if that is where it clashes', () => {
    // CW at 480 fits right of its line (480 + 4 + 14 <= 500); "closed" at 495 does not, so it extends left over CW.
    const placed = placeMarkers(
      [
        { x: 495, label: 'closed', kind: 'deal' },
        { x: 480, label: 'CW', kind: 'position' },
      ],
      3,
      500,
    );
    expect(placed.map((marker) => [marker.label, marker.row, marker.anchor])).toEqual([
      ['CW', 0, 'start'],
      ['closed', 1, 'end'],
    ]);
  });
});
