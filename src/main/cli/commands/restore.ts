import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { TributaryError } from '../../../shared/errors';
import { plural } from '../../../shared/plural';
import { resolveUserDataDir } from '../../session/userData';
import { PROJECT_FILE, statInputFile } from '../../store/filePaths';
import { RestorePoints, restoreProjectFile } from '../../store/restorePoints';
import { UsageError, exactlyOne, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';

/** The restore points the app made of a project, in the same user-data folder the app uses. */
function pointsOf(io: CliIo): RestorePoints {
  return new RestorePoints(resolveUserDataDir(io.env));
}

function requireProject(path: string): void {
  statInputFile(path, PROJECT_FILE);
}

/** `tributary restore-points <project>`: one line per point, newest first: id, time, why, size. */
export function runRestorePoints(argv: string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(argv, {});
  const path = resolve(exactlyOne(positionals, '<project>'));
  requireProject(path);
  const points = pointsOf(io).list(path);
  if (points.length === 0) io.stdout(`No restore points for ${path}.\n`);
  for (const point of points) {
    io.stdout(`${point.id}  ${point.createdAt}  ${point.reason.padEnd(7)}  ${plural(point.bytes, 'byte')}\n`);
  }
  return EXIT.ok;
}

/**
 * `tributary restore <project> <id>`: puts a restore point back. The state it replaces becomes a point first, and a
 * project open in the app (a -wal beside it) is refused and left untouched.
 */
export async function runRestore(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length !== 2) throw new UsageError('expected <project> <id>');
  const path = resolve(positionals[0] as string);
  const id = positionals[1] as string;
  requireProject(path);
  if (existsSync(`${path}-wal`)) {
    throw new TributaryError('locked', `${path} is open in another program; close it there and try again.`);
  }
  await restoreProjectFile(pointsOf(io), path, id);
  io.stdout(`Restored ${path} to ${id}; the state it replaced is a restore point of its own.\n`);
  return EXIT.ok;
}
