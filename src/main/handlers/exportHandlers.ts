import { resolve } from 'node:path';
import type { Method, Results, ValidArgs } from '../../shared/api';
import { TributaryError } from '../../shared/errors';
import type { ExportResults } from '../../shared/exportApi';
import type { EngineCache } from '../engine/cache';
import { writeCreditsCsv } from '../export/creditsCsv';
import type { ExportDownloads } from '../export/downloads';
import { buildReport } from '../export/report';
import type { Session } from '../session/session';
import { summarizeProject } from '../store/summary';
import type { Dialogs } from './index';
import { attributionSummary, carOf, runModelOn } from './modelHandlers';

type ExportMethod = keyof ExportResults & Method;
export type ExportHandlerTable = {
  [M in ExportMethod]: (args: ValidArgs<M>) => Results[M] | Promise<Results[M]>;
};

export interface ExportContext {
  session: Session;
  cache: EngineCache;
  dialogs?: Dialogs;
  /** Browser mode: where exports wait for the page to fetch them. */
  downloads?: ExportDownloads;
}

/** Files for people to keep: the per-touch credits and the one-page summary of the scenario. */
export function createExportHandlers({ session, cache, dialogs, downloads }: ExportContext): ExportHandlerTable {
  return {
    'dialog:pickExport': ({ format, suggestedName }) => {
      if (!dialogs) {
        throw new TributaryError('bad_request', 'File dialogs exist only in the desktop app.');
      }
      return dialogs.pickExport(format, suggestedName);
    },
    'export:credits': ({ options, path }) => {
      const run = runModelOn(session, cache, options);
      const fileName = `credits-${options.model}.csv`;
      if (path !== undefined) {
        const target = resolve(path);
        const rows = writeCreditsCsv(target, run.snapshot.data, run.result);
        return { rows, fileName, path: target, downloadId: null };
      }
      if (!downloads) {
        throw new TributaryError('bad_request', 'Choose where to save the credits file.');
      }
      const slot = downloads.reserve(fileName);
      try {
        const rows = writeCreditsCsv(slot.path, run.snapshot.data, run.result);
        return { rows, fileName, path: null, downloadId: slot.id };
      } catch (error) {
        downloads.drop(slot.id);
        throw error;
      }
    },
    'export:report': ({ options, locale }) => {
      const project = session.require();
      const run = runModelOn(session, cache, options);
      const html = buildReport({
        project: { path: project.path, meta: project.meta, ...summarizeProject(project.db) },
        attribution: attributionSummary(run, options),
        car: carOf(run, options),
        generatedAt: new Date(),
        locale,
      });
      return { fileName: `report-${options.model}.html`, html };
    },
  };
}
