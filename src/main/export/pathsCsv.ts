import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { csvLine } from '../../shared/csv';
import { pathSummary } from '../engine/models/pathSummary';
import type { ModelRunResult } from '../engine/run';
import { assertCanCreateFile } from '../store/filePaths';

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
  const partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  const fd = openSync(partial, 'w');
  try {
    let buffer = csvLine(PATHS_HEADER);
    for (const row of rows) {
      buffer += csvLine([row.path.join(PATH_SEPARATOR), row.conversions, row.nulls, row.value]);
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
    writeSync(fd, buffer);
    closeSync(fd);
    renameSync(partial, path);
  } catch (error) {
    try {
      closeSync(fd);
    } catch {
      // already closed
    }
    rmSync(partial, { force: true });
    throw error;
  }
  return rows.length;
}
