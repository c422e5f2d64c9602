import { parentPort, workerData } from 'node:worker_threads';
import type { ImportProgress, ImportReport } from '../../shared/importApi';
import { TributaryError, type ApiErrorShape } from '../../shared/errors';
import { connect } from '../store/database';
import { importCsv, type ImportOptions } from './run';

/** What the job manager hands a worker: everything an import needs, as plain data. */
export interface ImportThreadInput {
  projectPath: string;
  filePath: string;
  options: Omit<ImportOptions, 'signal' | 'onProgress'>;
  nativeBinding?: string;
}

export type ImportThreadMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: ImportReport }
  | { type: 'failed'; error: ApiErrorShape };

/**
 * An import off the main thread: its own connection to the project (WAL lets the app keep reading), progress
 * posted as it goes, and a `cancel` message that rolls the import back.
 */
async function run(input: ImportThreadInput): Promise<ImportThreadMessage> {
  const controller = new AbortController();
  parentPort?.on('message', (message: unknown) => {
    if (message === 'cancel') controller.abort();
  });
  const db = connect(input.projectPath, input.nativeBinding ? { nativeBinding: input.nativeBinding } : {});
  try {
    const report = await importCsv(db, input.filePath, {
      ...input.options,
      signal: controller.signal,
      onProgress: (progress) => parentPort?.postMessage({ type: 'progress', progress } satisfies ImportThreadMessage),
    });
    return { type: 'done', report };
  } catch (error) {
    const shaped =
      error instanceof TributaryError
        ? error.toJSON()
        : { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) };
    return { type: 'failed', error: shaped };
  } finally {
    db.close();
  }
}

if (parentPort) {
  const port = parentPort;
  void run(workerData as ImportThreadInput).then((message) => {
    port.postMessage(message);
    port.close();
  });
}
