import type Database from 'better-sqlite3';
import Papa from 'papaparse';
import { TributaryError } from '../../shared/errors';
import type { DateOrder, ImportMapping, OpportunityType, Stage } from '../../shared/importSpec';
import { hasCustomFields, planCustomFields, type CustomFieldPlan } from '../../shared/customFields';
import type { ImportIssue, ImportProgress, ImportReport } from '../../shared/importApi';
import { unmappedHeaderHints } from '../../shared/importSuggest';
import { plural } from '../../shared/plural';
import type { DataKind } from '../../shared/kinds';
import { suspendRevisionTriggers } from '../store/dataRevision';
import { asyncWriteTransaction, translateSqliteError } from '../store/database';
import { readCustomFields, registerCustomFields } from '../store/customFields';
import { ImportWriter } from '../store/importWriter';
import { countUnvaluedOpportunities, finishImport, startImport } from '../store/imports';
import { saveMapping } from '../store/mappings';
import { resolveMemberIdentities } from '../store/memberIdentities';
import { resolveMapping } from './mapping';
import type { CsvPeek } from './peek';
import { buildRowPlan, type RowPlan } from './plan';
import { openCsvSource, RowLines } from './source';

export interface ImportOptions {
  kind: DataKind;
  /** Columns and value maps the user set; a column left out is auto-mapped from the headers, unless `complete`. */
  mapping?: {
    columns?: Record<string, string>;
    /** `columns` is the whole mapping, as the wizard showed and previewed it: a column left out stays unmapped. */
    complete?: boolean;
    stageValues?: Record<string, Stage>;
    typeValues?: Record<string, OpportunityType>;
  };
  dateOrder?: DateOrder;
  decimalComma?: boolean;
  /** Import nothing when any row is rejected (data.md). */
  strict?: boolean;
  /** Validate the whole file as an import would, then write nothing. */
  dryRun?: boolean;
  /** Save the mapping in the project under this name, with the import. */
  saveMappingAs?: string;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

const ISSUES_KEPT = 1000;
const PROGRESS_EVERY_MS = 100;

/**
 * Imports one CSV file into the project as one transaction (data.md, re-import): valid rows are upserted, every
 * rejected row is recorded with its line, column and reason, and identity resolution is recomputed. Strict mode,
 * a cancel, or any failure rolls everything back, leaving the project exactly as before.
 */
export async function importCsv(db: Database.Database, path: string, options: ImportOptions): Promise<ImportReport> {
  const { mapping, notes, peek, signature } = resolveMapping(db, path, options);
  const { delimiter, newline } = peek;
  const custom = planCustomFields(options.kind, peek.headers, mapping.columns, readCustomFields(db, options.kind));
  const ignoredHeaders = custom.ignored;
  const source = openCsvSource(path);
  const started = Date.now();
  try {
    return await asyncWriteTransaction<ImportReport>(db, async () => {
      const restoreTriggers = suspendRevisionTriggers(db);
      const importId = startImport(db, {
        kind: options.kind,
        fileName: source.fileName,
        mapping,
        strict: options.strict === true,
        startedAt: started,
      });
      const { counts, filledCustomFields } = await streamRows(
        db,
        source,
        { mapping, custom, delimiter, newline, importId },
        options,
      );
      const sha256 = source.sha256();
      const customFields = custom.columns.map((column) => column.name).filter((name) => filledCustomFields.has(name));
      if (options.dryRun || (options.strict && counts.rowsRejected > 0)) {
        const result = {
          ...counts,
          importId: null,
          committed: false,
          sha256,
          mapping,
          notes,
          customFields,
          ignoredHeaders,
        };
        return { commit: false, result };
      }
      if (hasCustomFields(options.kind)) registerCustomFields(db, options.kind, customFields);
      if (options.kind === 'opportunities') noteUnvalued(db, notes);
      resolveMemberIdentities(db);
      restoreTriggers();
      if (options.saveMappingAs) saveMapping(db, options.saveMappingAs, signature, mapping);
      const { rowsRead, rowsImported, rowsRejected } = counts;
      finishImport(db, importId, { sha256, rowsRead, rowsImported, rowsRejected, finishedAt: Date.now() });
      return {
        commit: true,
        result: { ...counts, importId, committed: true, sha256, mapping, notes, customFields, ignoredHeaders },
      };
    });
  } catch (error) {
    throw translateSqliteError(error, db.name);
  } finally {
    source.text.destroy();
  }
}

type Counts = Pick<
  ImportReport,
  'kind' | 'fileName' | 'rowsRead' | 'rowsImported' | 'rowsRejected' | 'warnings' | 'issues'
>;

function streamRows(
  db: Database.Database,
  source: ReturnType<typeof openCsvSource>,
  {
    mapping,
    custom,
    delimiter,
    newline,
    importId,
  }: {
    mapping: ImportMapping;
    custom: CustomFieldPlan;
    delimiter: string;
    newline: CsvPeek['newline'];
    importId: number;
  },
  options: ImportOptions,
): Promise<{ counts: Counts; filledCustomFields: ReadonlySet<string> }> {
  return new Promise((resolve, reject) => {
    let plan: RowPlan | null = null;
    let writer: ImportWriter | null = null;
    let headerCount = 0;
    const counts: Counts = {
      kind: options.kind,
      fileName: source.fileName,
      rowsRead: 0,
      rowsImported: 0,
      rowsRejected: 0,
      warnings: 0,
      issues: [],
    };
    const lines = new RowLines(newline);
    let lastProgress = 0;
    let settled = false;
    const started = Date.now();
    const fail = (error: unknown, parser?: Papa.Parser): void => {
      if (settled) return;
      settled = true;
      parser?.abort();
      reject(error);
    };
    const record = (issue: ImportIssue): void => {
      if (issue.severity === 'warning') counts.warnings++;
      if (counts.issues.length < ISSUES_KEPT) counts.issues.push(issue);
      writer?.issue(issue);
    };

    function handleRow(fields: string[], rowLine: number): void {
      if (fields.length === 1 && fields[0]?.trim() === '') return; // blank line, before the header too
      if (!plan || !writer) {
        headerCount = fields.length;
        const headers = fields.map((field) => field.trim());
        plan = planFor(mapping, headers, custom, `${source.fileName}: line ${rowLine} (the header)`);
        writer = new ImportWriter(db, plan, importId);
        // A misspelt header would otherwise leave its column out without a word: said once, on the header's line.
        for (const hint of unmappedHeaderHints(mapping.kind, headers, mapping.columns)) {
          record({ line: rowLine, column: hint.header, severity: 'warning', reason: hint.reason });
        }
        for (const notice of custom.notices) {
          record({ line: rowLine, column: notice.header, severity: 'warning', reason: notice.reason });
        }
        return;
      }
      counts.rowsRead++;
      if (fields.length !== headerCount) {
        counts.rowsRejected++;
        record({
          line: rowLine,
          column: null,
          severity: 'rejected',
          reason: `expected ${headerCount} columns as in the header, found ${fields.length}`,
        });
        return;
      }
      const outcome = plan.convert(fields);
      for (const warning of outcome.warnings) record({ line: rowLine, ...warning, severity: 'warning' });
      if (!outcome.ok) {
        counts.rowsRejected++;
        for (const error of outcome.errors) record({ line: rowLine, ...error, severity: 'rejected' });
        return;
      }
      const earlier = writer.write(outcome.values, rowLine);
      if (earlier === null) counts.rowsImported++;
      else {
        record({
          line: rowLine,
          column: plan.key.join(', '),
          severity: 'warning',
          reason: `duplicate of line ${earlier}; the later row wins`,
        });
      }
    }

    Papa.parse<string[]>(source.text as unknown as File, {
      header: false,
      skipEmptyLines: false,
      delimiter,
      newline,
      chunk(results, parser) {
        if (settled) return;
        try {
          if (options.signal?.aborted) {
            throw new TributaryError('cancelled', `Import of ${source.fileName} cancelled; nothing was imported.`);
          }
          const rowErrors = new Map<number, string>();
          for (const error of results.errors) {
            if (error.row !== undefined && error.code !== 'UndetectableDelimiter')
              rowErrors.set(error.row, error.message);
          }
          results.data.forEach((fields, index) => {
            const rowLine = lines.advance(fields);
            const parseError = rowErrors.get(index);
            if (parseError !== undefined && writer) {
              counts.rowsRead++;
              counts.rowsRejected++;
              record({ line: rowLine, column: null, severity: 'rejected', reason: `malformed CSV: ${parseError}` });
              return;
            }
            handleRow(fields, rowLine);
          });
          const now = Date.now();
          if (options.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
            lastProgress = now;
            options.onProgress(progressOf(counts.rowsRead, source, started));
          }
        } catch (error) {
          fail(error, parser);
        }
      },
      complete() {
        if (settled) return;
        if (!writer) {
          fail(new TributaryError('bad_request', `${source.fileName} is empty.`));
          return;
        }
        if (counts.rowsRead === 0) {
          fail(new TributaryError('bad_request', `${source.fileName} has a header row but no data rows.`));
          return;
        }
        settled = true;
        options.onProgress?.(progressOf(counts.rowsRead, source, started));
        resolve({ counts, filledCustomFields: plan?.filledCustomFields ?? new Set() });
      },
      error(error) {
        fail(error);
      },
    });
    source.text.on('error', (error) => fail(error));
  });
}

/** data.md: open deals without an amount count as 0 and are reported as unvalued pipeline. */
function noteUnvalued(db: Database.Database, notes: string[]): void {
  const unvalued = countUnvaluedOpportunities(db);
  if (unvalued > 0) {
    notes.push(
      `${plural(unvalued, 'open opportunity', 'open opportunities')} in the project ${unvalued === 1 ? 'has' : 'have'} no amount yet: unvalued pipeline, counted as 0.`,
    );
  }
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

function progressOf(rowsRead: number, source: ReturnType<typeof openCsvSource>, started: number): ImportProgress {
  const bytesRead = source.bytesRead();
  const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
  return {
    rowsRead,
    bytesRead,
    totalBytes: source.size,
    percent: source.size === 0 ? 100 : Math.min(100, (100 * bytesRead) / source.size),
    rowsPerSecond: rowsRead / seconds,
  };
}
