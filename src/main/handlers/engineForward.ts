import type { ValidArgs } from '../../shared/api';
import type { EngineClient } from '../engineHost/engineClient';
import { ASIDE_METHODS, ENGINE_METHODS, type EngineHandlerTable, type EngineMethod } from '../engineHost/protocol';
import { creditsFileName } from '../export/creditsCsv';
import type { ExportDownloads } from '../export/downloads';
import type { Session } from '../session/session';

/**
 * The main thread's side of the engine methods: arguments already validated go to the worker with the session's
 * project, and its answer (or its error, code and message intact) comes back. `no_project` is answered here.
 */
export function forwardEngineMethods(
  session: Session,
  engine: EngineClient,
  downloads: ExportDownloads | undefined,
): EngineHandlerTable {
  const aside = new Set<EngineMethod>(ASIDE_METHODS);
  const forward = <M extends EngineMethod>(method: M, args: ValidArgs<M>) =>
    aside.has(method)
      ? engine.callAside(method, args, session.require().path)
      : engine.call(method, args, session.require().path);
  const table = Object.fromEntries(
    ENGINE_METHODS.map((method) => [method, (args: ValidArgs<typeof method>) => forward(method, args)]),
  ) as EngineHandlerTable;
  return {
    ...table,
    // Browser mode: the credits go into a download slot, reserved here where the server can serve it from.
    'export:credits': async (args) => {
      if (args.path !== undefined || !downloads) return forward('export:credits', args);
      session.require();
      const slot = downloads.reserve(creditsFileName(args.options));
      try {
        const written = await forward('export:credits', { ...args, path: slot.path });
        return { ...written, path: null, downloadId: slot.id };
      } catch (error) {
        downloads.drop(slot.id);
        throw error;
      }
    },
  };
}
