import { resolve } from 'node:path';
import type { Method } from '../../../shared/api';
import { TributaryError } from '../../../shared/errors';
import type { ExportResults } from '../../../shared/exportApi';
import type { EngineCache } from '../../engine/cache/cache';
import { creditsFileName, writeCreditsCsv } from '../../export/creditsCsv';
import { buildReport } from '../../export/report';
import { attributionSummary } from '../../engine/attributionSummary';
import { projectDateRange, summarizeProject } from '../../store/summary';
import { runModelOn } from './modelHandlers';
import { DEFAULT_ROBUSTNESS_DELTA } from '../../../shared/robustness';
import { robustnessOf, withIntervals } from '../../engine/robustness/robustness';
import { scopedInput } from '../../engine/robustness/scopedInput';
import type { BootstrapJobs } from '../bootstrapJobs';
import type { ProjectSource } from './projectSource';
import type { Handlers } from '../../handlerTable';

type ExportMethod = Exclude<keyof ExportResults & Method, 'dialog:pickExport'>;
export type ExportHandlerTable = Handlers<ExportMethod>;

/**
 * Files for people to keep: the per-touch credits and the one-page summary of the scenario. They run in the engine
 * worker; the credits go to the path given, which in browser mode is a download slot the main thread reserved
 * (src/main/handlers/engineForward.ts).
 */
export function createExportHandlers(
  session: ProjectSource,
  cache: EngineCache,
  jobs: BootstrapJobs,
): ExportHandlerTable {
  return {
    'export:credits': ({ options, path }) => {
      if (path === undefined) throw new TributaryError('bad_request', 'Choose where to save the credits file.');
      const run = runModelOn(session, cache, options);
      const target = resolve(path);
      const rows = writeCreditsCsv(target, run);
      return { rows, fileName: creditsFileName(options), path: target, downloadId: null };
    },
    'export:report': ({ options, locale, bootstrapJobId }) => {
      const project = session.require();
      const run = runModelOn(session, cache, options);
      const input = scopedInput(cache.load(project.db), options);
      const ranges = robustnessOf(input, DEFAULT_ROBUSTNESS_DELTA);
      // spec 13: the intervals of a finished bootstrap of the same options; a report never waits for one.
      const finished = bootstrapJobId === undefined ? null : jobs.finished(bootstrapJobId, options);
      const html = buildReport({
        project: {
          path: project.path,
          meta: project.meta,
          ...summarizeProject(project.db),
          dateRange: projectDateRange(project.db),
        },
        attribution: attributionSummary(run),
        car: run.car(),
        generatedAt: new Date(),
        locale,
        robustness: finished ? withIntervals(ranges, finished) : ranges,
      });
      return { fileName: `report-${options.model}.html`, html };
    },
  };
}
