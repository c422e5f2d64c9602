import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { assertCliBuilt } from './build';

const BIN = fileURLToPath(new URL('../../bin/tributary.mjs', import.meta.url));

/** The `tributary` launcher, once the build it loads is known to be current. */
export function tributaryBin(): string {
  assertCliBuilt();
  return BIN;
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `tributary` launcher in a child process, as a user's shell would (as another user, given `as`). */
export function runTributary(
  args: string[],
  env: NodeJS.ProcessEnv,
  as: { uid?: number; gid?: number } = {},
): Promise<Finished> {
  const bin = tributaryBin();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { env, ...as });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
