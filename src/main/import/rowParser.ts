import Papa from 'papaparse';
import { TributaryError } from '../../shared/errors';
import type { CustomFieldPlan } from '../../shared/customFields';
import type { ImportMapping } from '../../shared/importSpec';
import { unmappedHeaderHints } from '../../shared/importSuggest';
import type { CsvPeek } from './peek';
import { buildRowPlan, type RowPlan } from './plan';
import { emptyBatch, type HeaderInfo, type ParseEnd, type RowBatch } from './rowBatch';
import { openCsvSource, RowLines } from './source';

/** Everything parsing needs, as plain data, so a worker thread can be handed it (import/parseThread.ts). */
export interface ParseInput {
  path: string;
  mapping: ImportMapping;
  custom: CustomFieldPlan;
  delimiter: string;
  newline: CsvPeek['newline'];
}

export interface ParseSink {
  header(info: HeaderInfo): void;
  /** One batch per chunk papaparse hands over; may throw to stop the parse (a cancel). */
  batch(batch: RowBatch): void;
}

/**
 * Reads a CSV file and converts its rows to stored values, without touching the project: the first half of an
 * import, run in the importing thread for a small file and in a worker beside the writer for a large one. Rows
 * come out in batches, each row either converted or rejected with its line, column and reason (data.md).
 */
export function parseRows(input: ParseInput, sink: ParseSink): Promise<ParseEnd> {
  const source = openCsvSource(input.path);
  const { mapping, custom } = input;
  return new Promise<ParseEnd>((resolve, reject) => {
    let plan: RowPlan | null = null;
    let headerCount = 0;
    let rowsRead = 0;
    let batch = emptyBatch();
    const lines = new RowLines(input.newline);
    let settled = false;
    const fail = (error: unknown, parser?: Papa.Parser): void => {
      if (settled) return;
      settled = true;
      parser?.abort();
      source.text.destroy();
      reject(error);
    };

    function rejectRow(line: number, reason: string): void {
      const row = batch.lines.length;
      batch.lines.push(line);
      batch.ok.push(0);
      batch.issues.push({ row, line, column: null, severity: 'rejected', reason });
    }

    function handleRow(fields: string[], line: number): void {
      if (fields.length === 1 && fields[0]?.trim() === '') return; // blank line, before the header too
      if (!plan) {
        headerCount = fields.length;
        const headers = fields.map((field) => field.trim());
        plan = planFor(mapping, headers, custom, `${source.fileName}: line ${line} (the header)`);
        // A misspelt header would otherwise leave its column out without a word: said once, on the header's line.
        const issues = [
          ...unmappedHeaderHints(mapping.kind, headers, mapping.columns).map((hint) => ({
            column: hint.header,
            reason: hint.reason,
          })),
          ...custom.notices.map((notice) => ({ column: notice.header, reason: notice.reason })),
        ].map((issue) => ({ line, ...issue, severity: 'warning' as const }));
        const { kind, columns, key, insertOnly } = plan;
        sink.header({ target: { kind, columns, key, insertOnly, custom: plan.custom }, issues });
        return;
      }
      rowsRead++;
      if (fields.length !== headerCount) {
        rejectRow(line, `expected ${headerCount} columns as in the header, found ${fields.length}`);
        return;
      }
      const outcome = plan.convert(fields);
      const row = batch.lines.length;
      batch.lines.push(line);
      batch.ok.push(outcome.ok ? 1 : 0);
      for (const warning of outcome.warnings) batch.issues.push({ row, line, ...warning, severity: 'warning' });
      if (!outcome.ok) {
        for (const error of outcome.errors) batch.issues.push({ row, line, ...error, severity: 'rejected' });
        return;
      }
      for (const value of outcome.values) batch.values.push(value);
    }

    Papa.parse<string[]>(source.text as unknown as File, {
      header: false,
      skipEmptyLines: false,
      delimiter: input.delimiter,
      newline: input.newline,
      chunk(results, parser) {
        if (settled) return;
        try {
          const rowErrors = new Map<number, string>();
          for (const error of results.errors) {
            if (error.row !== undefined && error.code !== 'UndetectableDelimiter') {
              rowErrors.set(error.row, error.message);
            }
          }
          results.data.forEach((fields, index) => {
            const line = lines.advance(fields);
            const parseError = rowErrors.get(index);
            if (parseError !== undefined && plan) {
              rowsRead++;
              rejectRow(line, `malformed CSV: ${parseError}`);
              return;
            }
            handleRow(fields, line);
          });
          if (plan) {
            batch.bytesRead = source.bytesRead();
            const full = batch;
            batch = emptyBatch();
            sink.batch(full);
          }
        } catch (error) {
          fail(error, parser);
        }
      },
      complete() {
        if (settled) return;
        if (!plan) {
          fail(new TributaryError('bad_request', `${source.fileName} is empty.`));
          return;
        }
        if (rowsRead === 0) {
          fail(new TributaryError('bad_request', `${source.fileName} has a header row but no data rows.`));
          return;
        }
        settled = true;
        resolve({ sha256: source.sha256(), filledCustomFields: [...plan.filledCustomFields] });
      },
      error(error) {
        fail(error);
      },
    });
    source.text.on('error', (error) => fail(error));
  });
}

/** The row plan, or the whole-file problem with the header said where, as every other rejection is. */
function planFor(mapping: ImportMapping, headers: string[], custom: CustomFieldPlan, where: string): RowPlan {
  try {
    return buildRowPlan(mapping, headers, custom.columns);
  } catch (error) {
    if (!(error instanceof TributaryError)) throw error;
    throw new TributaryError(error.code, `${where}: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)}`);
  }
}
