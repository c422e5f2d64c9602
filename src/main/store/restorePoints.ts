import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { RestorePointInfo, RestorePointReason } from '../../shared/restoreApi';
import { RESTORE_POINT_REASONS } from '../../shared/restoreApi';
import { TributaryError } from '../../shared/errors';
import { DATA_KINDS, type DataKind } from '../../shared/kinds';
import { removeAbandonedFiles, writerAfter } from './abandoned';
import { backupAsOneFile, connect, translateSqliteError } from './database';
import { assertOpenableHeader, readProjectHeader } from './header';
import { loadMigrations } from './migrations';
import { checkProject, openProject, type CheckReport, type Project, type StoreOptions } from './project';

/** How many restore points a project keeps; making one more deletes the oldest. */
export const DEFAULT_KEEP = 10;

// `2026-11-22T19-04-34.123Z_import`: the ISO time with `-` for `:` (a valid file name everywhere), then why.
const ID_PATTERN = /^(\d{4}-\d{2}-\d{2}T\d{2})-(\d{2})-(\d{2}\.\d{3}Z)(?:-(\d+))?_([a-z]+)$/;
const SUFFIX = '.sqlite';

/**
 * Copies of a project's file taken while it was open, kept in the user-data folder (never beside the project, which
 * may be on a shared drive): `<userData>/restore-points/<sha256 of the project's absolute path>/<id>.sqlite`. Each
 * is a whole project, written with the SQLite backup API to a temporary name and renamed, so a listed point is
 * always complete.
 */
export class RestorePoints {
  readonly root: string;
  private readonly keep: number;

  constructor(userDataDir: string, options: { keep?: number } = {}) {
    this.root = join(userDataDir, 'restore-points');
    this.keep = Math.max(1, options.keep ?? DEFAULT_KEEP);
  }

  /** The folder of one project's points: the same project path always gives the same folder. */
  folderOf(projectPath: string): string {
    return join(this.root, createHash('sha256').update(resolve(projectPath)).digest('hex').slice(0, 32));
  }

  /** Newest first. */
  list(projectPath: string): RestorePointInfo[] {
    const folder = this.folderOf(projectPath);
    if (!existsSync(folder)) return [];
    return readdirSync(folder)
      .filter((file) => file.endsWith(SUFFIX))
      .flatMap((file) => {
        const info = parseId(file.slice(0, -SUFFIX.length));
        if (!info) return [];
        const path = join(folder, file);
        const counts = countsOf(path);
        return [{ ...info, bytes: statSync(path).size, ...(counts ? { counts } : {}) }];
      })
      .sort(newestFirst);
  }

  /** The file of a point, or a not_found error naming it. */
  fileOf(projectPath: string, id: string): string {
    const file = join(this.folderOf(projectPath), `${id}${SUFFIX}`);
    if (!parseId(id) || !existsSync(file)) {
      throw new TributaryError('not_found', `No restore point ${id} for ${resolve(projectPath)}.`);
    }
    return file;
  }

  /** Copies the open project into a new point (consistent even while imports write), then keeps the newest ones. */
  async make(project: Project, reason: RestorePointReason, now = new Date()): Promise<RestorePointInfo> {
    const folder = this.folderOf(project.path);
    mkdirSync(folder, { recursive: true });
    // Points a killed process was writing: hidden, the size of the project, and never listed.
    removeAbandonedFiles(folder, (name) => {
      const match = /^\..+\.partial-(\d+)(-journal|-wal|-shm)?$/.exec(name);
      return match ? Number(match[1]) : null;
    });
    const id = this.freeId(folder, now, reason);
    const file = join(folder, `${id}${SUFFIX}`);
    const partial = join(folder, `.${id}.partial-${process.pid}`);
    try {
      // One file with no -wal beside it: a point is copied back as it is.
      await backupAsOneFile(project.db, partial);
      renameSync(partial, file);
    } catch (error) {
      rmSync(partial, { force: true });
      throw translateSqliteError(error, file);
    }
    this.prune(project.path, id);
    const info = parseId(id) as Omit<RestorePointInfo, 'bytes' | 'counts'>;
    const counts = countsOf(file);
    return { ...info, bytes: statSync(file).size, ...(counts ? { counts } : {}) };
  }

  private freeId(folder: string, now: Date, reason: RestorePointReason): string {
    const stamp = now.toISOString().replace(/:/g, '-');
    for (let n = 0; ; n++) {
      const id = `${stamp}${n === 0 ? '' : `-${n}`}_${reason}`;
      if (!existsSync(join(folder, `${id}${SUFFIX}`))) return id;
    }
  }

  /**
   * Keeps the newest points by their ids alone (opening each to count its rows would read every point on every
   * import), and always the one just made: with the clock set back, it would otherwise look the oldest and go.
   */
  private prune(projectPath: string, made: string): void {
    const folder = this.folderOf(projectPath);
    const older = readdirSync(folder)
      .filter((file) => file.endsWith(SUFFIX))
      .flatMap((file) => parseId(file.slice(0, -SUFFIX.length)) ?? [])
      .filter((point) => point.id !== made)
      .sort(newestFirst);
    for (const old of older.slice(this.keep - 1)) rmSync(join(folder, `${old.id}${SUFFIX}`), { force: true });
  }
}

/**
 * Rows per kind in a point, so the user can tell points apart; absent when the file cannot be read as a project. The
 * header is checked before SQLite opens the file, and the connection only reads (a point has no -wal to leave).
 */
function countsOf(path: string): Record<DataKind, number> | undefined {
  try {
    assertOpenableHeader(path, readProjectHeader(path), loadMigrations().length);
    const db = connect(path, { readonly: true });
    try {
      return Object.fromEntries(
        DATA_KINDS.map((kind) => [kind, db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get() as number]),
      ) as Record<DataKind, number>;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** Time, then the sequence number of points made in the same millisecond. */
function newestFirst(a: Pick<RestorePointInfo, 'id' | 'createdAt'>, b: Pick<RestorePointInfo, 'id' | 'createdAt'>) {
  return order(b) - order(a) || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

function order(point: Pick<RestorePointInfo, 'id' | 'createdAt'>): number {
  return Date.parse(point.createdAt) * 1000 + Number(ID_PATTERN.exec(point.id)?.[4] ?? 0);
}

function parseId(id: string): Omit<RestorePointInfo, 'bytes' | 'counts'> | null {
  const match = ID_PATTERN.exec(id);
  if (!match) return null;
  const reason = match[5] as RestorePointReason;
  if (!RESTORE_POINT_REASONS.includes(reason)) return null;
  const createdAt = `${match[1]}:${match[2]}:${match[3]}`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { id, createdAt, reason };
}

/**
 * Puts a restore point back in place of a project that no connection of ours holds. The point is first checked and
 * copied next to the project (so pruning cannot remove it meanwhile), then the current state becomes a point of its
 * own (a restore can be undone), then the copy is renamed over the project. A -wal beside the project means another
 * program has it open: refused, as SQLite would replay that WAL onto the restored file. `check` runs checkProject
 * on the point (its integrity_check takes seconds on a big project: the app runs it in a worker thread).
 */
export async function restoreProjectFile(
  points: RestorePoints,
  projectPath: string,
  id: string,
  options: StoreOptions = {},
  check: (path: string) => Promise<CheckReport> = async (path) => checkProject(path, options),
): Promise<void> {
  const target = resolve(projectPath);
  const source = points.fileOf(target, id);
  const report = await check(source);
  if (!report.ok) {
    throw new TributaryError('damaged', `Restore point ${id} is damaged: ${report.problems.join('; ')}.`);
  }
  const prefix = `.${basename(target)}.restore-`;
  removeAbandonedFiles(dirname(target), (name) => writerAfter(prefix, name));
  const partial = join(dirname(target), `${prefix}${process.pid}`);
  try {
    await copyFile(source, partial);
    const current = openProject(target, options);
    try {
      await points.make(current, 'restore');
    } finally {
      current.close();
    }
    if (existsSync(`${target}-wal`)) {
      throw new TributaryError('locked', `${target} is open in another program; close it there and try again.`);
    }
    rmSync(`${target}-shm`, { force: true });
    renameSync(partial, target);
  } catch (error) {
    rmSync(partial, { force: true });
    throw translateSqliteError(error, target);
  }
}
