import type { Method, Results, ValidArgs } from '../../shared/api';
import { TributaryError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { loadMigrations } from '../store/migrations';
import { summarizeProject } from '../store/summary';
import type { Session } from '../session/session';

/** The system file dialogs; only the desktop shell has them. */
export interface Dialogs {
  pickProject(purpose: 'open' | 'save', suggestedName?: string): Promise<string | null>;
}

export interface HandlerContext {
  session: Session;
  mode: 'desktop' | 'browser';
  dialogs?: Dialogs;
}

/** One handler per API method; each receives arguments already validated by its schema. */
export type HandlerTable = { [M in Method]: (args: ValidArgs<M>) => Results[M] | Promise<Results[M]> };

export function createHandlers({ session, mode, dialogs }: HandlerContext): HandlerTable {
  const schemaVersion = loadMigrations().length;
  return {
    'app:info': () => ({ version: APP_VERSION, mode, schemaVersion, projectsDir: session.projectsDir }),
    'project:create': ({ name, currency, path }) => session.create(name, currency, path),
    'project:open': ({ path }) => session.open(path),
    'project:openDemo': () => session.openDemo(),
    'project:current': () => session.info(),
    'project:close': () => {
      session.close();
      return null;
    },
    'project:saveAs': ({ path, overwrite }) => session.saveAs(path, overwrite),
    'project:summary': () => {
      const project = session.require();
      return { path: project.path, meta: project.meta, ...summarizeProject(project.db) };
    },
    'recent:list': () => session.recent.list(),
    'recent:forget': ({ path }) => {
      session.recent.forget(path);
      return session.recent.list();
    },
    'dialog:pickProject': ({ purpose, suggestedName }) => {
      if (!dialogs) {
        throw new TributaryError('bad_request', 'File dialogs exist only in the desktop app; type a path instead.');
      }
      return dialogs.pickProject(purpose, suggestedName);
    },
  };
}
