import type { CsvCell } from '../export/tableCsv';
import type { ComparedCell } from './deltas';

/**
 * A compare table as CSV: the row's names, then per compared model its value and, except for the baseline, its
 * difference from the baseline (absolute; the percentage is derived from the two). Labels are the user's scenario
 * names, so they go through the neutralising CSV writer like every cell.
 */
export function compareCsv(
  names: readonly string[],
  labels: readonly string[],
  baselineIndex: number,
  rows: readonly { names: readonly CsvCell[]; cells: ComparedCell[] }[],
): { header: string[]; rows: CsvCell[][] } {
  const header = [
    ...names,
    ...labels.flatMap((label, index) => (index === baselineIndex ? [label] : [label, `${label} vs baseline`])),
  ];
  return {
    header,
    rows: rows.map((row) => [
      ...row.names,
      ...row.cells.flatMap((cell, index) =>
        index === baselineIndex ? [cell.value] : [cell.value, cell.delta?.absolute ?? null],
      ),
    ]),
  };
}
