import type Database from 'better-sqlite3';
import type { ModelOptions } from '../../shared/modelOptions';
import { APP_VERSION } from '../../shared/version';
import { readDataRevision } from '../store/dataRevision';
import { journeyKey } from './attribute';
import type { Memo } from './car';
import type { CommunityData } from './communityData';
import type { Dataset } from './dataset';
import type { EngineDiskCache } from './diskCache';
import { ENGINE_FILE_FORMAT, sameKey, type EngineFileContent, type EngineFileKey } from './engineFile';
import { buildJourneys, type Journeys } from './journeys';
import { loadEngineData, type EngineData } from './load';

/** One consistent view of the project: everything in it was read in one transaction. */
export interface EngineSnapshot {
  data: Dataset;
  community: CommunityData;
  journeys(options: ModelOptions): Journeys;
  /** Results that depend on the data and a few options only, kept while the data stays the same. */
  memo: Memo;
}

interface Loaded {
  db: Database.Database;
  version: number;
  snapshot: EngineSnapshot;
}

/** Arrays read ahead, the key they are of, and where they came from. */
interface Prefetched {
  key: EngineFileKey;
  content: EngineFileContent;
  source: 'project' | 'disk';
}

/** Journeys kept per journey options: a lookback slider must not pile them up. */
const KEEP_JOURNEYS = 4;
/** Memoised results kept per snapshot (a referral-window slider makes a new key per value). */
const KEEP_MEMOS = 16;

/**
 * The engine's view of the open project, loaded once and again only when the data changed (spec 8): SQLite's
 * data_version moves whenever another connection (an import worker) commits, and a different project is a different
 * connection. A caller takes one snapshot per request, so a commit in the middle of a request cannot mix an old
 * dataset with new journeys.
 */
export class EngineCache {
  private loaded: Loaded | null = null;
  private readonly disk: EngineDiskCache | null;
  /** Arrays read from the project that the disk cache does not hold yet (see saveToDisk). */
  private unsaved: { key: EngineFileKey; arrays: EngineData; memos: Map<string, unknown> } | null = null;
  /** Arrays read ahead for a project about to open (see prefetch and readAhead), and where they came from. */
  private prefetched: Prefetched | null = null;
  /** How the arrays of each load were had (`ahead`: of those, the ones read ahead), for tests and status. */
  readonly reads = { project: 0, disk: 0, ahead: 0 };

  /** With `disk`, arrays are kept across sessions (engine/diskCache.ts). */
  constructor(disk: EngineDiskCache | null = null) {
    this.disk = disk;
  }

  snapshot(db: Database.Database): EngineSnapshot {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (this.loaded && this.loaded.db === db && this.loaded.version === version) return this.loaded.snapshot;
    const { arrays, memo } = this.arraysOf(db);
    const { data, community } = arrays;
    const journeys = new Map<string, Journeys>();
    const memos = new Map<string, unknown>(Object.entries(memo));
    if (this.unsaved?.arrays === arrays) this.unsaved.memos = memos;
    const snapshot: EngineSnapshot = {
      data,
      community,
      journeys(options) {
        const key = journeyKey(options);
        let built = journeys.get(key);
        if (!built) {
          built = buildJourneys(data, options);
          if (journeys.size >= KEEP_JOURNEYS) journeys.delete(journeys.keys().next().value as string);
          journeys.set(key, built);
        }
        return built;
      },
      memo<T>(key: string, compute: () => T): T {
        if (memos.has(key)) return memos.get(key) as T;
        const value = compute();
        if (memos.size >= KEEP_MEMOS) memos.delete(memos.keys().next().value as string);
        memos.set(key, value);
        return value;
      },
    };
    this.loaded = { db, version, snapshot };
    return snapshot;
  }

  /**
   * Forgets the loaded project (closed or switched), so its arrays can be freed. Arrays read ahead are kept: they
   * are for the project about to open, and the next snapshot takes or drops them.
   */
  clear(): void {
    this.loaded = null;
    this.unsaved = null;
  }

  /**
   * Reads ahead the cached arrays the project at `path` had when last opened, without opening it: the worker does
   * this while the main thread runs the project's checks (quick_check reads the whole file), on the other core.
   * The next snapshot uses them only if the opened project's key is the same.
   */
  prefetch(path: string): void {
    this.prefetched = null;
    const key = this.disk?.lastKeyOf(path);
    const content = key && this.disk?.read(key);
    if (key && content) this.prefetched = { key, content, source: 'disk' };
  }

  /**
   * Reads ahead the arrays of the project `db` is a connection to (the worker's own, opened for this), as they are
   * now: what prefetch read if it is of this data revision, else the disk cache's file for it, else the tables. The
   * worker does this once the file has passed every check but quick_check, while the main thread's quick_check still
   * reads the whole file: a first open then loads beside the check rather than after it. The next snapshot uses
   * them only if its data revision is the same.
   */
  readAhead(db: Database.Database): void {
    this.prefetched = db.transaction(() => {
      const revision = readDataRevision(db);
      const key = revision === null ? null : this.keyOf(db, revision);
      const ahead = this.takeAhead(key);
      if (key === null || ahead) return ahead;
      const cached = this.disk?.read(key);
      if (cached) return { key, content: cached, source: 'disk' as const };
      return { key, content: { arrays: loadEngineData(db), memo: {} }, source: 'project' as const };
    })();
  }

  /** True when arrays read from a project wait to be written to the disk cache. */
  get hasUnsaved(): boolean {
    return this.unsaved !== null;
  }

  /**
   * Writes the arrays last read from a project to the disk cache, with the results memoised on them so far (the
   * worker computes the default model's first). Separate from the load, so the worker answers first and writes
   * when it has nothing else to do; a failed write only means the next open reads the project.
   */
  saveToDisk(): void {
    const unsaved = this.unsaved;
    this.unsaved = null;
    if (unsaved && this.disk) {
      this.disk.write(unsaved.key, { arrays: unsaved.arrays, memo: Object.fromEntries(unsaved.memos) });
    }
  }

  /**
   * The arrays of the project's current data: those read ahead or the disk cache's when they are of this data
   * revision, else read from the tables. One read transaction: the revision and the tables are of the same commit,
   * even while an import worker writes.
   */
  private arraysOf(db: Database.Database): EngineFileContent {
    return db.transaction(() => {
      const revision = this.disk || this.prefetched ? readDataRevision(db) : null;
      const key = revision === null ? null : this.keyOf(db, revision);
      if (key) this.disk?.remember(db.name, key);
      const ahead = this.takeAhead(key);
      if (key && ahead) {
        this.reads.ahead += 1;
        return this.took(ahead.source, key, ahead.content);
      }
      const cached = key && this.disk?.read(key);
      if (cached) return this.took('disk', key, cached);
      return this.took('project', key, { arrays: loadEngineData(db), memo: {} });
    })();
  }

  /**
   * The arrays read ahead if they are of `key`; either way they are let go here, so that arrays of another revision
   * are never held beside the ones read next.
   */
  private takeAhead(key: EngineFileKey | null): Prefetched | null {
    const prefetched = this.prefetched;
    this.prefetched = null;
    return key && prefetched && sameKey(prefetched.key, key) ? prefetched : null;
  }

  /** Counts a load by its source; arrays read from the tables wait to be written to the disk cache. */
  private took(source: 'project' | 'disk', key: EngineFileKey | null, content: EngineFileContent): EngineFileContent {
    this.reads[source] += 1;
    if (source === 'project')
      this.unsaved = key && this.disk ? { key, arrays: content.arrays, memos: new Map() } : null;
    return content;
  }

  private keyOf(db: Database.Database, revision: string): EngineFileKey {
    return {
      format: ENGINE_FILE_FORMAT,
      appVersion: APP_VERSION,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      revision,
    };
  }
}
