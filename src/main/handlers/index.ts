import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Method, ProjectInfo, Results } from '../../shared/api';
import { APP_VERSION } from '../../shared/version';
import { EngineClient } from '../engineHost/engineClient';
import type { ExportDownloads } from '../export/downloads';
import { ImportJobs } from '../import/jobs';
import { loadMigrations } from '../store/migrations';
import { summarizeProject } from '../store/summary';
import type { Preferences } from '../../shared/preferences';
import type { Session } from '../session/session';
import type { Handlers } from '../handlerTable';
import { createDialogHandlers, type Dialogs } from './dialogHandlers';
import { forwardEngineMethods } from './engineForward';
import { createImportHandlers } from './importHandlers';
import { createRestoreHandlers } from './restoreHandlers';

export interface HandlerContext {
  session: Session;
  mode: 'desktop' | 'browser';
  dialogs?: Dialogs;
  /** Runs imports in worker threads; one per handler table. */
  jobs?: ImportJobs;
  /** Runs the engine methods in a worker thread; whoever passes it stops it on shutdown. */
  engine?: EngineClient;
  /** Browser mode: where large exports wait for GET /download/<id>; the server serves from the same store. */
  downloads?: ExportDownloads;
}

/** One handler per API method; each receives arguments already validated by its schema. */
export type HandlerTable = Handlers<Method>;

export function createHandlers({
  session,
  mode,
  dialogs,
  jobs = new ImportJobs(),
  engine = new EngineClient(),
  downloads,
}: HandlerContext): HandlerTable {
  const schemaVersion = loadMigrations().length;
  // Switching or closing the project first stops a running import (it rolls back), so no worker writes to a
  // project the user has left, and has the engine drop the arrays of the old one.
  const stopImports = async () => {
    await jobs.stopAll();
    await engine.closeProject();
  };
  // The engine starts loading a project as soon as it opens, while the user looks at the overview.
  const opened = <T extends ProjectInfo | null>(info: T): T => {
    if (info) engine.openProject(info.path);
    return info;
  };
  /**
   * While the session checks the file (quick_check reads all of it), the worker reads its arrays on the other core,
   * once the file has passed every check but quick_check: those of its current data, from the snapshot the project
   * keeps if it is of that data, else from the tables. An open that fails ends the worker, and with it arrays read
   * ahead for nothing.
   */
  const openReadingAhead = async <T extends ProjectInfo | null>(
    path: string,
    open: (whileChecking: () => void) => T,
  ): Promise<T> => {
    try {
      return opened(open(() => engine.readAhead(resolve(path))));
    } catch (error) {
      await engine.closeProject();
      throw error;
    }
  };
  return {
    ...createImportHandlers(session, jobs),
    ...createDialogHandlers(dialogs),
    ...forwardEngineMethods(session, engine, downloads),
    ...createRestoreHandlers(session, stopImports, opened, engine),
    'app:info': () => ({ version: APP_VERSION, mode, schemaVersion, projectsDir: session.projectsDir }),
    'project:create': async ({ name, currency, path }) => {
      await stopImports();
      return opened(session.create(name, currency, path));
    },
    'project:open': async ({ path }) => {
      await stopImports();
      return openReadingAhead(path, (whileChecking) => session.open(path, whileChecking));
    },
    'project:openDemo': async () => {
      await stopImports();
      return opened(session.openDemo());
    },
    'project:current': () => session.info(),
    'project:close': async () => {
      await stopImports();
      session.close(true);
      return null;
    },
    'project:reopenLast': async () => {
      await stopImports();
      const { lastProject } = session.preferences.read();
      if (!lastProject || !existsSync(lastProject)) return null;
      return openReadingAhead(lastProject, (whileChecking) => session.reopenLast(whileChecking));
    },
    'prefs:get': () => publicPreferences(session.preferences.read()),
    'prefs:set': ({ theme }) => publicPreferences(session.preferences.update({ theme })),
    'project:saveAs': async ({ path, overwrite }) => {
      await stopImports();
      return opened(await session.saveAs(path, overwrite));
    },
    'project:summary': () => {
      const project = session.require();
      return { path: project.path, meta: project.meta, ...summarizeProject(project.db) };
    },
    'recent:list': () => session.recent.list(),
    'recent:forget': ({ path }) => {
      session.recent.forget(path);
      return session.recent.list();
    },
  };
}

/** What the renderer may see of the preferences: the window's place is the desktop shell's business. */
function publicPreferences(preferences: Preferences): Results['prefs:get'] {
  return { theme: preferences.theme };
}
