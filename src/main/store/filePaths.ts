import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { TributaryError } from '../../shared/errors';

/**
 * Paths a user typed, checked before anything opens them, so a folder where a file belongs, or a folder that does
 * not exist, is said in those words rather than as EISDIR, ENOENT or SQLite's "unable to open database file".
 */

/** What a file is for, in a user's words: "No project file at …", "… is a folder, not a Tributary project file". */
export interface FileRole {
  noun: string;
  kind: string;
}

export const PROJECT_FILE: FileRole = { noun: 'project file', kind: 'a Tributary project file' };

/** The file at `path`, which must exist and be a file; otherwise an error that says what is there instead. */
export function statInputFile(path: string, role: FileRole): Stats {
  let stats: Stats;
  try {
    stats = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new TributaryError('not_found', `${path} cannot be read: permission denied.`);
    }
    const why = folderProblem(dirname(path));
    throw new TributaryError('not_found', `No ${role.noun} at ${path}${why ? `: ${why}` : ''}.`);
  }
  if (stats.isDirectory()) throw new TributaryError('bad_request', `${path} is a folder, not ${role.kind}.`);
  if (!allowed(path, constants.R_OK))
    throw new TributaryError('not_found', `${path} cannot be read: permission denied.`);
  return stats;
}

/**
 * Refuses a path a new file cannot take: a folder, or a place inside a folder that does not exist. Whether a file
 * already there may be replaced is the caller's to decide.
 */
export function assertCanCreateFile(path: string, what: string): void {
  const dir = dirname(path);
  const why = folderProblem(dir) ?? (allowed(dir, constants.W_OK) ? undefined : `the folder ${dir} is not writable`);
  if (why) throw new TributaryError('not_found', `Cannot create ${path}: ${why}.`);
  if (isFolder(path)) throw new TributaryError('bad_request', `${path} is a folder, not a file name for ${what}.`);
}

/** Why files cannot live in `dir` (it is missing, or a file stands where a folder should), or undefined. */
function folderProblem(dir: string): string | undefined {
  for (let current = dir; ; current = dirname(current)) {
    let stats: Stats;
    try {
      stats = statSync(current);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // Missing, or under a file (ENOTDIR): the nearest thing that exists says which.
      // EACCES: a folder above may not be searched, so whether `current` exists cannot be known.
      if (code !== 'ENOENT' && code !== 'ENOTDIR')
        return `the folder ${dirname(current)} cannot be entered (permission denied)`;
      if (dirname(current) === current) return undefined;
      continue;
    }
    if (!stats.isDirectory()) return `${current} is a file, not a folder`;
    return current === dir ? undefined : `the folder ${dir} does not exist`;
  }
}

/** Whether this process may read or write `path` (access(2): the real user's permissions, as open will meet them). */
function allowed(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
