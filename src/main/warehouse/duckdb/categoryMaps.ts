import type { DuckDBConnection } from '@duckdb/node-api';
import type { ColumnType } from '../../../shared/importSpec';
import { mapActionType, mapOpportunityType, mapStage } from '../../../shared/values/categories';
import type { Parsed } from '../../../shared/values/parsed';
import { quoteIdentifier } from './canonicalTables';

export type CategoryType = Extract<ColumnType, 'stage' | 'opportunityType' | 'actionType'>;

const MAPPERS: Record<CategoryType, (raw: string) => Parsed<string>> = {
  stage: (raw) => mapStage(raw),
  opportunityType: (raw) => mapOpportunityType(raw),
  actionType: (raw) => mapActionType(raw),
};

export function isCategory(type: ColumnType): type is CategoryType {
  return type in MAPPERS;
}

/** What a blank cell reads as (data.md: a blank type is new_business), or null when a blank is refused. */
export function blankCategory(type: CategoryType): string | null {
  const parsed = MAPPERS[type]('');
  return parsed.ok ? parsed.value : null;
}

/** A word the import's rules read with a caveat, and on how many rows it stands. */
export interface CategoryWarning {
  warning: string;
  rows: number;
}

/**
 * Fills `table` (raw, value) with the distinct trimmed words of one column of `source` and the word data.md maps
 * each to, read by the import's own rules (shared/values/categories.ts): "Closed Won" is won, "Expansion" an
 * upgrade, an unknown action type `other`. A file has a handful of distinct words whatever its size, so they are
 * mapped in JavaScript and joined back in DuckDB. Blank words are left out: the column's own checks report them.
 */
export async function fillCategoryMap(
  connection: DuckDBConnection,
  table: string,
  source: string,
  column: string,
  type: CategoryType,
): Promise<CategoryWarning[]> {
  const words = await connection.runAndReadAll(
    `SELECT trim(${column}) AS word, count(*) AS n FROM ${source} WHERE NULLIF(trim(${column}), '') IS NOT NULL GROUP BY word`,
  );
  await connection.run(`CREATE TEMP TABLE ${quoteIdentifier(table)} (raw VARCHAR, value VARCHAR)`);
  const appender = await connection.createAppender(table, 'main', 'temp');
  const warnings: CategoryWarning[] = [];
  for (const [word, rows] of words.getRows()) {
    const parsed = MAPPERS[type](String(word));
    if (!parsed.ok) continue;
    appender.appendVarchar(String(word));
    appender.appendVarchar(parsed.value);
    appender.endRow();
    if (parsed.warning !== undefined) warnings.push({ warning: parsed.warning, rows: Number(rows) });
  }
  appender.closeSync();
  return warnings;
}
