import { basename, extname, resolve } from 'node:path';
import type { Method } from '../../shared/api';
import type { ImportResults } from '../../shared/importApi';
import { TributaryError } from '../../shared/errors';
import { toCsv } from '../../shared/csv';
import { inspectImport, previewImport } from '../import/inspect';
import type { ImportJobs } from '../import/jobs';
import { peekCsv } from '../import/peek';
import { dataRows, unresolvedMembers } from '../store/dataView';
import { readCustomFields } from '../store/customFields';
import { readMemberNames } from '../store/people';
import { importFileName, iterateImportIssues, listImportIssues, listImports } from '../store/imports';
import type { Session } from '../session/session';
import type { Handlers } from '../handlerTable';

/** The data view's methods that read whole tables run in the engine worker (engineHost/handlers/dataHandlers.ts). */
type ImportMethod = Exclude<keyof ImportResults & Method, 'data:overview' | 'data:scopeChoices' | 'data:dateRange'>;
export type ImportHandlerTable = Handlers<ImportMethod>;

/** The import wizard's and data view's methods, over the open project. */
export function createImportHandlers(session: Session, jobs: ImportJobs): ImportHandlerTable {
  const db = () => session.require().db;
  return {
    'import:inspect': ({ path, kind }) => inspectImport(db(), resolve(path), kind),
    'import:preview': ({ path, mapping, rows }) =>
      previewImport(resolve(path), mapping, rows, readCustomFields(db(), mapping.kind)),
    'import:start': async ({ path, mapping, strict, dryRun, saveMappingAs }) => {
      const project = session.require();
      const filePath = resolve(path);
      peekCsv(filePath, 1); // a whole-file problem is answered now, not from the background
      // The state before the import, to go back to if the file was the wrong one; a dry run writes nothing.
      if (!dryRun) await session.makeRestorePoint('import');
      const { kind, columns, stageValues, typeValues, formats } = mapping;
      // The wizard's mapping is the one its preview showed: a column it leaves out, the user may have unmapped.
      const values = { ...(stageValues ? { stageValues } : {}), ...(typeValues ? { typeValues } : {}) };
      const jobId = jobs.start({
        projectPath: project.path,
        filePath,
        options: {
          kind,
          mapping: { columns, complete: true, ...values },
          dateOrder: formats.dateOrder,
          decimalComma: formats.decimalComma,
          strict,
          dryRun,
          ...(saveMappingAs ? { saveMappingAs } : {}),
        },
      });
      return { jobId };
    },
    'import:status': ({ jobId }) => jobs.status(jobId),
    'import:cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
    'import:history': () => listImports(db()),
    'import:issues': ({ importId, offset, limit }) => listImportIssues(db(), importId, offset, limit),
    'import:issuesCsv': ({ importId }) => {
      const file = importFileName(db(), importId);
      if (file === null) throw new TributaryError('not_found', `No import ${importId} in this project.`);
      function* rows() {
        for (const i of iterateImportIssues(db(), importId)) yield [i.line, i.column, i.severity, i.reason];
      }
      return {
        fileName: `${basename(file, extname(file))}-issues.csv`,
        csv: toCsv(['line', 'column', 'severity', 'reason'], rows()),
      };
    },
    'data:rows': ({ kind, offset, limit }) => dataRows(db(), kind, offset, limit),
    'data:unresolved': ({ offset, limit }) => unresolvedMembers(db(), offset, limit),
    'data:memberNames': ({ ids }) => readMemberNames(db(), ids),
  };
}
