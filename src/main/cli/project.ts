import { resolve } from 'node:path';
import type { MemoEntries } from '../engine/arrays/engineFile';
import type { EngineData } from '../engine/arrays/load';
import type { Memo } from '../engine/models/car';
import { readCurrentArrays } from '../engine/arrays/projectArrays';
import { engineKeyOf } from '../engine/arrays/projectSnapshot';
import { keepEngineSnapshot } from '../engine/cache/keepSnapshot';
import { readGrouping, type ChannelGrouping } from '../engine/groups/channelGroups';
import { assertScopeFields, readScopeFields, type CustomFieldSource } from '../engine/scope/scope';
import { TributaryError } from '../../shared/errors';
import { UsageError } from './args';
import type { ReportScope } from '../../shared/scope';
import { openProject, openProjectToRead, type Project, type StoreOptions } from '../store/project';
import type { CliIo } from './io';
import { showStatus } from './progress';

/**
 * Opens a project for a command and says on stderr when opening upgraded it, and where the copy from before is. A
 * command that only reads through the engine opens it with openProjectToRead.
 */
export function openProjectForCli(
  path: string,
  io: Pick<CliIo, 'stderr'>,
  options: StoreOptions = {},
  open: (path: string, options: StoreOptions) => Project = openProject,
): Project {
  const project = open(path, options);
  const { migrated } = project;
  if (migrated) {
    io.stderr(
      `Upgraded ${path} from schema ${migrated.fromVersion} to ${migrated.toVersion}; the file as it was is saved as ${migrated.backup}\n`,
    );
  }
  return project;
}

/**
 * After a command wrote data: the engine's arrays kept in the project (engine/cache/keepSnapshot.ts), so the file opens
 * fast wherever it goes next. It is a cache: a failure is said on stderr and the command still succeeds, its data
 * being written already; the first open then reads the tables.
 */
export function keepEngineSnapshotForCli(project: Project, io: CliIo): void {
  const status = showStatus(io, 'Keeping the engine’s arrays in the project');
  try {
    keepEngineSnapshot(project.db);
  } catch (error) {
    status.clear();
    io.stderr(
      `note: the engine's arrays were not kept in the project (${(error as Error).message}); it opens slower.\n`,
    );
    return;
  }
  status.clear();
}

/** What the engine reads, and the currency its amounts are in. */
/** What a CLI command runs a model over: the arrays, the project's currency, and the custom fields its scope needs. */
export type ProjectEngineData = EngineData & {
  memo: Memo;
  currency: string;
  fields: CustomFieldSource;
  grouping: ChannelGrouping;
};

/** A memo that answers from `entries` and computes the rest (a one-off run keeps nothing it computes). */
function memoOf(entries: MemoEntries): Memo {
  return <T>(key: string, compute: () => T): T => (Object.hasOwn(entries, key) ? (entries[key] as T) : compute());
}

/**
 * Opens a project just long enough to load what the engine reads, all from one connection and one read transaction:
 * the snapshot the project keeps of its arrays when it is of the current data, else the tables
 * (engine/arrays/projectArrays.ts). A read command writes nothing, so a project without a snapshot gets none from it;
 * and it checks the file's data tables only if it reads them (store/project.ts openProjectToRead).
 */
export function loadProjectEngineData(
  path: string,
  io: Pick<CliIo, 'stderr'>,
  scope: ReportScope = {},
): ProjectEngineData {
  const project = openProjectForCli(resolve(path), io, {}, openProjectToRead);
  try {
    const { db } = project;
    return db.transaction(() => {
      const { arrays, memo } = readCurrentArrays(db, engineKeyOf(db)).content;
      const fields = readScopeFields(db, scope);
      try {
        assertScopeFields(scope, fields);
      } catch (error) {
        // The --where names the field: a usage error, which says the fields there are.
        if (error instanceof TributaryError) throw new UsageError(`--where: ${error.message}`);
        throw error;
      }
      return {
        ...arrays,
        // The results the snapshot keeps with the arrays (CAR's churn bootstrap and roadmap), as the app's cache uses them.
        memo: memoOf(memo),
        currency: project.meta.currency,
        fields,
        grouping: readGrouping(db, arrays.data),
      };
    })();
  } finally {
    project.close();
  }
}
