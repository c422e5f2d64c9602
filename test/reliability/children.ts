import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { afterAll } from 'vitest';

export interface ChildEnd {
  /** True when the SIGKILL ended it; false when it had already exited by itself. */
  killed: boolean;
  code: number | null;
  stderr: string;
  /** Milliseconds from spawn to exit. */
  ms: number;
}

/**
 * The kill tests' timeout: a guard against a hang, not a speed target. Each test ends after a bounded number of runs
 * (killMoments stops at three per wanted kill), and every kill moment is drawn from a run timed on this machine in
 * this test, so a busy or slow machine makes it take longer, never fail.
 */
export const HANG_GUARD_MS = 20 * 60_000;

const live = new Set<ChildProcess>();

afterAll(async () => {
  // A failed assertion must not leave a child writing to a temp folder that is being removed.
  for (const child of live) {
    child.kill('SIGKILL');
    if (child.exitCode === null && child.signalCode === null) await once(child, 'exit');
  }
});

/** When to send SIGKILL: after a delay, or as soon as a condition (polled every millisecond) holds. */
export type KillAt = { afterMs: number } | { when: () => boolean };

/**
 * Runs `node <args>` and sends SIGKILL at `killAt` (never, when undefined), then waits for it to close, so no child
 * outlives the run that started it.
 */
export async function runAndKill(args: string[], env: NodeJS.ProcessEnv, killAt?: KillAt): Promise<ChildEnd> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  live.add(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const closed = once(child, 'close') as Promise<[number | null, NodeJS.Signals | null]>;
  let timer: NodeJS.Timeout | undefined;
  if (killAt && 'afterMs' in killAt) timer = setTimeout(() => child.kill('SIGKILL'), killAt.afterMs);
  else if (killAt) {
    timer = setInterval(() => {
      if (killAt.when()) child.kill('SIGKILL');
    }, 1);
  }
  try {
    const [code, signal] = await closed;
    return { killed: signal === 'SIGKILL', code, stderr, ms: performance.now() - started };
  } finally {
    clearTimeout(timer);
    clearInterval(timer);
    live.delete(child);
  }
}
