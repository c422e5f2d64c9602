import { describe, expect, it } from 'vitest';
import type { BreakdownEntry } from '../../../shared/results';
import { breakdownRows, nextBreakdownSort, shareOf, type BreakdownColumn } from './breakdownTable';

const entries: BreakdownEntry[] = [
  { key: 'slack', label: 'Slack', credit: 300, touches: 4 },
  { key: 'forum', label: 'Forum', credit: 500, touches: 2 },
  { key: 'events', label: 'Events', credit: 300, touches: 9 },
  { key: 'docs', label: 'Docs', credit: 100, touches: 2 },
];

const names = (column: BreakdownColumn, direction: 'ascending' | 'descending') =>
  breakdownRows(entries, 1200, { column, direction }).map((row) => row.label);

describe('breakdownRows', () => {
  it('sorts by name both ways', () => {
    expect(names('name', 'ascending')).toEqual(['Docs', 'Events', 'Forum', 'Slack']);
    expect(names('name', 'descending')).toEqual(['Slack', 'Forum', 'Events', 'Docs']);
  });

  it('sorts by credit both ways, ties by name', () => {
    expect(names('credit', 'descending')).toEqual(['Forum', 'Events', 'Slack', 'Docs']);
    expect(names('credit', 'ascending')).toEqual(['Docs', 'Events', 'Slack', 'Forum']);
  });

  it('sorts by share both ways, ties by name', () => {
    expect(names('share', 'descending')).toEqual(['Forum', 'Events', 'Slack', 'Docs']);
    expect(names('share', 'ascending')).toEqual(['Docs', 'Events', 'Slack', 'Forum']);
  });

  it('sorts by touches both ways, ties by name', () => {
    expect(names('touches', 'descending')).toEqual(['Events', 'Slack', 'Docs', 'Forum']);
    expect(names('touches', 'ascending')).toEqual(['Docs', 'Forum', 'Slack', 'Events']);
  });

  it('breaks a tie of equal labels by key', () => {
    const twins: BreakdownEntry[] = [
      { key: 'b', label: 'Same', credit: 1, touches: 1 },
      { key: 'a', label: 'Same', credit: 1, touches: 1 },
    ];
    expect(breakdownRows(twins, 2, { column: 'credit', direction: 'descending' }).map((row) => row.key)).toEqual([
      'a',
      'b',
    ]);
  });

  it('computes shares of the total, 0 when the total is 0', () => {
    const rows = breakdownRows(entries, 1200, { column: 'name', direction: 'ascending' });
    expect(rows.map((row) => row.share)).toEqual([100 / 1200, 300 / 1200, 500 / 1200, 300 / 1200]);
    const empty = breakdownRows(entries, 0, { column: 'share', direction: 'descending' });
    expect(empty.every((row) => row.share === 0)).toBe(true);
    expect(shareOf(5, 0)).toBe(0);
  });

  it('leaves the input unsorted', () => {
    breakdownRows(entries, 1200, { column: 'name', direction: 'ascending' });
    expect(entries[0]?.label).toBe('Slack');
  });
});

describe('nextBreakdownSort', () => {
  it('flips the same column and starts a new one in its natural direction', () => {
    expect(nextBreakdownSort({ column: 'credit', direction: 'descending' }, 'credit')).toEqual({
      column: 'credit',
      direction: 'ascending',
    });
    expect(nextBreakdownSort({ column: 'credit', direction: 'descending' }, 'name')).toEqual({
      column: 'name',
      direction: 'ascending',
    });
    expect(nextBreakdownSort({ column: 'name', direction: 'ascending' }, 'touches')).toEqual({
      column: 'touches',
      direction: 'descending',
    });
  });
});
