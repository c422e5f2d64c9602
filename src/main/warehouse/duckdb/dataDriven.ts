import type { DuckDBConnection } from '@duckdb/node-api';
import { pathSummaryOf, type SummaryRow } from '../solve/readSummary';
import { solvePathSummary, type ChannelWeights } from '../solve/solveSummary';
import type { SqlDataDrivenModel } from '../sql/contract';
import { generateSpreadSql } from '../sql/generate';
import { runStatements } from './runStatements';

/**
 * spec 6 the warehouse way: the path summary the script built (tributary_path_summary) is solved here by the
 * engine's exact solvers, the weights written to channel_weights, and the spread statement puts them onto touches
 * (tributary_data_driven_credits). Returns the weights, as `attribute --json` reports them.
 */
export async function creditDataDriven(
  connection: DuckDBConnection,
  model: SqlDataDrivenModel,
  markovOrder: number,
): Promise<ChannelWeights> {
  const result = await connection.runAndReadAll('SELECT path, conversions, nulls FROM tributary_path_summary');
  const rows: SummaryRow[] = result.getRowsJS().map(([path, conversions, nulls]) => ({
    path: JSON.parse(String(path)) as string[],
    conversions: Number(conversions),
    nulls: Number(nulls),
  }));
  const weights = solvePathSummary(pathSummaryOf(rows, true), model, markovOrder);
  await connection.run('DROP TABLE IF EXISTS channel_weights');
  await connection.run('CREATE TABLE channel_weights (channel VARCHAR, weight DOUBLE)');
  const appender = await connection.createAppender('channel_weights');
  for (const { channel, weight } of weights.weights) {
    appender.appendVarchar(channel);
    appender.appendDouble(weight);
    appender.endRow();
  }
  appender.closeSync();
  await runStatements(connection, generateSpreadSql('duckdb', model));
  return weights;
}
