import type Database from 'better-sqlite3';
import type { ModelOptions } from '../../shared/modelOptions';
import { journeyKey } from './attribute';
import type { Memo } from './car';
import type { CommunityData } from './communityData';
import type { Dataset } from './dataset';
import { buildJourneys, type Journeys } from './journeys';
import { loadEngineData } from './load';

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

  snapshot(db: Database.Database): EngineSnapshot {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (this.loaded && this.loaded.db === db && this.loaded.version === version) return this.loaded.snapshot;
    // One read transaction inside: every table is read from the same committed state.
    const { data, community } = loadEngineData(db);
    const journeys = new Map<string, Journeys>();
    const memos = new Map<string, unknown>();
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

  /** Forgets the loaded project (closed or switched), so its arrays can be freed. */
  clear(): void {
    this.loaded = null;
  }
}
