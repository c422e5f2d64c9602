import type Database from 'better-sqlite3';
import type { ModelOptions } from '../../shared/modelOptions';
import { journeyKey } from './attribute';
import { loadCommunityData, type CommunityData } from './communityData';
import type { Dataset } from './dataset';
import { buildJourneys, type Journeys } from './journeys';
import { loadDataset } from './load';

interface Loaded {
  db: Database.Database;
  version: number;
  data: Dataset;
  community: CommunityData;
  journeys: Map<string, Journeys>;
}

/**
 * The engine's view of the open project, loaded once and again only when the data changed (spec 8): SQLite's
 * data_version moves whenever another connection (an import worker) commits, and a different project is a different
 * connection. Journeys are kept per journey options, so a weight change reuses them.
 */
export class EngineCache {
  private loaded: Loaded | null = null;

  get(db: Database.Database): { data: Dataset; community: CommunityData } {
    return this.current(db);
  }

  journeys(db: Database.Database, options: ModelOptions): Journeys {
    const loaded = this.current(db);
    const key = journeyKey(options);
    let journeys = loaded.journeys.get(key);
    if (!journeys) {
      journeys = buildJourneys(loaded.data, options);
      loaded.journeys.set(key, journeys);
    }
    return journeys;
  }

  private current(db: Database.Database): Loaded {
    const version = db.pragma('data_version', { simple: true }) as number;
    if (this.loaded && this.loaded.db === db && this.loaded.version === version) return this.loaded;
    const data = loadDataset(db);
    this.loaded = { db, version, data, community: loadCommunityData(db, data), journeys: new Map() };
    return this.loaded;
  }
}
