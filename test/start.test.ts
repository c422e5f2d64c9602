import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { assertCliBuilt } from './helpers/build';
import { useTempDir } from './helpers/files';

const ROOT = resolve(import.meta.dirname, '..');
const tempDir = useTempDir();
const started: number[] = [];

afterEach(() => {
  // Whatever a failed test left running: only the processes this file started, by their ids.
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
});

interface Running {
  /** The process this test spawned: `node scripts/start.mjs` itself, or npm. */
  top: ChildProcess;
  /** `node scripts/start.mjs`. */
  start: number;
  /** `tributary serve`, the child that start.mjs runs in browser mode. */
  server: number;
  port: number;
  output: () => string;
}

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
  } catch {
    return []; // pgrep answers 1 when there are none
  }
}

function commandOf(pid: number): string {
  return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
}

function processGroupOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'pgid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

/** The process under `pid` (itself included) whose command line says `what`. */
function findUnder(pid: number, what: string): number {
  const found = [pid, ...childrenOf(pid).flatMap((child) => [child, ...childrenOf(child)])].find((candidate) =>
    commandOf(candidate).includes(what),
  );
  if (found === undefined) throw new Error(`no ${what} under process ${pid}`);
  return found;
}

/**
 * Runs `npm start` in browser mode (or the script directly) as a supervisor would: its own stdout, no terminal. The
 * build is skipped because tests run against the build made beforehand; building here would empty out/ under other
 * test files that run the CLI bundle.
 */
async function startApp(command: string, args: string[], { ownGroup = false } = {}): Promise<Running> {
  assertCliBuilt();
  const top = spawn(command, args, {
    // A process group of its own, led by `top`, as a terminal's shell gives a job: Ctrl-C signals the whole group.
    detached: ownGroup,
    cwd: ROOT,
    env: {
      ...process.env,
      TRIBUTARY_HOME: tempDir(),
      TRIBUTARY_BROWSER_MODE: '1',
      TRIBUTARY_SKIP_BUILD: '1',
      npm_config_update_notifier: 'false',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(top.pid!);
  let output = '';
  top.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolvePort, reject) => {
    createInterface({ input: top.stdout! }).on('line', (line) => {
      output += `${line}\n`;
      const match = /Tributary is running at http:\/\/127\.0\.0\.1:(\d+)\//.exec(line);
      if (match) resolvePort(Number(match[1]));
    });
    top.once('exit', (code, signal) => reject(new Error(`${command} ended (${code ?? signal}) first:\n${output}`)));
  });
  const start = findUnder(top.pid!, 'scripts/start.mjs');
  const server = findUnder(start, 'tributary.mjs serve');
  started.push(start, server);
  return { top, start, server, port, output: () => output };
}

function exitOf(child: ChildProcess): Promise<Exit> {
  return new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acceptsConnections(port: number): Promise<boolean> {
  return new Promise((resolveAnswer) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolveAnswer(true);
    });
    socket.once('error', () => resolveAnswer(false));
  });
}

const START = [join(ROOT, 'scripts/start.mjs')];

// A supervisor, or a terminal that closes, signals one process; Ctrl-C reaches the whole group (issue 13).
describe.skipIf(process.platform === 'win32')('npm start stopped by a signal', () => {
  it.each(['SIGTERM', 'SIGINT', 'SIGHUP'] as const)(
    '%s to start.mjs alone reaches the server, and start.mjs ends when the server has',
    async (signal) => {
      const { top, server, port, output } = await startApp(process.execPath, START);
      expect(await acceptsConnections(port)).toBe(true);
      const ended = exitOf(top);
      process.kill(top.pid!, signal);
      const exit = await ended;

      expect(isRunning(server), `the server (pid ${server}) is still running`).toBe(false);
      expect(await acceptsConnections(port)).toBe(false);
      // start.mjs ends as the server did: serve shuts down and exits 0 on SIGINT and SIGTERM; SIGHUP keeps its
      // default action in serve (so nohup works), which ends it, and start.mjs, by that signal.
      const expected: Exit = signal === 'SIGHUP' ? { code: null, signal: 'SIGHUP' } : { code: 0, signal: null };
      expect(exit, output()).toEqual(expected);
    },
    60_000,
  );

  it('Ctrl-C at a terminal (SIGINT to the whole group) reaches the server once: it closes cleanly and exits 0', async () => {
    const { top, server, port, output } = await startApp(process.execPath, START, { ownGroup: true });
    expect(processGroupOf(server), 'the server runs in a group of its own').not.toBe(processGroupOf(top.pid!));
    const ended = exitOf(top);
    process.kill(-top.pid!, 'SIGINT');
    // Had the server been in the group too, the terminal's SIGINT and the forwarded one would both reach it, and the
    // second would end it mid-shutdown, by SIGINT.
    expect(await ended, output()).toEqual({ code: 0, signal: null });
    expect(isRunning(server)).toBe(false);
    expect(await acceptsConnections(port)).toBe(false);
  }, 60_000);

  it('a server killed outright ends start.mjs by the same signal, not with success', async () => {
    const { top, server } = await startApp(process.execPath, START);
    const ended = exitOf(top);
    process.kill(server, 'SIGKILL');
    expect(await ended).toEqual({ code: null, signal: 'SIGKILL' });
  }, 60_000);

  it('SIGTERM to npm alone stops the server too, though npm may signal only the script it runs', async () => {
    const { top, start, server, port, output } = await startApp('npm', ['start']);
    const ended = exitOf(top);
    process.kill(top.pid!, 'SIGTERM');
    await ended;

    await expect
      .poll(() => isRunning(server), {
        timeout: 15_000,
        message: `the server is still running; npm start printed:\n${output()}`,
      })
      .toBe(false);
    await expect.poll(() => isRunning(start), { timeout: 15_000 }).toBe(false);
    expect(await acceptsConnections(port)).toBe(false);
  }, 60_000);
});
