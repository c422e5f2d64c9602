import { KIND_SPECS, type ColumnSpec, type ColumnType } from '../../../shared/importSpec';
import { DATA_KINDS, type DataKind } from '../../../shared/kinds';

/**
 * The canonical tables as DuckDB holds them for the generated SQL: one table per kind of data.md, named like the
 * kind, with data.md's columns (importSpec's KIND_SPECS, the import's own list, so a new column is one edit) and no
 * other. Timestamps are UTC milliseconds in a BIGINT (spec 1), with a date-only milestone already moved to the end
 * of its day; stage, type and action type hold the normalised words (won/lost/open, new_business/upgrade/renewal,
 * the action types); emails and domains are lower-cased. So a project file and a folder of CSV or Parquet files
 * give the SQL the very same tables.
 */
export type DuckDbColumnType = 'VARCHAR' | 'BIGINT' | 'DOUBLE';

export function duckDbTypeOf(type: ColumnType): DuckDbColumnType {
  switch (type) {
    case 'integer':
    case 'milestoneDate':
    case 'eventDate':
      return 'BIGINT';
    case 'amount':
      return 'DOUBLE';
    default:
      return 'VARCHAR';
  }
}

/** The kinds without which there is nothing to attribute; every other kind is an empty table when absent. */
export const REQUIRED_KINDS: readonly DataKind[] = ['opportunities', 'touchpoints'];

export function canonicalColumns(kind: DataKind): readonly ColumnSpec[] {
  return KIND_SPECS[kind].columns;
}

/** An identifier in double quotes, any quote inside doubled: names are never pasted into SQL bare. */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** `CREATE TABLE` of one canonical table, empty. */
export function createCanonicalTableSql(kind: DataKind): string {
  const columns = canonicalColumns(kind).map(
    (column) => `${quoteIdentifier(column.name)} ${duckDbTypeOf(column.type)}`,
  );
  return `CREATE TABLE ${quoteIdentifier(kind)} (${columns.join(', ')})`;
}

export const CANONICAL_KINDS: readonly DataKind[] = DATA_KINDS;
