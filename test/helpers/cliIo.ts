import { runCli, type CliIo } from '../../src/main/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/**
 * Runs the CLI in-process, as a user would type `tributary <args>`, and returns what it printed. `signal` stops a
 * serve that started.
 */
export async function runCliCaptured(args: string[], env: CliIo['env'] = {}, signal?: AbortSignal): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(args, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    isTTY: false,
    env,
    ...(signal ? { signal } : {}),
  });
  return { code, out: out.join(''), err: err.join('') };
}
