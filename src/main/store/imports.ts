import type Database from 'better-sqlite3';
import type { ImportHistoryRow, ImportIssue, Page } from '../../shared/importApi';
import type { ImportMapping } from '../../shared/importSpec';
import type { DataKind } from '../../shared/kinds';

/** An import's history row as it starts, before the file is read. */
export interface ImportStart {
  kind: DataKind;
  fileName: string;
  mapping: ImportMapping;
  strict: boolean;
  startedAt: number;
}

/** What the history keeps of an import once its file has been read. */
export interface ImportEnd {
  sha256: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
  finishedAt: number;
}

/**
 * Adds an import to the history, with no counts yet, inside the import's own transaction (its rejected rows refer to
 * it); returns its id. finishImport fills in the rest.
 */
export function startImport(db: Database.Database, start: ImportStart): number {
  return Number(
    db
      .prepare(
        `INSERT INTO imports (kind, file_name, sha256, rows_read, rows_imported, rows_rejected, mapping_json, strict,
           started_at, finished_at) VALUES (?, ?, '', 0, 0, 0, ?, ?, ?, ?)`,
      )
      .run(
        start.kind,
        start.fileName,
        JSON.stringify(start.mapping),
        start.strict ? 1 : 0,
        start.startedAt,
        start.startedAt,
      ).lastInsertRowid,
  );
}

/** Records what the import read and wrote, before its transaction commits. */
export function finishImport(db: Database.Database, importId: number, end: ImportEnd): void {
  db.prepare(
    `UPDATE imports SET sha256 = ?, rows_read = ?, rows_imported = ?, rows_rejected = ?, finished_at = ?
     WHERE import_id = ?`,
  ).run(end.sha256, end.rowsRead, end.rowsImported, end.rowsRejected, end.finishedAt, importId);
}

/** The project's import history, newest first. */
export function listImports(db: Database.Database): ImportHistoryRow[] {
  const rows = db
    .prepare(
      `SELECT import_id, kind, file_name, sha256, rows_read, rows_imported, rows_rejected, strict, started_at,
              finished_at
       FROM imports ORDER BY import_id DESC`,
    )
    .all() as {
    import_id: number;
    kind: DataKind;
    file_name: string;
    sha256: string;
    rows_read: number;
    rows_imported: number;
    rows_rejected: number;
    strict: number;
    started_at: number;
    finished_at: number;
  }[];
  return rows.map((row) => ({
    importId: row.import_id,
    kind: row.kind,
    fileName: row.file_name,
    sha256: row.sha256,
    rowsRead: row.rows_read,
    rowsImported: row.rows_imported,
    rowsRejected: row.rows_rejected,
    strict: row.strict === 1,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
  }));
}

export function importFileName(db: Database.Database, importId: number): string | null {
  return (db.prepare('SELECT file_name FROM imports WHERE import_id = ?').pluck().get(importId) as string) ?? null;
}

/** One page of an import's issues, in file order (rejected rows and warnings). */
export function listImportIssues(
  db: Database.Database,
  importId: number,
  offset: number,
  limit: number,
): Page<ImportIssue> {
  const total = db.prepare('SELECT count(*) FROM import_issues WHERE import_id = ?').pluck().get(importId) as number;
  const rows = db
    .prepare(
      `SELECT line, column_name AS "column", severity, reason FROM import_issues WHERE import_id = ?
       ORDER BY line, rowid LIMIT ? OFFSET ?`,
    )
    .all(importId, limit, offset) as ImportIssue[];
  return { total, offset, rows };
}

/** Every issue of an import, for the CSV export, without loading them all at once. */
export function iterateImportIssues(db: Database.Database, importId: number): IterableIterator<ImportIssue> {
  return db
    .prepare(
      `SELECT line, column_name AS "column", severity, reason FROM import_issues WHERE import_id = ?
       ORDER BY line, rowid`,
    )
    .iterate(importId) as IterableIterator<ImportIssue>;
}

/** Open opportunities stored without an amount (schema 0004): unvalued pipeline, counted as 0 (data.md). */
export function countUnvaluedOpportunities(db: Database.Database): number {
  return db.prepare('SELECT count(*) FROM opportunities WHERE amount_missing = 1').pluck().get() as number;
}
