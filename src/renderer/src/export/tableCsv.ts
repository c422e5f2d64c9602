import { toCsv } from '../../../shared/csv';
import { downloadBlob } from './download';

export type CsvCell = string | number | null;

/**
 * A table as the user sees it, saved as CSV: the same writer as the engine's exports, so names that look like
 * formulas are neutralised here too. Numbers go at full precision, not as the screen formats them.
 */
export function downloadTableCsv(fileName: string, header: readonly string[], rows: readonly CsvCell[][]): void {
  downloadBlob(new Blob([toCsv(header, rows)], { type: 'text/csv;charset=utf-8' }), fileName);
}
