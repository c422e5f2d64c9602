import { describe, expect, it } from 'vitest';
import { describeScope, parseIsoDate, periodBounds, presetPeriod, reportScopeSchema } from './scope';

describe('report scope (spec 9)', () => {
  it('reads only real YYYY-MM-DD dates', () => {
    expect(parseIsoDate('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2024-7-1')).toBeNull();
    expect(parseIsoDate('07/01/2024')).toBeNull();
  });

  it('refuses a period that starts after it ends, and says so', () => {
    const result = reportScopeSchema.safeParse({ from: '2024-10-01', to: '2024-09-30' });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the period starts after it ends');
    expect(reportScopeSchema.safeParse({ from: '2024-13-01' }).error?.issues[0]?.message).toMatch(/YYYY-MM-DD/);
    expect(reportScopeSchema.safeParse({ fields: [{ field: 'Region', values: [] }] }).success).toBe(false);
  });

  it('takes a date-only end as the whole of that day, UTC', () => {
    const bounds = periodBounds(reportScopeSchema.parse({ from: '2024-07-01', to: '2024-09-30' }));
    expect(bounds).toEqual({ from: Date.UTC(2024, 6, 1), to: Date.UTC(2024, 9, 1) - 1 });
    expect(periodBounds(reportScopeSchema.parse({}))).toEqual({ from: -Infinity, to: Infinity });
  });

  it('turns presets into calendar periods on a given day', () => {
    const today = new Date(Date.UTC(2026, 11, 7, 15));
    expect(presetPeriod('last-quarter', today)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(presetPeriod('this-quarter', today)).toEqual({ from: '2026-10-01', to: '2026-12-07' });
    expect(presetPeriod('last-month', today)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetPeriod('this-month', today)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetPeriod('last-year', today)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(presetPeriod('this-year', today)).toEqual({ from: '2026-01-01', to: '2026-12-07' });
    expect(presetPeriod('last-12-months', today)).toEqual({ from: '2025-12-08', to: '2026-12-07' });
    expect(presetPeriod('all-time', today)).toEqual({});
    // January: the last quarter and month are in the year before.
    const january = new Date(Date.UTC(2027, 0, 15));
    expect(presetPeriod('last-quarter', january)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('last-month', january)).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });

  it('says the scope in words', () => {
    const scope = reportScopeSchema.parse({
      from: '2024-07-01',
      to: '2024-09-30',
      segments: ['Enterprise', ''],
      types: ['new_business'],
      fields: [{ field: 'Region', values: ['EMEA'] }],
    });
    expect(describeScope(scope)).toBe(
      '2024-07-01 to 2024-09-30; segment Enterprise or (none); type new_business; Region EMEA',
    );
    expect(describeScope(reportScopeSchema.parse({}))).toBe('all time');
  });
});
