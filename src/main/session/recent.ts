import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api';
import { readJsonFile, writeJsonFile } from './jsonFile';

const MAX_RECENT = 12;
const FILE_NAME = 'recent-projects.json';

const stored = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
type StoredRecent = z.infer<typeof stored>;

/**
 * Recently opened projects, kept in the app's user-data folder and never in a project file (a project travels to
 * other people; where this laptop keeps files is nobody else's business).
 */
export class RecentProjects {
  private readonly file: string;

  constructor(userDataDir: string) {
    this.file = join(userDataDir, FILE_NAME);
  }

  list(): RecentProject[] {
    return this.read().map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  touch(path: string, name: string): void {
    const absolute = resolve(path);
    const rest = this.read().filter((entry) => entry.path !== absolute);
    this.write([{ path: absolute, name, openedAt: new Date().toISOString() }, ...rest].slice(0, MAX_RECENT));
  }

  forget(path: string): void {
    const absolute = resolve(path);
    this.write(this.read().filter((entry) => entry.path !== absolute));
  }

  private read(): StoredRecent {
    return readJsonFile(this.file, stored, []);
  }

  private write(entries: StoredRecent): void {
    writeJsonFile(this.file, entries);
  }
}
