import { join } from 'node:path';
import { TributaryError } from '../../../shared/errors';
import { EngineClient } from '../../engineHost/engineClient';
import { ExportDownloads } from '../../export/downloads';
import { createHandlers } from '../../handlers/index';
import { ImportJobs } from '../../import/jobs';
import { startServer } from '../../server/server';
import { Session } from '../../session/session';
import { resolveUserDataDir } from '../../session/userData';
import { atMostOne, parseCommandArgs, portNumber } from '../args';
import { EXIT, type CliIo } from '../io';
import { resolveRendererDir } from '../packageRoot';

const OPTIONS = { port: { type: 'string' } } as const;

export interface ServeOptions {
  /** Opened before the server starts; a project that cannot be opened means no server. */
  projectPath?: string;
  /** 0 picks a free port. */
  port: number;
  userDataDir: string;
  rendererDir: string;
}

export interface ServeHandle {
  url: string;
  port: number;
  /** Stops the server, then closes the project cleanly. Safe to call more than once. */
  close(): Promise<void>;
}

/** Browser mode, started in-process: the same handler table as the desktop app, behind the local server. */
export async function runServe(options: ServeOptions): Promise<ServeHandle> {
  const session = new Session({ userDataDir: options.userDataDir });
  if (options.projectPath !== undefined) session.open(options.projectPath);
  const jobs = new ImportJobs();
  const engine = new EngineClient();
  // The worker boots now rather than when the first project opens; the project given on the command line is
  // loaded while the page starts.
  engine.start();
  if (session.current) engine.openProject(session.current.path);
  const downloads = new ExportDownloads(join(options.userDataDir, 'exports'));
  let server: Awaited<ReturnType<typeof startServer>>;
  try {
    server = await startServer({
      handlers: createHandlers({ session, mode: 'browser', jobs, engine, downloads }),
      rendererDir: options.rendererDir,
      uploadsDir: join(options.userDataDir, 'uploads'),
      downloads,
      port: options.port,
    });
  } catch (error) {
    await engine.stop();
    session.close();
    throw explainListenError(error, options.port);
  }
  let closing: Promise<void> | undefined;
  return {
    url: server.url,
    port: server.port,
    // An import still running is cancelled (it rolls back) and the engine worker ends before the project closes.
    close: () =>
      (closing ??= server
        .close()
        .then(() => Promise.all([jobs.stopAll(), engine.stop()]))
        .then(() => undefined)
        .finally(() => session.close())),
  };
}

/** `tributary serve [<project>]`: runs until SIGINT or SIGTERM (or `io.signal`), then shuts down and exits 0. */
export async function serveCommand(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const projectPath = atMostOne(positionals);
  const port = values.port === undefined ? 0 : portNumber(values.port);
  const handle = await runServe({
    ...(projectPath === undefined ? {} : { projectPath }),
    port,
    userDataDir: resolveUserDataDir(io.env),
    rendererDir: resolveRendererDir(io.env),
  });
  io.stdout(`Tributary is running at ${handle.url}\n`);
  await untilStopped(io.signal);
  await handle.close();
  return EXIT.ok;
}

/**
 * Signals that stop serve with a clean close: Ctrl-C, and a supervisor or `kill`. SIGHUP (a closing terminal) keeps
 * its default action: a handler would replace the "ignore" that `nohup tributary serve &` asks for. Ended that
 * way, the project's WAL is replayed on the next open, as after any crash.
 */
const STOP_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

/**
 * Waits for the signal to stop. Process signal handlers are installed only here, for as long as serve runs, and
 * removed on the first one: a second Ctrl-C while shutting down then ends the process the default way. (`npm start`
 * runs serve in a process group of its own, so a terminal's Ctrl-C reaches it once, through start.mjs.)
 */
function untilStopped(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return new Promise((resolve) => {
      if (signal.aborted) resolve();
      else signal.addEventListener('abort', () => resolve(), { once: true });
    });
  }
  return new Promise((resolve) => {
    const stop = (): void => {
      for (const name of STOP_SIGNALS) process.off(name, stop);
      resolve();
    };
    for (const name of STOP_SIGNALS) process.on(name, stop);
  });
}

function explainListenError(error: unknown, port: number): unknown {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return new TributaryError(
      'locked',
      `Port ${port} on 127.0.0.1 is already in use; choose another with --port, or leave it out for a free one.`,
    );
  }
  if (code === 'EACCES') {
    return new TributaryError('locked', `Tributary may not listen on port ${port}; choose a port above 1023.`);
  }
  return error;
}
