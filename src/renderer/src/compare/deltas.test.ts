import { describe, expect, it } from 'vitest';
import { modelOptionsSchema } from '../../../shared/modelOptions';
import type { CarMeasures, ComparedModel } from '../../../shared/scenarioApi';
import { CAR_ROWS, attributedCells, carRows, channelRows, deltaOf, formatDelta } from './deltas';

function car(attributed: number): CarMeasures {
  return {
    attributed,
    influenced: 500,
    sourced: 200,
    byCategory: {
      internal_referral: { attributed: attributed / 2, sourced: 100 },
      external_referral: { attributed: 0, sourced: 0 },
      job_move: { attributed: 0, sourced: 0 },
      upgrade: { attributed: 10, influenced: 20, sourced: 0 },
      roadmap: { attributed: 0, influenced: 40 },
      churn_reduction: { retained: 7, interval: [1, 9] },
      engagement: { attributed: 3 },
    },
  };
}

function compared(label: string, byChannel: [string, number][], carAttributed: number): ComparedModel {
  const attributed = byChannel.reduce((sum, [, credit]) => sum + credit, 0);
  return {
    label,
    model: 'linear',
    options: modelOptionsSchema.parse({ model: 'linear' }),
    revenue: attributed + 100,
    attributed,
    unattributed: 100,
    byChannel: byChannel.map(([channel, credit]) => ({ channel, credit })),
    car: car(carAttributed),
  };
}

describe('deltaOf', () => {
  it('gives the difference and its fraction of the baseline', () => {
    expect(deltaOf(150, 100)).toEqual({ absolute: 50, percent: 0.5 });
    expect(deltaOf(0, 80)).toEqual({ absolute: -80, percent: -1 });
    expect(deltaOf(-50, -100)).toEqual({ absolute: 50, percent: 0.5 });
  });

  it('has no percent against a baseline of 0, and treats float noise as no change', () => {
    expect(deltaOf(30, 0)).toEqual({ absolute: 30, percent: null });
    expect(deltaOf(0.1 + 0.2, 0.3)).toEqual({ absolute: 0, percent: 0 });
    expect(deltaOf(0, 0)).toEqual({ absolute: 0, percent: 0 });
  });
});

describe('channelRows', () => {
  const base = compared(
    'Base',
    [
      ['email', 300],
      ['web', 100],
    ],
    50,
  );
  const other = compared(
    'Other',
    [
      ['web', 250],
      ['community:post', 150],
    ],
    80,
  );

  it('lists every channel of any model, the baseline largest first, with deltas vs the baseline', () => {
    const rows = channelRows([base, other], 0);
    expect(rows.map((row) => row.channel)).toEqual(['email', 'web', 'community:post']);
    expect(rows[0]?.cells).toEqual([
      { value: 300, delta: null },
      { value: 0, delta: { absolute: -300, percent: -1 } },
    ]);
    expect(rows[2]?.cells[1]).toEqual({ value: 150, delta: { absolute: 150, percent: null } });
  });

  it('follows the baseline chosen, and the deltas of each column sum to its change in attributed revenue', () => {
    const rows = channelRows([base, other], 1);
    expect(rows.map((row) => row.channel)).toEqual(['web', 'community:post', 'email']);
    expect(rows.every((row) => row.cells[1]?.delta === null)).toBe(true);
    const sum = rows.reduce((total, row) => total + (row.cells[0]?.delta?.absolute ?? 0), 0);
    expect(sum).toBe(base.attributed - other.attributed);
    expect(attributedCells([base, other], 1)[0]?.delta?.absolute).toBe(sum);
  });

  it('breaks ties by the largest credit in any model, then by channel name', () => {
    const a = compared('A', [['b', 10]], 0);
    const b = compared(
      'B',
      [
        ['a', 5],
        ['c', 20],
        ['d', 5],
      ],
      0,
    );
    expect(channelRows([a, b], 0).map((row) => row.channel)).toEqual(['b', 'c', 'a', 'd']);
  });
});

describe('carRows', () => {
  it('has one row per measure of every category, with deltas', () => {
    const rows = carRows([compared('A', [], 50), compared('B', [], 80)], 0);
    expect(rows.map((row) => row.key)).toEqual(CAR_ROWS.map((row) => row.key));
    expect(rows.find((row) => row.key === 'total-attributed')?.cells[1]?.delta).toEqual({
      absolute: 30,
      percent: 0.6,
    });
    expect(rows.find((row) => row.key === 'internal_referral-attributed')?.cells.map((c) => c.value)).toEqual([25, 40]);
    expect(rows.find((row) => row.key === 'churn-retained')?.cells[1]).toEqual({
      value: 7,
      delta: { absolute: 0, percent: 0 },
    });
  });
});

describe('formatDelta', () => {
  it('shows a sign, the amount and the percent', () => {
    expect(formatDelta({ absolute: 1234.4, percent: 0.111 }, 'USD', 'en-US')).toBe('+$1,234 (+11.1%)');
    expect(formatDelta({ absolute: -80, percent: -1 }, 'USD', 'en-US')).toBe('-$80 (-100.0%)');
    expect(formatDelta({ absolute: 30, percent: null }, 'EUR', 'en-US')).toBe('+€30 (new)');
    expect(formatDelta({ absolute: 0, percent: 0 }, 'USD', 'en-US')).toBe('±0');
  });
});
