import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ProjectInfo } from '../../shared/api';
import { TributaryError } from '../../shared/errors';
import { generateDemo } from '../demo/generate';
import {
  checkOpenProject,
  createProject,
  openProject,
  type CheckReport,
  type Project,
  type StoreOptions,
} from '../store/project';
import { PreferencesFile } from './preferences';
import { RecentProjects } from './recent';

export interface SessionOptions extends StoreOptions {
  /** The app's user-data folder: recent projects and the default projects folder live here, never in a project. */
  userDataDir: string;
}

const DEMO_FILE = 'Tributary Demo.sqlite';

/**
 * The project a window (desktop) or a browser-mode server is working on: at most one open at a time. Opening
 * another closes the current one only once the new one has opened, so a failed open loses nothing.
 */
export class Session {
  readonly recent: RecentProjects;
  readonly preferences: PreferencesFile;
  readonly projectsDir: string;
  private readonly options: SessionOptions;
  private project: Project | null = null;

  constructor(options: SessionOptions) {
    this.options = options;
    this.recent = new RecentProjects(options.userDataDir);
    this.preferences = new PreferencesFile(options.userDataDir);
    this.projectsDir = join(options.userDataDir, 'projects');
  }

  get current(): Project | null {
    return this.project;
  }

  require(): Project {
    if (!this.project) throw new TributaryError('no_project', 'No project is open; create or open one first.');
    return this.project;
  }

  info(): ProjectInfo | null {
    return this.project ? { path: this.project.path, meta: this.project.meta } : null;
  }

  create(name: string, currency: string, path?: string): ProjectInfo {
    const target = path ? resolve(path) : this.defaultPathFor(name);
    mkdirSync(resolve(target, '..'), { recursive: true });
    return this.adopt(createProject(target, { name, currency }, this.options));
  }

  open(path: string): ProjectInfo {
    return this.adopt(openProject(resolve(path), this.options));
  }

  /** Opens the demo project, generating it on first use. */
  openDemo(): ProjectInfo {
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

  /** Checks the open project through its own connection, without writing to it. */
  check(): CheckReport {
    return checkOpenProject(this.require(), this.options);
  }

  /** Closes the open project; `byUser` means the user closed it, so the next start does not reopen it. */
  close(byUser = false): void {
    this.project?.close();
    this.project = null;
    if (byUser) this.preferences.update({ lastProject: null });
  }

  /** Reopens the project open when the app last quit, if it is still there; null when there is none. */
  reopenLast(): ProjectInfo | null {
    const { lastProject } = this.preferences.read();
    if (!lastProject || !existsSync(lastProject)) return null;
    return this.open(lastProject);
  }

  private adopt(project: Project): ProjectInfo {
    if (this.project && this.project !== project) this.project.close();
    this.project = project;
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
