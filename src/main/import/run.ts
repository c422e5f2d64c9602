import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import type { DateOrder, OpportunityType, Stage } from '../../shared/importSpec';
import { hasCustomFields, planCustomFields } from '../../shared/customFields';
import type { ImportProgress, ImportReport } from '../../shared/importApi';
import { plural } from '../../shared/plural';
import type { DataKind } from '../../shared/kinds';
import { suspendRevisionTriggers } from '../store/dataRevision';
import { asyncWriteTransaction, firstTableWithRows, translateSqliteError, useBulkWriteCache } from '../store/database';
import { readCustomFields, registerCustomFields } from '../store/customFields';
import { deferIndexes } from '../store/deferredIndexes';
import { countUnvaluedOpportunities, finishImport, startImport } from '../store/imports';
import { saveMapping } from '../store/mappings';
import { resolveMemberIdentities } from '../store/memberIdentities';
import { BatchWriter, type Counts } from './batchWriter';
import { resolveMapping } from './mapping';
import { cancelled, parseRowsInWorker } from './pipeline';
import type { ParseEnd } from './rowBatch';
import { parseRows, type ParseInput, type ParseSink } from './rowParser';
import { csvFileSize } from './source';

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
  /**
   * Parse in a worker while this thread writes (true), or all here (false); by default, pipelined from
   * PIPELINE_MIN_BYTES on. Both give the same project.
   */
  pipeline?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: ImportProgress) => void;
}

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
  const fileName = basename(path);
  const size = csvFileSize(path);
  const started = Date.now();
  const restoreCache = useBulkWriteCache(db);
  try {
    return await asyncWriteTransaction<ImportReport>(db, async () => {
      const restoreTriggers = suspendRevisionTriggers(db);
      const importId = startImport(db, {
        kind: options.kind,
        fileName,
        mapping,
        strict: options.strict === true,
        startedAt: started,
      });
      // A first import into an empty table builds its secondary indexes once at the end (store/deferredIndexes.ts);
      // into a table that holds rows, rebuilding them would cost more than it saves.
      const rebuildIndexes =
        firstTableWithRows(db, [options.kind]) === null ? deferIndexes(db, [options.kind]) : () => {};
      const { counts, end } = await streamRows(
        db,
        { path, mapping, custom, delimiter, newline },
        { fileName, size, importId },
        options,
      );
      const { sha256 } = end;
      const filled = new Set(end.filledCustomFields);
      const customFields = custom.columns.map((column) => column.name).filter((name) => filled.has(name));
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
      // Before identity resolution, which looks members up through the contacts' and accounts' indexes.
      rebuildIndexes();
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
    restoreCache();
  }
}

/**
 * Files from this size on parse in a worker while this thread writes (issue 16); a smaller one is read here, where
 * it takes less time than starting a worker.
 */
export const PIPELINE_MIN_BYTES = 4 * 2 ** 20;

/** Parses the file (here or in a worker) and writes its rows as they come, counting what was done. */
async function streamRows(
  db: Database.Database,
  parse: ParseInput,
  { fileName, size, importId }: { fileName: string; size: number; importId: number },
  options: ImportOptions,
): Promise<{ counts: Counts; end: ParseEnd }> {
  const writer = new BatchWriter(db, importId, { kind: options.kind, fileName });
  const started = Date.now();
  let lastProgress = 0;
  let bytesRead = 0;
  const progress = (): ImportProgress => {
    const seconds = Math.max((Date.now() - started) / 1000, 1e-3);
    const rowsRead = writer.counts.rowsRead;
    return {
      rowsRead,
      bytesRead,
      totalBytes: size,
      percent: size === 0 ? 100 : Math.min(100, (100 * bytesRead) / size),
      rowsPerSecond: rowsRead / seconds,
    };
  };
  const sink: ParseSink = {
    header: (info) => writer.header(info),
    batch: (batch) => {
      if (options.signal?.aborted) throw cancelled(parse.path);
      writer.batch(batch);
      bytesRead = batch.bytesRead;
      const now = Date.now();
      if (options.onProgress && now - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = now;
        options.onProgress(progress());
      }
    },
  };
  const pipelined = options.pipeline ?? (size >= PIPELINE_MIN_BYTES && availableParallelism() > 1);
  const end = pipelined ? await parseRowsInWorker(parse, sink, options.signal) : await parseRows(parse, sink);
  bytesRead = size;
  options.onProgress?.(progress());
  return { counts: writer.counts, end };
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
