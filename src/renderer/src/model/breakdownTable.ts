import type { BreakdownEntry, Breakdowns } from '../../../shared/results';

/** The breakdowns the credit table can switch between (byMember has its own shape and is shown elsewhere). */
export const BREAKDOWN_CHOICES = [
  { key: 'byChannel', label: 'Channel' },
  { key: 'byCampaign', label: 'Campaign' },
  { key: 'byTouchKind', label: 'Touch kind' },
  { key: 'byPosition', label: 'Position' },
  { key: 'byActionType', label: 'Action type' },
  { key: 'byOpportunityType', label: 'Opportunity type' },
] as const satisfies readonly { key: keyof Breakdowns; label: string }[];

export type BreakdownKey = (typeof BREAKDOWN_CHOICES)[number]['key'];

export type BreakdownColumn = 'name' | 'credit' | 'share' | 'touches';
export type SortDirection = 'ascending' | 'descending';

export interface BreakdownSort {
  column: BreakdownColumn;
  direction: SortDirection;
}

export interface BreakdownRow extends BreakdownEntry {
  /** credit / attributed, as a fraction; 0 when nothing is attributed, never NaN. */
  share: number;
}

export const DEFAULT_BREAKDOWN_SORT: BreakdownSort = { column: 'credit', direction: 'descending' };

export function shareOf(credit: number, total: number): number {
  return total > 0 ? credit / total : 0;
}

/** Rows with their share of `total`, sorted; ties fall back to the name (then key) ascending, whichever way. */
export function breakdownRows(entries: readonly BreakdownEntry[], total: number, sort: BreakdownSort): BreakdownRow[] {
  const rows = entries.map((entry) => ({ ...entry, share: shareOf(entry.credit, total) }));
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return rows.sort((a, b) => {
    const primary = sort.column === 'name' ? compareNames(a, b) : a[sort.column] - b[sort.column];
    return primary !== 0 ? sign * primary : compareNames(a, b);
  });
}

/** A click on a header: the same column flips; a new one starts A→Z for names, largest first for numbers. */
export function nextBreakdownSort(current: BreakdownSort, column: BreakdownColumn): BreakdownSort {
  if (current.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: column === 'name' ? 'ascending' : 'descending' };
}

function compareNames(a: BreakdownEntry, b: BreakdownEntry): number {
  const byLabel = a.label.localeCompare(b.label);
  if (byLabel !== 0) return byLabel;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}
