import type { Project } from '../../store/project';

/**
 * Where an engine handler finds the open project: the session on the main thread, or the engine worker's own
 * connection to the same file. `require` throws `no_project` when none is open.
 */
export interface ProjectSource {
  require(): Pick<Project, 'db' | 'path' | 'meta'>;
}
