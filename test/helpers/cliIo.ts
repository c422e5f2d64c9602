import { runCli, type CliIo } from '../../src/main/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** An io for `runCli` that keeps what it prints; `out` and `err` read it so far, for a command still running. */
export interface CliCapture {
  io: CliIo;
  out(): string;
  err(): string;
}

/** Captures stdout and stderr, with no terminal and only `env` for environment (so never the developer's). */
export function captureCliIo(env: CliIo['env'] = {}, signal?: AbortSignal): CliCapture {
  const out: string[] = [];
  const err: string[] = [];
  return {
    io: {
      stdout: (text) => out.push(text),
      stderr: (text) => err.push(text),
      isTTY: false,
      env,
      ...(signal ? { signal } : {}),
    },
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/**
 * Runs the CLI in-process, as a user would type `tributary <args>`, and returns what it printed. `signal` stops a
 * serve that started.
 */
export async function runCliCaptured(args: string[], env: CliIo['env'] = {}, signal?: AbortSignal): Promise<CliRun> {
  const capture = captureCliIo(env, signal);
  const code = await runCli(args, capture.io);
  return { code, out: capture.out(), err: capture.err() };
}
