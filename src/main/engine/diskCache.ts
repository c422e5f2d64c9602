import {
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../session/jsonFile';
import { decodeEngineData, encodeEngineData, sameKey, type EngineFileContent, type EngineFileKey } from './engineFile';

/** Where the disk cache lives in the user-data folder. */
export const engineCacheDir = (userDataDir: string): string => join(userDataDir, 'engine-cache');

/** Projects whose arrays are kept: a few, since one at a million touches is about 100 MB. */
export const KEEP_CACHED_PROJECTS = 3;
const SUFFIX = '.engine';
/** Which cached arrays each project path had last: read before the project is opened (prefetch). */
const INDEX_FILE = 'projects.json';
const KEEP_PATHS = 20;
const keySchema = z.object({
  format: z.number(),
  appVersion: z.string(),
  schemaVersion: z.number(),
  revision: z.string().regex(/^[0-9A-F]{32}$/),
});
const indexSchema = z.array(z.object({ path: z.string(), key: keySchema }));
const STALE_PARTIAL_MS = 10 * 60_000;

/**
 * The engine's arrays of recently opened projects, one file each in a folder of the user-data directory (never
 * beside the project, which may be shared or synced), named by the project's data revision. Reopening a project
 * whose data did not change then reads one file instead of every table (0.35 s instead of 2.4 s at a million
 * touches). A file that is unreadable, damaged or of another version is ignored and removed; the caller reads the
 * project instead, so the cache can only make opening faster, never change a result.
 */
export class EngineDiskCache {
  readonly dir: string;
  private readonly keep: number;
  private swept = false;

  constructor(dir: string, keep = KEEP_CACHED_PROJECTS) {
    this.dir = dir;
    this.keep = keep;
  }

  read(key: EngineFileKey): EngineFileContent | null {
    this.sweepOnce();
    const path = this.pathOf(key);
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch {
      return null; // not cached (or not readable): the project is read instead
    }
    // Null for a whole file written for another key (another app version): not removed here, though the next write
    // for this revision replaces it.
    let content: EngineFileContent | null;
    try {
      content = decodeEngineData(bytes, key);
    } catch {
      removeQuietly(path); // damaged or cut short
      return null;
    }
    if (content) touch(path); // the newest used are the ones kept
    return content;
  }

  /** Writes the arrays under a temporary name, then renames them into place: a reader never sees half a file. */
  write(key: EngineFileKey, { arrays, memo }: EngineFileContent): void {
    mkdirSync(this.dir, { recursive: true });
    const path = this.pathOf(key);
    const partial = `${path}.partial-${process.pid}`;
    try {
      const fd = openSync(partial, 'w');
      try {
        for (const chunk of encodeEngineData(arrays, key, memo)) writeAll(fd, chunk);
      } finally {
        closeSync(fd);
      }
      renameSync(partial, path);
    } finally {
      rmSync(partial, { force: true });
    }
    this.prune();
  }

  /**
   * Notes that the project at `path` had the arrays of `key`, for `lastKeyOf` the next time it opens. A folder that
   * cannot be written only loses the read-ahead: this never throws.
   */
  remember(path: string, key: EngineFileKey): void {
    try {
      this.writeIndex(path, key);
    } catch {
      // the next open reads the arrays after its checks instead of during them
    }
  }

  private writeIndex(path: string, key: EngineFileKey): void {
    const index = this.index();
    const known = index.find((entry) => entry.path === path);
    if (known && sameKey(known.key, key)) return;
    const entries = [{ path, key }, ...index.filter((entry) => entry.path !== path)].slice(0, KEEP_PATHS);
    writeJsonFile(join(this.dir, INDEX_FILE), entries);
  }

  /**
   * The key of the arrays the project at `path` had when last opened: a guess, read without opening the project,
   * so the arrays can be read while the project's own checks run. Whoever uses them compares the key with the one
   * the opened project gives.
   */
  lastKeyOf(path: string): EngineFileKey | null {
    return this.index().find((entry) => entry.path === path)?.key ?? null;
  }

  private index(): { path: string; key: EngineFileKey }[] {
    return readJsonFile(join(this.dir, INDEX_FILE), indexSchema, []);
  }

  /** A worker ended while writing leaves a partial file: swept once per process, and after each write. */
  private sweepOnce(): void {
    if (this.swept) return;
    this.swept = true;
    try {
      this.prune();
    } catch {
      // a folder that is not there yet, or not readable: nothing to sweep
    }
  }

  /** Keeps the `keep` files used last, and removes partial files a killed writer left (a write takes a second). */
  private prune(): void {
    const files = readdirSync(this.dir).flatMap((name) => {
      try {
        return [{ name, used: statSync(join(this.dir, name)).mtimeMs }];
      } catch {
        return []; // removed meanwhile, by another process pruning the same folder
      }
    });
    const cached = files.filter(({ name }) => name.endsWith(SUFFIX)).sort((a, b) => b.used - a.used);
    const abandoned = files.filter(
      ({ name, used }) => name.includes('.partial-') && used < Date.now() - STALE_PARTIAL_MS,
    );
    for (const { name } of [...cached.slice(this.keep), ...abandoned]) rmSync(join(this.dir, name), { force: true });
  }

  private pathOf(key: EngineFileKey): string {
    // The revision is 32 hex digits (store/dataRevision.ts); anything else never names a file.
    if (!/^[0-9A-F]{32}$/.test(key.revision)) throw new Error(`not a data revision: ${key.revision}`);
    return join(this.dir, `${key.revision}${SUFFIX}`);
  }
}

function touch(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // a read-only folder still serves what it holds
  }
}

function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // left for the next write's pruning
  }
}

function writeAll(fd: number, chunk: Uint8Array): void {
  for (let at = 0; at < chunk.byteLength;) at += writeSync(fd, chunk, at);
}
