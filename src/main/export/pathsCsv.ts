import { csvLine } from '../../shared/csv';
import { pathSummary } from '../engine/models/pathSummary';
import type { ModelRunResult } from '../engine/run';
import { assertCanCreateFile } from '../store/filePaths';
import { writeWholeFileSync } from './wholeFile';

export const PATHS_HEADER = ['path', 'conversions', 'nulls', 'value'];
/** How a path's channels are joined in the file, as ChannelAttribution and warehouse packages write them. */
export const PATH_SEPARATOR = ' > ';

/**
 * Writes the path summary of a run's journeys (spec 6; the scope's won and lost journeys with a touch, channels as
 * reported) to `path`: one row per distinct path, written to a partial file renamed into place, so a failed write
 * leaves no half file. Returns the number of rows.
 */
export function writePathsCsv(path: string, run: ModelRunResult): number {
  assertCanCreateFile(path, 'the paths CSV');
  const rows = pathSummary(run.data, run.attribution.journeys, run.options.collapseRepeats);
  return writePathRows(path, rows);
}

/** One row of a path summary: a distinct channel path, its conversions, nulls and won value. */
export interface PathRow {
  path: readonly string[];
  conversions: number;
  nulls: number;
  value: number;
}

/** The path summary's rows, in the order given, whole or not at all; returns their number. */
export function writePathRows(path: string, rows: readonly PathRow[]): number {
  writeWholeFileSync(path, (sink) => {
    sink.write(csvLine(PATHS_HEADER));
    for (const row of rows) sink.write(csvLine([row.path.join(PATH_SEPARATOR), row.conversions, row.nulls, row.value]));
  });
  return rows.length;
}
