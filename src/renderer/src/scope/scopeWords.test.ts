import { describe, expect, it } from 'vitest';
import type { ScopeSummary } from '../../../shared/modelApi';
import { emptyScopeMessage, scopeChips, scopeLine, valueLabel } from './scopeWords';

const summary = (over: Partial<ScopeSummary>): ScopeSummary => ({
  label: '2025-10-01 to 2025-12-31; segment Enterprise',
  allTime: false,
  deals: 58,
  wonDeals: 14,
  steps: [],
  emptiedBy: null,
  ...over,
});

describe('scopeChips', () => {
  it('names each part of the scope, and the scope without it', () => {
    const scope = {
      from: '2025-10-01',
      to: '2025-12-31',
      segments: ['Enterprise', ''],
      types: ['renewal' as const],
      fields: [{ field: 'Region', values: ['EMEA'] }],
    };
    const chips = scopeChips(scope);
    expect(chips.map((chip) => chip.label)).toEqual([
      'Period: 2025-10-01 to 2025-12-31',
      'Segment: Enterprise or (none)',
      'Type: Renewal',
      'Region: EMEA',
    ]);
    expect(chips[0]?.without).toEqual({ segments: scope.segments, types: scope.types, fields: scope.fields });
    expect(chips[3]?.without.fields).toBeUndefined();
  });

  it('shows an open end of the period in words, and nothing for all time', () => {
    expect(scopeChips({ from: '2025-01-01' })[0]?.label).toBe('Period: 2025-01-01 to the end');
    expect(scopeChips({})).toEqual([]);
  });
});

describe('the scope in words', () => {
  it('writes a blank value as (none)', () => {
    expect(valueLabel('')).toBe('(none)');
    expect(valueLabel('SMB')).toBe('SMB');
  });

  it('says what a run covers', () => {
    expect(scopeLine(summary({}))).toBe('Scope: 2025-10-01 to 2025-12-31; segment Enterprise · 58 deals, 14 won');
    expect(scopeLine(summary({ deals: 1, wonDeals: 0 }))).toContain('1 deal, 0 won');
  });

  it('has nothing to say while there is won revenue', () => {
    expect(emptyScopeMessage(summary({}))).toBeNull();
  });

  it('names the filter that left no deal', () => {
    expect(emptyScopeMessage(summary({ deals: 0, wonDeals: 0, emptiedBy: 'Region EMEA' }))).toBe(
      'No won opportunity in this scope: Region EMEA left no deal.',
    );
  });

  it('says when the deals left are all open or lost', () => {
    expect(emptyScopeMessage(summary({ deals: 3, wonDeals: 0 }))).toBe(
      'No won opportunity in this scope: its 3 deals are all open or lost.',
    );
    expect(emptyScopeMessage(summary({ deals: 1, wonDeals: 0 }))).toBe(
      'No won opportunity in this scope: its one deal is open or lost.',
    );
  });

  it('points an empty project at the import', () => {
    expect(emptyScopeMessage(summary({ allTime: true, deals: 0, wonDeals: 0, label: 'all time' }))).toBe(
      'No won opportunity in this project: import opportunities to see results.',
    );
  });
});
