import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectInfo } from '../../shared/api';
import type { RestorePointInfo, RestorePointReason } from '../../shared/restoreApi';
import { TributaryError } from '../../shared/errors';
import { generateDemo } from '../demo/generate';
import { changeSignature } from '../store/changeSignature';
import { createProject, openProject, type CheckReport, type Project, type StoreOptions } from '../store/project';
import { RestorePoints, restoreProjectFile } from '../store/restorePoints';
import { PreferencesFile } from './preferences';
import { RecentProjects } from './recent';

export interface SessionOptions extends StoreOptions {
  /** The app's user-data folder: recent projects and the default projects folder live here, never in a project. */
  userDataDir: string;
  /** Minutes between checks for a periodic restore point (made only when the data changed); 0 turns them off. */
  restorePointMinutes?: number;
  /** Restore points kept per project. */
  restorePointsKept?: number;
}

const DEFAULT_RESTORE_POINT_MINUTES = 10;

const DEMO_FILE = 'Tributary Demo.sqlite';

/**
 * The project a window (desktop) or a browser-mode server is working on: at most one open at a time. Opening
 * another closes the current one only once the new one has opened, so a failed open loses nothing.
 */
export class Session {
  readonly recent: RecentProjects;
  readonly preferences: PreferencesFile;
  readonly projectsDir: string;
  readonly restorePoints: RestorePoints;
  private readonly options: SessionOptions;
  private project: Project | null = null;
  /** The open project's change signature when its last restore point was made (or when it was opened). */
  private pointedAt: string | null = null;
  /** A restore in progress: no periodic point meanwhile. */
  private restoring = false;

  constructor(options: SessionOptions) {
    this.options = options;
    this.recent = new RecentProjects(options.userDataDir);
    this.preferences = new PreferencesFile(options.userDataDir);
    this.projectsDir = join(options.userDataDir, 'projects');
    this.restorePoints = new RestorePoints(
      options.userDataDir,
      options.restorePointsKept === undefined ? {} : { keep: options.restorePointsKept },
    );
    removeEarlierEngineCache(options.userDataDir);
    const minutes = options.restorePointMinutes ?? DEFAULT_RESTORE_POINT_MINUTES;
    if (minutes > 0) {
      // unref: the timer never keeps a CLI or test process alive; a failed point waits for the next tick.
      setInterval(() => void this.periodicRestorePoint().catch(() => undefined), minutes * 60_000).unref();
    }
  }

  get current(): Project | null {
    return this.project;
  }

  require(): Project {
    this.assertNotRestoring();
    if (!this.project) throw new TributaryError('no_project', 'No project is open; create or open one first.');
    return this.project;
  }

  info(): ProjectInfo | null {
    return this.project ? { path: this.project.path, meta: this.project.meta } : null;
  }

  create(name: string, currency: string, path?: string): ProjectInfo {
    this.assertNotRestoring();
    const target = path ? resolve(path) : this.defaultPathFor(name);
    mkdirSync(resolve(target, '..'), { recursive: true });
    return this.adopt(createProject(target, { name, currency }, this.options));
  }

  /** `whileChecking`: see openProject. */
  open(path: string, whileChecking?: () => void): ProjectInfo {
    this.assertNotRestoring();
    return this.adopt(openProject(resolve(path), this.options, whileChecking));
  }

  /** Opens the demo project, generating it on first use. */
  openDemo(): ProjectInfo {
    this.assertNotRestoring();
    const path = join(this.projectsDir, DEMO_FILE);
    if (existsSync(path)) return this.open(path);
    mkdirSync(this.projectsDir, { recursive: true });
    const project = createProject(path, { name: 'Tributary Demo', currency: 'USD' }, this.options);
    try {
      generateDemo(project.db);
    } catch (error) {
      // An empty demo would be reopened forever: it goes, so the next attempt generates it again.
      project.close();
      for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
      throw error;
    }
    return this.adopt(project);
  }

  async saveAs(path: string, overwrite: boolean): Promise<ProjectInfo> {
    const project = this.require();
    const target = resolve(path);
    if (target === project.path) {
      throw new TributaryError('already_exists', `${target} is the open project; choose another file.`);
    }
    await project.saveAs(target, { overwrite });
    // Like any desktop app's Save As, work continues in the copy.
    return this.open(target);
  }

  /**
   * Writes an anonymised copy of the open project to `path`; the open project stays the original, so the user never
   * goes on working in the copy by mistake. `anonymise` rewrites the copy at the path it is given and answers when
   * (store/anonymise.ts: anonymiseFile, run in a worker by the app, since it takes seconds on a big project).
   */
  async saveAnonymised(
    path: string,
    overwrite: boolean,
    anonymise: (copyPath: string) => Promise<string>,
  ): Promise<{ path: string; anonymisedAt: string }> {
    const project = this.require();
    const target = resolve(path);
    if (target === project.path) {
      throw new TributaryError('already_exists', `${target} is the open project; choose another file.`);
    }
    let anonymisedAt = '';
    await project.saveAs(target, { overwrite, prepare: async (copy) => void (anonymisedAt = await anonymise(copy)) });
    return { path: target, anonymisedAt };
  }

  /** A restore point of the open project now (before an import, or asked for). */
  async makeRestorePoint(reason: RestorePointReason): Promise<RestorePointInfo> {
    const project = this.require();
    const signature = changeSignature(project.db);
    const point = await this.restorePoints.make(project, reason);
    this.pointedAt = signature;
    return point;
  }

  /** The periodic point: made only when a project is open and its data changed since the last one. */
  async periodicRestorePoint(): Promise<RestorePointInfo | null> {
    if (!this.project || this.restoring || changeSignature(this.project.db) === this.pointedAt) return null;
    return this.makeRestorePoint('auto');
  }

  /**
   * Puts restore point `id` in place of the open project (store/restorePoints.ts: the current state becomes a point
   * first) and reopens it. The caller stops imports first. If the restore fails, the project reopens as it was.
   * `check`: see restoreProjectFile; while it and the copies run (seconds on a big project) no project is open, and
   * nothing may open, create or save one (assertNotRestoring), or the restore would close it when it reopens.
   */
  async restore(id: string, check?: (path: string) => Promise<CheckReport>): Promise<ProjectInfo> {
    this.assertNotRestoring();
    const path = this.require().path;
    this.restorePoints.fileOf(path, id); // an unknown id is answered before anything closes
    this.restoring = true;
    this.project?.close();
    this.project = null;
    try {
      await restoreProjectFile(this.restorePoints, path, id, this.options, check);
    } catch (error) {
      this.restoring = false;
      this.open(path);
      throw error;
    }
    this.restoring = false;
    return this.open(path);
  }

  private assertNotRestoring(): void {
    if (this.restoring) {
      throw new TributaryError('locked', 'A restore is in progress; try again once it has finished.');
    }
  }

  /** Closes the open project; `byUser` means the user closed it, so the next start does not reopen it. */
  close(byUser = false): void {
    this.project?.close();
    this.project = null;
    if (byUser) this.preferences.update({ lastProject: null });
  }

  /** Reopens the project open when the app last quit, if it is still there; null when there is none. */
  reopenLast(whileChecking?: () => void): ProjectInfo | null {
    const { lastProject } = this.preferences.read();
    if (!lastProject || !existsSync(lastProject)) return null;
    return this.open(lastProject, whileChecking);
  }

  private adopt(project: Project): ProjectInfo {
    if (this.project && this.project !== project) this.project.close();
    this.project = project;
    this.pointedAt = changeSignature(project.db);
    const info: ProjectInfo = { path: project.path, meta: project.meta };
    if (project.migrated) info.upgraded = project.migrated;
    this.recent.touch(project.path, info.meta.name);
    this.preferences.update({ lastProject: project.path });
    return info;
  }

  private defaultPathFor(name: string): string {
    const safe =
      name
        .replace(/[^\p{L}\p{N} _.-]+/gu, '_')
        .replace(/^\.+/, '')
        .trim() || 'Untitled';
    return join(this.projectsDir, `${safe}.sqlite`);
  }
}

/**
 * Builds before schema version 3 kept the engine's arrays in a folder of the user-data directory; they live in the
 * project now. That folder held copies of client data outside their projects, so it goes, once, quietly: a folder
 * that cannot be removed is left as it was.
 */
function removeEarlierEngineCache(userDataDir: string): void {
  try {
    rmSync(join(userDataDir, 'engine-cache'), { recursive: true, force: true });
  } catch {
    // read-only or in use: it is only a cache, and no build reads it any more
  }
}
