import { keepEngineSnapshot } from '../engine/projectSnapshot';
import { openProject, type Project, type StoreOptions } from '../store/project';
import type { CliIo } from './io';
import { showStatus } from './progress';

/** Opens a project for a command and says on stderr when opening upgraded it, and where the copy from before is. */
export function openProjectForCli(path: string, io: Pick<CliIo, 'stderr'>, options: StoreOptions = {}): Project {
  const project = openProject(path, options);
  const { migrated } = project;
  if (migrated) {
    io.stderr(
      `Upgraded ${path} from schema ${migrated.fromVersion} to ${migrated.toVersion}; the file as it was is saved as ${migrated.backup}\n`,
    );
  }
  return project;
}

/**
 * After a command wrote data: the engine's arrays kept in the project (engine/projectSnapshot.ts), so the file opens
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
