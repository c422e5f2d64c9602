import { availableParallelism } from 'node:os';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { DATA_KINDS } from '../../shared/kinds';
import { firstTableWithRows, inOneTransaction, useBulkWriteCache } from '../store/database';
import { withRevisionTriggersSuspended } from '../store/dataRevision';
import { registerCustomFields } from '../store/customFields';
import { withIndexesDeferred } from '../store/deferredIndexes';
import { DemoRows, type DemoBatch } from '../store/demoRows';
import { resolveMemberIdentities } from '../store/memberIdentities';
import { generateDemoRowsInWorker } from './inWorker';
import { generateDemoRows } from './rows';
import { DEMO_CUSTOM_FIELDS, type DemoStats } from './writer';

export type { DemoStats } from './writer';

export interface DemoOptions {
  /** About how many touches (marketing touchpoints plus community actions) to write. */
  scale?: number;
  seed?: number;
  /**
   * Make the rows in a worker while this thread writes them (true), or all here (false); by default in a worker
   * from WORKER_MIN_SCALE on. Both give the same rows.
   */
  worker?: boolean;
}

export const DEFAULT_DEMO_SCALE = 20_000;
const DEFAULT_SEED = 42;
/** Below this scale the demo is written in less time than a worker takes to start. */
export const WORKER_MIN_SCALE = 200_000;

function assertEmpty(db: Database.Database): void {
  const table = firstTableWithRows(db, DATA_KINDS);
  if (table !== null) {
    throw new TributaryError(
      'already_exists',
      `The project already holds ${table}; demo data goes into a new project.`,
    );
  }
}

/**
 * Fills an empty, migrated project with a deterministic B2B SaaS history over 2024-2025: accounts and their buying
 * committees, new-business, upgrade and renewal opportunities, marketing touches along each journey, and a community
 * whose actions exercise every CAR category. The same scale and seed always give the same rows. Touches total the
 * scale exactly unless the scale is tiny. Everything is written in one transaction, rows as they are made, the
 * secondary indexes built once at the end.
 */
export function generateDemo(db: Database.Database, options: DemoOptions = {}): DemoStats {
  const scale = options.scale ?? DEFAULT_DEMO_SCALE;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(scale) || scale < 1) {
    throw new TributaryError('bad_request', `The demo scale must be a positive whole number, not ${scale}.`);
  }
  if (!Number.isFinite(seed)) throw new TributaryError('bad_request', `The demo seed must be a number, not ${seed}.`);

  const useWorker = options.worker ?? (scale >= WORKER_MIN_SCALE && availableParallelism() > 1);
  const restoreCache = useBulkWriteCache(db);
  try {
    return inOneTransaction(db, () => {
      assertEmpty(db);
      return withRevisionTriggersSuspended(db, () => {
        const stats = withIndexesDeferred(db, DATA_KINDS, () => {
          const rows = new DemoRows(db);
          const write = (batch: DemoBatch): void => rows.write(batch);
          return useWorker
            ? generateDemoRowsInWorker({ scale, seed }, write)
            : generateDemoRows({ scale, seed }, write);
        });
        // Like an import, the demo leaves members resolved to contacts and accounts (data.md, identity resolution),
        // through the indexes just built.
        resolveMemberIdentities(db);
        registerCustomFields(db, 'accounts', [DEMO_CUSTOM_FIELDS.accounts]);
        registerCustomFields(db, 'opportunities', [DEMO_CUSTOM_FIELDS.opportunities]);
        return stats;
      });
    });
  } finally {
    restoreCache();
  }
}
