import type { DuckDBConnection } from '@duckdb/node-api';
import { writePathRows, type PathRow } from '../../export/pathsCsv';
import { assertCanCreateFile } from '../../store/filePaths';

/**
 * `attribute --paths` from the SQL's tributary_path_summary: the file the built-in engine writes
 * (export/pathsCsv.ts), one row per distinct channel path with its conversions, nulls and won value, in the same
 * order (most conversions, then most nulls, then by path) and through the same csvLine. Returns the number of rows.
 */
export async function writeSqlPathsCsv(connection: DuckDBConnection, path: string): Promise<number> {
  assertCanCreateFile(path, 'the paths CSV');
  const rows: PathRow[] = (
    await connection.runAndReadAll('SELECT path, conversions, nulls, value FROM tributary_path_summary')
  )
    .getRowsJS()
    .map(([channels, conversions, nulls, value]) => ({
      path: JSON.parse(String(channels)) as string[],
      conversions: Number(conversions),
      nulls: Number(nulls),
      value: Number(value),
    }));
  rows.sort((a, b) => b.conversions - a.conversions || b.nulls - a.nulls || comparePaths(a.path, b.path));
  return writePathRows(path, rows);
}

/** As engine/models/pathSummary.ts orders paths: channel by channel in code-unit order, a prefix first. */
function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
