import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentProject } from '../../shared/api';

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
    if (!existsSync(this.file)) return [];
    try {
      return stored.parse(JSON.parse(readFileSync(this.file, 'utf8')));
    } catch {
      // A damaged list is not worth stopping the app for: start a fresh one.
      return [];
    }
  }

  private write(entries: StoredRecent): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const partial = `${this.file}.partial`;
    writeFileSync(partial, JSON.stringify(entries, null, 2));
    renameSync(partial, this.file);
  }
}
