import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { generateAttributionSql } from '../../src/main/warehouse/sql/generate';
import { SQL_DIALECTS, type SqlOptions } from '../../src/main/warehouse/sql/contract';
import { differences, engineFigures, sqlFigures, type Figures } from './figures';
import { openEngine } from './sqlEngines';

/** The built-in engine's figures for the project file at `path`. */
export function expectedFigures(path: string, options: SqlOptions): Figures {
  const db = new Database(path, { readonly: true });
  try {
    return engineFigures(db, options);
  } finally {
    db.close();
  }
}

/**
 * Runs the generated script on SQLite, DuckDB and PostgreSQL over the project at `path` and returns, per dialect, how
 * its figures differ from the built-in engine's (none when equal to 1e-9 relative).
 */
export async function sqlDifferences(
  path: string,
  options: SqlOptions,
  dir: string,
): Promise<Record<string, string[]>> {
  const expected = expectedFigures(path, options);
  const out: Record<string, string[]> = {};
  for (const dialect of SQL_DIALECTS) {
    const engine = await openEngine(dialect, path, dir);
    try {
      await engine.run(generateAttributionSql(dialect, options));
      out[dialect] = differences(expected, await sqlFigures(engine));
    } finally {
      await engine.close();
    }
  }
  return out;
}

export async function expectSqlEqualsEngine(path: string, options: SqlOptions, dir: string): Promise<void> {
  expect(await sqlDifferences(path, options, dir)).toEqual({ sqlite: [], duckdb: [], postgres: [] });
}
