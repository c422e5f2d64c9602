import {
  BIGINT,
  DOUBLE,
  DuckDBDataChunk,
  VARCHAR,
  type DuckDBAppender,
  type DuckDBConnection,
  type DuckDBValue,
} from '@duckdb/node-api';
import { TributaryError } from '../../../shared/errors';
import type { ColumnSpec } from '../../../shared/importSpec';
import type { DataKind } from '../../../shared/kinds';
import { canonicalRowBlocks, readCanonicalTables, type CanonicalRow } from '../../store/canonicalRows';
import { readGroupRules } from '../../store/channelGroups';
import { openProjectToRead, type MigrationBackup } from '../../store/project';
import { CANONICAL_KINDS, canonicalColumns, createCanonicalTableSql, duckDbTypeOf } from './canonicalTables';

/** What a project file holds besides its tables that a run must know of. */
export interface ProjectFacts {
  currency: string;
  /** The project's channel-group rules (spec 10): the SQL path does not apply them. */
  groupRules: number;
  /** Set when opening upgraded an older project file, as the built-in engine's open would. */
  migrated: MigrationBackup | null;
}

/**
 * Creates the canonical tables in DuckDB from a project file. DuckDB's SQLite scanner is an extension it downloads
 * on first use, and the npm package ships only Parquet, JSON and ICU built in, so an offline machine has no scanner:
 * the rows are read with better-sqlite3 (store/canonicalRows.ts) and handed over with DuckDB's appender, a block at a
 * time, in one read transaction. (A temporary CSV copy for DuckDB to read instead, even with SQLite writing the
 * lines, was measured no faster than a fifth at a million touches, and it leaves a plain-text copy of client data on
 * disk while it runs: docs/warehouse.md.)
 */
export async function loadProjectTables(connection: DuckDBConnection, path: string): Promise<ProjectFacts> {
  for (const kind of CANONICAL_KINDS) await connection.run(createCanonicalTableSql(kind));
  // The appenders are made first (DuckDB's calls are asynchronous); the rows are then read and appended
  // synchronously, better-sqlite3 and the appender both being so, inside one read transaction.
  const appenders = new Map<DataKind, DuckDBAppender>();
  for (const kind of CANONICAL_KINDS) appenders.set(kind, await connection.createAppender(kind));
  const project = openProjectToRead(path);
  try {
    const { db } = project;
    readCanonicalTables(db, () => {
      for (const kind of CANONICAL_KINDS) {
        const appender = appenders.get(kind) as DuckDBAppender;
        appendRows(appender, canonicalColumns(kind), canonicalRowBlocks(db, kind));
        appender.closeSync();
      }
    });
    return { currency: project.meta.currency, groupRules: readGroupRules(db).length, migrated: project.migrated };
  } catch (error) {
    if (error instanceof TributaryError) throw error;
    throw new TributaryError('internal', `Could not hand ${path} to DuckDB: ${(error as Error).message}`);
  } finally {
    project.close();
  }
}

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

const DUCKDB_TYPE = { VARCHAR, BIGINT, DOUBLE } as const;

/** A stored value as the appender takes it: BIGINT columns as bigint. */
function toDuckDb(type: ReturnType<typeof duckDbTypeOf>, value: string | number | null | undefined): DuckDBValue {
  if (value === null || value === undefined) return null;
  if (type === 'BIGINT') return BigInt(value);
  if (type === 'DOUBLE') return Number(value);
  return String(value);
}

/**
 * Appends the rows a column-major data chunk at a time, one call into DuckDB per chunk rather than one per value
 * (about as fast at a million touches; reading the rows out of SQLite is the larger part of the time).
 */
function appendRows(appender: DuckDBAppender, columns: readonly ColumnSpec[], blocks: Iterable<CanonicalRow[]>): void {
  const types = columns.map((column) => duckDbTypeOf(column.type));
  const chunk = DuckDBDataChunk.create(types.map((type) => DUCKDB_TYPE[type]));
  let pending: DuckDBValue[][] = types.map(() => []);
  let count = 0;
  const flush = (): void => {
    if (count === 0) return;
    chunk.reset();
    chunk.setColumns(pending);
    appender.appendDataChunk(chunk);
    pending = types.map(() => []);
    count = 0;
  };
  for (const block of blocks) {
    for (const row of block) {
      for (let i = 0; i < types.length; i++) {
        (pending[i] as DuckDBValue[]).push(toDuckDb(types[i] as ReturnType<typeof duckDbTypeOf>, row[i]));
      }
      if (++count === CHUNK_ROWS) flush();
    }
  }
  flush();
}
