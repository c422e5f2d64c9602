import type { DuckDBConnection } from '@duckdb/node-api';
import { csvLine } from '../../../shared/csv';
import { POSITION_NAMES } from '../../../shared/vocabulary/positions';
import { assertCreditsCsvTarget, CREDITS_HEADER } from '../../export/creditsCsv';
import { writeWholeFile } from '../../export/wholeFile';

/**
 * `--out` of cli.md from the SQL's tables, the same file the built-in engine writes (export/creditsCsv.ts): one row
 * per credited touch of an in-scope won opportunity in opportunity then touch order (spec 1), one row with empty
 * touch_kind and touch_id for each such opportunity with no touch, cells written by the same csvLine. The SQL path
 * applies no channel groups, so channel_group is the channel. Streamed from DuckDB, written to a partial file
 * renamed into place. Returns the number of rows.
 */
export async function writeSqlCreditsCsv(
  connection: DuckDBConnection,
  path: string,
  withPositions: boolean,
): Promise<number> {
  assertCreditsCsvTarget(path);
  const result = await connection.stream(
    `SELECT opportunity_id, touch_kind, touch_id, channel, is_ft, is_lc, is_oc, is_cw, is_mid, credit FROM (
       SELECT c.opportunity_id, c.touch_kind, c.touch_id, c.channel,
         j.is_ft, j.is_lc, j.is_oc, j.is_cw, j.is_mid, c.credit, j.seq
       FROM run_credits c
       JOIN tributary_journey_touches j
         ON j.opportunity_id = c.opportunity_id AND j.touch_kind = c.touch_kind AND j.touch_id = c.touch_id
       WHERE c.credit > 0
       UNION ALL
       SELECT opportunity_id, NULL, NULL, NULL, 0, 0, 0, 0, 0, amount, 0 FROM tributary_unattributed
     ) ORDER BY opportunity_id, seq`,
  );
  const text = (value: unknown): string => (value === null ? '' : String(value));
  return writeWholeFile(path, async (sink) => {
    let rows = 0;
    sink.write(csvLine(CREDITS_HEADER));
    for await (const chunk of result.yieldRowsJs()) {
      for (const [opportunity, kind, touch, channel, ft, lc, oc, cw, mid, credit] of chunk) {
        const flags = [ft, lc, oc, cw, mid].map(Number);
        const positions =
          withPositions && kind !== null ? POSITION_NAMES.filter((_, i) => flags[i] === 1).join('|') : '';
        sink.write(
          csvLine([
            text(opportunity),
            text(kind),
            text(touch),
            text(channel),
            text(channel),
            positions,
            Number(credit),
          ]),
        );
        rows++;
      }
    }
    return rows;
  });
}
