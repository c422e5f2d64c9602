import type Database from 'better-sqlite3';
import type { ImportIssue } from '../../shared/importApi';
import type { DataKind } from '../../shared/kinds';

/** A cell as it is stored: text, a number, or NULL. */
export type StoredValue = string | number | null;

/** The table a file's rows go to, and how: the stored columns each row fills, in order, and which of them are what. */
export interface ImportTarget {
  kind: DataKind;
  /** Stored columns each row fills, in the order of its values. */
  columns: string[];
  /** Stored columns that identify a row (upsert key). */
  key: string[];
  /** Stored columns filled only on insert, never overwritten by a re-import. */
  insertOnly: string[];
  /**
   * Whether the last column is `custom` (schema 0004), given as a JSON merge patch: a new row keeps its non-blank
   * fields, a row already there has the patch merged into its fields (a field the file blanks is cleared, one it
   * lacks is kept).
   */
  custom: boolean;
}

const quote = (name: string): string => `"${name}"`;

/** Rows a page of `LinesByRowid` covers: 256 KiB of lines, allocated only where rows were written. */
const PAGE = 1 << 16;

/**
 * The line of the file that first wrote each row, by rowid: four bytes a written row, where a set of keys would hold
 * every id again. (Rowids are SQLite's own, one past the largest; a file planted with rowids past 2^53 could only
 * make two rows share a line here, that is a wrong duplicate warning, never a wrong row.)
 */
class LinesByRowid {
  private readonly pages = new Map<number, Int32Array>();

  get(rowid: number): number {
    return this.pages.get(Math.floor(rowid / PAGE))?.[rowid % PAGE] ?? 0;
  }

  set(rowid: number, line: number): void {
    const index = Math.floor(rowid / PAGE);
    let page = this.pages.get(index);
    if (!page) this.pages.set(index, (page = new Int32Array(PAGE)));
    page[rowid % PAGE] = line;
  }
}

/**
 * Writes one file's rows inside the caller's transaction: upsert by id (data.md, re-import: nothing duplicated, a
 * re-import updates only the columns the file has), duplicates within the file reported with the line that came
 * first (the last row wins), and every issue recorded against the import.
 *
 * The duplicate check leans on the upsert: a row it inserted is new to the project, so it cannot repeat an earlier
 * line, and SQLite says so for free (the connection's last insert rowid moves, to past the table's largest rowid;
 * an upsert that updates leaves it where it was). Only a row that met an existing one is looked up, through the
 * key's own index, and its rowid tells whether an earlier line of this file wrote it. Keeping every key in a set
 * of its own, as this did before, cost a B-tree insert a row (issue 16).
 */
export class ImportWriter {
  /** Values a row has (`ImportTarget.columns`). */
  readonly width: number;
  private readonly upsert: Database.Statement;
  private readonly rowidOf: Database.Statement;
  private readonly addIssue: Database.Statement;
  private readonly keyIndexes: number[];
  private readonly custom: boolean;
  private readonly lines = new LinesByRowid();
  /** The connection's last insert rowid as the writer left it: this writer is its only user while it writes. */
  private lastInsert: number;
  /** The table's largest rowid so far: a row the upsert inserted lies past it. */
  private largest: number;

  constructor(
    db: Database.Database,
    target: ImportTarget,
    private readonly importId: number,
  ) {
    const columns = target.columns;
    this.width = columns.length;
    const updatable = columns.filter(
      (c) => !target.key.includes(c) && !target.insertOnly.includes(c) && !(target.custom && c === 'custom'),
    );
    const updates = updatable.map((c) => `${quote(c)} = excluded.${quote(c)}`);
    // The patch is bound twice: once for a new row, once for merging into an existing one.
    if (target.custom) updates.push(`custom = nullif(json_patch(coalesce(custom, '{}'), ?), '{}')`);
    const placeholders = columns.map((c) =>
      target.custom && c === 'custom' ? `nullif(json_patch('{}', ?), '{}')` : '?',
    );
    const onConflict = updates.length === 0 ? 'DO NOTHING' : `DO UPDATE SET ${updates.join(', ')}`;
    this.upsert = db.prepare(
      `INSERT INTO ${target.kind} (${columns.map(quote).join(', ')}) VALUES (${placeholders.join(', ')})
       ON CONFLICT (${target.key.map(quote).join(', ')}) ${onConflict}`,
    );
    this.custom = target.custom;
    this.rowidOf = db
      .prepare(`SELECT rowid FROM ${target.kind} WHERE ${target.key.map((c) => `${quote(c)} = ?`).join(' AND ')}`)
      .pluck();
    this.addIssue = db.prepare(
      'INSERT INTO import_issues (import_id, line, column_name, severity, reason) VALUES (?, ?, ?, ?, ?)',
    );
    this.keyIndexes = target.key.map((name) => columns.indexOf(name));
    this.lastInsert = Number(db.prepare('SELECT last_insert_rowid()').pluck().get());
    this.largest = Number(db.prepare(`SELECT coalesce(max(rowid), 0) FROM ${target.kind}`).pluck().get());
  }

  /**
   * Writes a valid row, its values `width` from `offset`; returns the line of an earlier row with the same id in
   * this file, if any.
   */
  write(values: readonly StoredValue[], offset: number, line: number): number | null {
    const row = values.slice(offset, offset + this.width);
    if (this.custom) row.push(row[row.length - 1] ?? null);
    const { lastInsertRowid } = this.upsert.run(row);
    const inserted = Number(lastInsertRowid);
    if (inserted !== this.lastInsert && inserted > this.largest) {
      this.lastInsert = this.largest = inserted;
      this.lines.set(inserted, line);
      return null;
    }
    // It met a row already there: from before this import, or from an earlier line of this file.
    const rowid = Number(this.rowidOf.get(this.keyIndexes.map((index) => row[index])));
    const earlier = this.lines.get(rowid);
    if (earlier !== 0) return earlier;
    this.lines.set(rowid, line);
    return null;
  }

  issue(issue: ImportIssue): void {
    this.lastInsert = Number(
      this.addIssue.run(this.importId, issue.line, issue.column, issue.severity, issue.reason).lastInsertRowid,
    );
  }
}
