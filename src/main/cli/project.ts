import { openProject, type Project, type StoreOptions } from '../store/project';
import type { CliIo } from './io';

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
