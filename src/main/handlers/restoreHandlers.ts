import type { Method, ProjectInfo } from '../../shared/api';
import type { RestoreResults } from '../../shared/restoreApi';
import type { EngineClient } from '../engineHost/engineClient';
import type { Session } from '../session/session';
import type { Handlers } from '../handlerTable';

type RestoreMethod = keyof RestoreResults & Method;
export type RestoreHandlerTable = Handlers<RestoreMethod>;

/** Restore points of the open project, and anonymised copies of it. */
export function createRestoreHandlers(
  session: Session,
  stopImports: () => Promise<void>,
  /** Tells the engine a project opened, so it loads it at once. */
  opened: (info: ProjectInfo) => ProjectInfo,
  /** Work of seconds on a big file, run off the main thread (EngineClient). */
  offThread: Pick<EngineClient, 'anonymise' | 'checkFile'>,
): RestoreHandlerTable {
  return {
    'restore:list': () => session.restorePoints.list(session.require().path),
    'restore:apply': async ({ id }) => {
      // A running import would write into the file being replaced: it is cancelled (rolled back) first.
      await stopImports();
      return opened(await session.restore(id, (path) => offThread.checkFile(path)));
    },
    'project:saveAnonymised': ({ path, overwrite }) =>
      session.saveAnonymised(path, overwrite, (copyPath) => offThread.anonymise(copyPath)),
  };
}
