import type Database from 'better-sqlite3';
import { KIND_SPECS } from '../../shared/importSpec';
import type { DataKind } from '../../shared/kinds';
import { checkBeforeReadingData } from './dataCheck';
import { tableBlocks } from './tableBlocks';

/** A canonical row: data.md's columns of its kind, in KIND_SPECS order, as the project stores them. */
export type CanonicalRow = (string | number | null)[];

/**
 * The rows of one kind's table with exactly data.md's columns (shared/importSpec KIND_SPECS), a block at a time in
 * storage order: what another engine (the warehouse runner's DuckDB) is handed to run the generated SQL over.
 * Timestamps are the stored UTC milliseconds, categories the normalised words. Each row carries its rowid last
 * (store/tableBlocks.ts). Read inside readCanonicalTables, so every kind is of the same commit.
 */
export function canonicalRowBlocks(db: Database.Database, kind: DataKind): Iterable<CanonicalRow[]> {
  return tableBlocks<CanonicalRow>(
    db,
    kind,
    KIND_SPECS[kind].columns.map((column) => column.name),
  );
}

/** `read` in one read transaction over a checked file, as store/engineTables.ts reads the engine's tables. */
export function readCanonicalTables<T>(db: Database.Database, read: () => T): T {
  checkBeforeReadingData(db);
  return db.transaction(read)();
}
