import type { DuckDBConnection } from '@duckdb/node-api';
import { TributaryError } from '../../../shared/errors';
import type { SqlStatement } from '../sql/contract';

/**
 * Runs the generated statements in order. A failure is the generator's or DuckDB's, not the user's: it names the
 * statement and its spec section, so the report says where.
 */
export async function runStatements(connection: DuckDBConnection, statements: readonly SqlStatement[]): Promise<void> {
  for (const statement of statements) {
    try {
      await connection.run(statement.sql);
    } catch (error) {
      throw new TributaryError(
        'internal',
        `DuckDB could not run the generated statement ${statement.name} (${statement.specSection}): ${(error as Error).message}`,
      );
    }
  }
}
