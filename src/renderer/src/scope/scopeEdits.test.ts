import { describe, expect, it } from 'vitest';
import { presetPeriod } from '../../../shared/scope';
import {
  normaliseScope,
  periodProblem,
  presetDay,
  presetOf,
  toggled,
  withFieldFilter,
  withoutFieldFilter,
  withPeriod,
  withSegments,
  withTypes,
} from './scopeEdits';

describe('normaliseScope', () => {
  it('drops what selects nothing, so an emptied scope is all time', () => {
    expect(
      normaliseScope({ from: undefined, segments: [], types: [], fields: [{ field: 'Region', values: [] }] }),
    ).toEqual({});
    expect(Object.keys(normaliseScope({ to: '2025-01-31', segments: [''] }))).toEqual(['to', 'segments']);
  });
});

describe('editing a scope', () => {
  const scope = { segments: ['Enterprise'], fields: [{ field: 'Region', values: ['EMEA'] }] };

  it('sets and clears the period, keeping the filters', () => {
    const dated = withPeriod(scope, { from: '2025-10-01', to: '2025-12-31' });
    expect(dated).toEqual({ ...scope, from: '2025-10-01', to: '2025-12-31' });
    expect(withPeriod(dated, {})).toEqual(scope);
  });

  it('toggles a value in and out of a list', () => {
    expect(toggled(undefined, 'SMB')).toEqual(['SMB']);
    expect(toggled(['SMB', ''], '')).toEqual(['SMB']);
    expect(withSegments(scope, toggled(scope.segments, 'Enterprise'))).toEqual({ fields: scope.fields });
  });

  it('keeps the types in their usual order', () => {
    expect(withTypes({}, ['renewal', 'new_business'])).toEqual({ types: ['new_business', 'renewal'] });
    expect(withTypes({ types: ['upgrade'] }, [])).toEqual({});
  });

  it('adds a field filter, replaces one on the same field, and removes it', () => {
    const two = withFieldFilter(scope, { field: 'Lead Source', values: ['Partner', ''] });
    expect(two.fields?.map((filter) => filter.field)).toEqual(['Region', 'Lead Source']);
    const replaced = withFieldFilter(two, { field: 'Region', values: ['APAC'] });
    expect(replaced.fields?.[0]).toEqual({ field: 'Region', values: ['APAC'] });
    expect(replaced.fields).toHaveLength(2);
    expect(withoutFieldFilter(replaced, 'Lead Source').fields).toEqual([{ field: 'Region', values: ['APAC'] }]);
    expect(withFieldFilter(scope, { field: 'Region', values: [] })).toEqual({ segments: ['Enterprise'] });
  });
});

describe('period presets', () => {
  // The demo's data ends on 2025-12-31: its last quarter is the year's fourth, whatever today is.
  const day = presetDay('2025-12-31', new Date(Date.UTC(2031, 5, 1)));

  it('count from the latest date in the data, or today without any', () => {
    expect(day.toISOString().slice(0, 10)).toBe('2025-12-31');
    expect(presetPeriod('last-quarter', day)).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(presetPeriod('this-quarter', day)).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    const today = new Date(Date.UTC(2026, 2, 4));
    expect(presetDay(null, today)).toBe(today);
  });

  it('are recognised in a scope, all time included; other dates are a custom range', () => {
    expect(presetOf({}, day)).toBe('all-time');
    expect(presetOf({ from: '2025-07-01', to: '2025-09-30', segments: ['SMB'] }, day)).toBe('last-quarter');
    expect(presetOf({ from: '2025-07-02', to: '2025-09-30' }, day)).toBeNull();
    expect(presetOf({ from: '2025-07-01' }, day)).toBeNull();
  });
});

describe('periodProblem', () => {
  it('accepts open ends and a single day', () => {
    expect(periodProblem({})).toBeNull();
    expect(periodProblem({ from: '2025-01-01' })).toBeNull();
    expect(periodProblem({ from: '2025-01-01', to: '2025-01-01' })).toBeNull();
  });

  it('says what is wrong with a period the engine would refuse', () => {
    expect(periodProblem({ from: '2025-02-01', to: '2025-01-31' })).toBe('The period starts after it ends.');
    expect(periodProblem({ to: '2025-02-30' })).toBe('The end is not a date (YYYY-MM-DD).');
  });
});
