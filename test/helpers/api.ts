import { join } from 'node:path';
import { afterEach } from 'vitest';
import type { Method, Results } from '../../src/shared/api';
import { ExportDownloads } from '../../src/main/export/downloads';
import { EngineClient, type EngineClientOptions } from '../../src/main/engineHost/engineClient';
import { dispatch } from '../../src/main/handlers/dispatch';
import { createHandlers } from '../../src/main/handlers/index';
import { ImportJobs } from '../../src/main/import/jobs';
import { Session } from '../../src/main/session/session';
import { useTempDir } from './files';

/**
 * The API as a transport sees it, over a real session in a temporary user-data folder with a new project open:
 * `call` unwraps envelopes and throws `code: message` on failure. Sessions close and engine workers stop after each
 * test. `engineOptions` start the engine worker from another script (test/helpers/engineGate.ts).
 */
export function useApiSession(): (
  projectName: string,
  engineOptions?: EngineClientOptions,
) => Promise<{
  dir: string;
  session: Session;
  jobs: ImportJobs;
  engine: EngineClient;
  downloads: ExportDownloads;
  call: <M extends Method>(method: M, args: unknown) => Promise<Results[M]>;
}> {
  const tempDir = useTempDir();
  const sessions: Session[] = [];
  const engines: EngineClient[] = [];
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    sessions.splice(0).forEach((session) => session.close());
  });
  return async (projectName, engineOptions = {}) => {
    const dir = tempDir();
    const session = new Session({ userDataDir: dir });
    sessions.push(session);
    const jobs = new ImportJobs();
    const engine = new EngineClient(engineOptions);
    engines.push(engine);
    const downloads = new ExportDownloads(join(dir, 'exports'));
    const handlers = createHandlers({ session, mode: 'browser', jobs, engine, downloads });
    async function call<M extends Method>(method: M, args: unknown): Promise<Results[M]> {
      const envelope = await dispatch(handlers, method, args);
      if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
      return envelope.result as Results[M];
    }
    await call('project:create', { name: projectName });
    return { dir, session, jobs, engine, downloads, call };
  };
}
