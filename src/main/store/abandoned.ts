import { readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Removes the half-written files a killed writer left in `folder` (a save-as copy, a restore point, a restore
 * copy, the private folder an anonymised copy is prepared in). `writerOf` gives the process id a file name says
 * wrote it, or null for files that are none of these; a file whose writer still runs is in progress and stays. A folder that cannot be read is left to the write that
 * follows, which fails with a message naming it.
 */
export function removeAbandonedFiles(folder: string, writerOf: (name: string) => number | null): void {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = writerOf(name);
    if (pid === null || !Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(folder, name), { force: true, recursive: true });
  }
}

/** The process id in `name` right after `prefix` (a suffix such as `-journal` may follow), else null. */
export function writerAfter(prefix: string, name: string): number | null {
  if (!name.startsWith(prefix)) return null;
  const digits = /^\d+/.exec(name.slice(prefix.length))?.[0];
  return digits === undefined ? null : Number(digits);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
