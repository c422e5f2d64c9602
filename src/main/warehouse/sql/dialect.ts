import type { SqlDialect } from './contract';

/**
 * What differs between the three dialects the script is verified on, in one place; every other module writes the
 * SQL the three share (CREATE TABLE ... AS WITH, window functions, CASE, COALESCE, `||`, double-quoted identifiers).
 */
export interface Dialect {
  name: SqlDialect;
  /**
   * A text column in ORDER BY or MIN: spec 1 compares strings by code unit, which is SQLite's BINARY and DuckDB's
   * default; PostgreSQL sorts by the database's locale unless told to use "C" (byte order, i.e. code points, the same
   * as code units outside the surrogate range).
   */
  byCode(column: string): string;
  /** The ordered JSON array of `value` over a group, as text. */
  jsonArray(value: string, orderBy: string): string;
  /** The JSON array of the distinct values of the text `value` over a group, in code-point order, as text. */
  jsonSet(value: string): string;
  /** The part of an email after its '@' (valid addresses have one), or NULL when there is none. */
  afterAt(email: string): string;
}

const afterAtWith = (find: string) => (email: string) =>
  `CASE WHEN ${find}(${email}, '@') > 0 THEN substr(${email}, ${find}(${email}, '@') + 1) END`;

const DIALECTS: Record<SqlDialect, Dialect> = {
  sqlite: {
    name: 'sqlite',
    byCode: (column) => column,
    // SQLite 3.44+ takes ORDER BY inside an aggregate's arguments.
    jsonArray: (value, orderBy) => `json_group_array(${value} ORDER BY ${orderBy})`,
    jsonSet: (value) => `json_group_array(DISTINCT ${value} ORDER BY ${value})`,
    afterAt: afterAtWith('instr'),
  },
  duckdb: {
    name: 'duckdb',
    byCode: (column) => column,
    // DuckDB's json extension ships in its binary (loaded offline); json_group_array there is a macro without ORDER BY.
    // Not list(value ORDER BY key): an ordered aggregate keeps a sort state per group, and over the journeys of 50M
    // touches (a million deals) it ran out of memory; a plain list of (key, value) pairs sorted afterwards does not.
    // The lambda is written `lambda x:`, the form DuckDB keeps (its `x -> ...` is deprecated since 1.3).
    jsonArray: (value, orderBy) =>
      `CAST(to_json(list_transform(list_sort(list(struct_pack(k := ${orderBy}, v := ${value}))), lambda x: x.v)) AS VARCHAR)`,
    // A set needs no order of its own: the distinct values of a plain list, sorted once.
    jsonSet: (value) => `CAST(to_json(list_sort(list_distinct(list(${value})))) AS VARCHAR)`,
    afterAt: afterAtWith('strpos'),
  },
  postgres: {
    name: 'postgres',
    byCode: (column) => `${column} COLLATE "C"`,
    // json has no equality operator: the text is what paths are grouped by.
    jsonArray: (value, orderBy) => `CAST(json_agg(${value} ORDER BY ${orderBy}) AS TEXT)`,
    jsonSet: (value) => `CAST(json_agg(DISTINCT ${value} COLLATE "C" ORDER BY ${value} COLLATE "C") AS TEXT)`,
    afterAt: afterAtWith('strpos'),
  },
};

export const dialectOf = (name: SqlDialect): Dialect => DIALECTS[name];
