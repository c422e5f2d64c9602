import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import type { ImportIssue, ImportReport } from '../../shared/importApi';
import { ImportWriter } from '../store/importWriter';
import type { HeaderInfo, RowBatch } from './rowBatch';

export type Counts = Pick<
  ImportReport,
  'kind' | 'fileName' | 'rowsRead' | 'rowsImported' | 'rowsRejected' | 'warnings' | 'issues'
>;

const ISSUES_KEPT = 1000;

/**
 * The second half of an import: writes the parser's batches, in file order, inside the import's transaction, and
 * counts what it did. Every issue is recorded against the import in the order it was found, the same whether the
 * batches came from this thread or from a worker, so both give the same project.
 */
export class BatchWriter {
  readonly counts: Counts;
  private writer: ImportWriter | null = null;
  private key = '';

  constructor(
    private readonly db: Database.Database,
    private readonly importId: number,
    counts: Pick<Counts, 'kind' | 'fileName'>,
  ) {
    this.counts = { ...counts, rowsRead: 0, rowsImported: 0, rowsRejected: 0, warnings: 0, issues: [] };
  }

  header(info: HeaderInfo): void {
    this.writer = new ImportWriter(this.db, info.target, this.importId);
    this.key = info.target.key.join(', ');
    for (const issue of info.issues) this.record(issue);
  }

  batch(batch: RowBatch): void {
    const writer = this.writer;
    if (!writer) throw new TributaryError('internal', 'Rows arrived before the header.');
    const { lines, ok, values, issues } = batch;
    const counts = this.counts;
    const width = writer.width;
    let next = 0; // the next issue of the batch to record
    let offset = 0;
    for (let row = 0; row < lines.length; row++) {
      const line = lines[row] as number;
      counts.rowsRead++;
      while (next < issues.length && (issues[next] as { row: number }).row === row) {
        const { row: _row, ...issue } = issues[next++] as RowBatch['issues'][number];
        this.record(issue);
      }
      if (ok[row] !== 1) {
        counts.rowsRejected++;
        continue;
      }
      const earlier = writer.write(values, offset, line);
      offset += width;
      if (earlier === null) counts.rowsImported++;
      else {
        this.record({
          line,
          column: this.key,
          severity: 'warning',
          reason: `duplicate of line ${earlier}; the later row wins`,
        });
      }
    }
  }

  private record(issue: ImportIssue): void {
    if (issue.severity === 'warning') this.counts.warnings++;
    if (this.counts.issues.length < ISSUES_KEPT) this.counts.issues.push(issue);
    this.writer?.issue(issue);
  }
}
