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

/**
 * Writes one file's rows inside the caller's transaction: upsert by id (data.md, re-import: nothing duplicated, a
 * re-import updates only the columns the file has), duplicates within the file reported with the line that came
 * first (the last row wins), and every issue recorded against the import.
 */
export class ImportWriter {
  private readonly upsert: Database.Statement;
  private readonly markSeen: Database.Statement;
  private readonly firstSeen: Database.Statement;
  private readonly addIssue: Database.Statement;
  private readonly keyIndexes: number[];
  private readonly custom: boolean;

  constructor(
    db: Database.Database,
    target: ImportTarget,
    private readonly importId: number,
  ) {
    const columns = target.columns;
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
    db.exec('CREATE TEMP TABLE IF NOT EXISTS import_seen (key TEXT PRIMARY KEY, line INTEGER NOT NULL) WITHOUT ROWID');
    db.exec('DELETE FROM temp.import_seen');
    this.markSeen = db.prepare('INSERT OR IGNORE INTO temp.import_seen (key, line) VALUES (?, ?)');
    this.firstSeen = db.prepare('SELECT line FROM temp.import_seen WHERE key = ?').pluck();
    this.addIssue = db.prepare(
      'INSERT INTO import_issues (import_id, line, column_name, severity, reason) VALUES (?, ?, ?, ?, ?)',
    );
    this.keyIndexes = target.key.map((name) => columns.indexOf(name));
  }

  /** Writes a valid row; returns the line of an earlier row with the same id in this file, if any. */
  write(values: StoredValue[], line: number): number | null {
    const key = this.keyIndexes.map((index) => String(values[index])).join('\u0000');
    const fresh = this.markSeen.run(key, line).changes === 1;
    this.upsert.run(this.custom ? [...values, values[values.length - 1]] : values);
    return fresh ? null : (this.firstSeen.get(key) as number);
  }

  issue(issue: ImportIssue): void {
    this.addIssue.run(this.importId, issue.line, issue.column, issue.severity, issue.reason);
  }
}
