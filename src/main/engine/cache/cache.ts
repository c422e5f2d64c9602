import type Database from 'better-sqlite3';
import type { ModelOptions } from '../../../shared/modelOptions';
import { inOneTransaction, readDataVersion } from '../../store/database';
import { readDataRevision } from '../../store/dataRevision';
import type { CommunityData } from '../arrays/communityData';
import type { Dataset } from '../arrays/dataset';
import { type EngineFileContent, type EngineFileKey } from '../arrays/engineFile';
import type { EngineData } from '../arrays/load';
import { readCurrentArrays, type ArraysSource } from '../arrays/projectArrays';
import { engineKeyOf } from '../arrays/projectSnapshot';
import { journeyKey } from '../models/attribute';
import type { Memo } from '../models/car';
import { buildJourneys, type Journeys } from '../models/journeys';
import { customFieldSourceOf, type CustomFieldSource } from '../scope/scope';
import { touchFieldSourceOf, type ChannelGrouping, type TouchFieldSource } from '../groups/channelGroups';
import { readGroupRules } from '../../store/channelGroups';

/**
 * The open project as the engine loaded it, for one request: everything in it was read in one transaction. (The
 * project's snapshot, engine/arrays/projectSnapshot.ts, is the copy of its arrays kept in the file.)
 */
export interface LoadedProject {
  data: Dataset;
  community: CommunityData;
  journeys(options: ModelOptions): Journeys;
  /** Results that depend on the data and a few options only, kept while the data stays the same. */
  memo: Memo;
  /** The project's custom fields, read when a scope first filters by one (spec 9). */
  readonly fields: CustomFieldSource;
  /** The project's channel groups (spec 10): the rules as they are now, each request. */
  readonly grouping: ChannelGrouping;
}

interface Loaded {
  db: Database.Database;
  version: number;
  /** The data revision the arrays are of; null for a file without one (never snapshotted). */
  revision: string | null;
  project: LoadedProject;
}

/** Journeys kept per journey options: a lookback slider must not pile them up. */
const KEEP_JOURNEYS = 4;
/** Memoised results kept per loaded project (a referral-window slider makes a new key per value). */
const KEEP_MEMOS = 16;

/**
 * The engine's view of the open project, loaded once and again only when the data changed (spec 8). SQLite's
 * data_version moves whenever another connection commits (an import worker, or the session saving the project's
 * name); the arrays are read again only when the data revision moved with it, and a different project is a
 * different connection. A caller takes one loaded project per request, so a commit in the middle of a request cannot
 * mix an old dataset with new journeys.
 *
 * The arrays come from the snapshot the project keeps of them (engine/arrays/projectSnapshot.ts) when it is of the
 * current data, else from the tables; arrays read from the tables are handed over to be written back as the
 * project's snapshot afterwards (takeUnsaved), so the next open of the file, here or on a colleague's machine, is
 * fast.
 */
export class EngineCache {
  private loaded: Loaded | null = null;
  /** Arrays read from the tables that the project does not keep yet (see takeUnsaved). */
  private unsaved: {
    db: Database.Database;
    key: EngineFileKey;
    arrays: EngineData;
    memos: Map<string, unknown>;
  } | null = null;
  /** How the arrays of each load were had (`ahead`: loads made ahead of an open), for tests and status. */
  readonly reads = { project: 0, snapshot: 0, ahead: 0 };

  /** The project `db` is a connection to, loaded: the one loaded before while its data stays the same. */
  load(db: Database.Database): LoadedProject {
    const version = readDataVersion(db);
    const loaded = this.loaded;
    if (loaded && loaded.db === db) {
      if (loaded.version === version) return loaded.project;
      // Another connection committed; unless the data revision moved, it wrote something the engine does not read.
      if (loaded.revision !== null && readDataRevision(db) === loaded.revision) {
        loaded.version = version;
        return loaded.project;
      }
    }
    const { key, content } = this.arraysOf(db);
    const { data, community } = content.arrays;
    const journeys = new Map<string, Journeys>();
    const memos = new Map<string, unknown>(Object.entries(content.memo));
    if (this.unsaved?.arrays === content.arrays) this.unsaved.memos = memos;
    // Custom fields are read from the tables when a scope first asks for one (spec 9), not kept in the arrays.
    let fields: CustomFieldSource | undefined;
    // Rules are read with each request (another connection may have saved new ones without changing the data);
    // the touches' source, medium and custom values they test are read once per loaded project.
    let touchFields: TouchFieldSource | undefined;
    const project: LoadedProject = {
      data,
      community,
      get fields() {
        return (fields ??= customFieldSourceOf(db));
      },
      get grouping() {
        return { rules: readGroupRules(db), fields: (touchFields ??= touchFieldSourceOf(db, data)) };
      },
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
    this.loaded = { db, version, revision: key?.revision ?? null, project };
    return project;
  }

  /** Forgets the loaded project (closed or switched), so its arrays can be freed. */
  clear(): void {
    this.loaded = null;
    this.unsaved = null;
  }

  /**
   * Loads the project `db` is a connection to ahead of its open: the worker does this once the file has passed
   * every check but quick_check, while the main thread's quick_check still reads the whole file, so the project
   * loads beside the check rather than after it. The open's own load keeps these arrays unless its data changed.
   */
  readAhead(db: Database.Database): void {
    this.load(db);
    this.reads.ahead += 1;
  }

  /** True when arrays read from the tables wait to be kept in the project. */
  get hasUnsaved(): boolean {
    return this.unsaved !== null;
  }

  /**
   * The arrays last read from the tables, with the results memoised on them so far (the worker computes the default
   * model's first) and the connection they were read with, handed over once for the caller to keep in the project
   * (engine/arrays/projectSnapshot.ts). Separate from the load, so the worker answers first and writes when it has
   * nothing else to do; nothing is written when the data changed meanwhile, and a failed write only means the next open
   * reads the tables.
   */
  takeUnsaved(): { db: Database.Database; key: EngineFileKey; content: EngineFileContent } | null {
    const unsaved = this.unsaved;
    this.unsaved = null;
    if (!unsaved) return null;
    return {
      db: unsaved.db,
      key: unsaved.key,
      content: { arrays: unsaved.arrays, memo: Object.fromEntries(unsaved.memos) },
    };
  }

  /**
   * The arrays of the project's current data: the project's snapshot when it is of this data revision, else read
   * from the tables. One read transaction: the revision and the tables are of the same commit, even while an import
   * worker writes.
   */
  private arraysOf(db: Database.Database): { key: EngineFileKey | null; content: EngineFileContent } {
    return inOneTransaction(db, () => {
      const key = engineKeyOf(db);
      const { content, source } = readCurrentArrays(db, key);
      return { key, content: this.took(source, db, key, content) };
    });
  }

  /** Counts a load by its source; arrays read from the tables wait to be kept in the project. */
  private took(
    source: ArraysSource,
    db: Database.Database,
    key: EngineFileKey | null,
    content: EngineFileContent,
  ): EngineFileContent {
    this.reads[source] += 1;
    this.unsaved = source === 'project' && key ? { db, key, arrays: content.arrays, memos: new Map() } : null;
    return content;
  }
}
