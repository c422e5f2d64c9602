import { join } from 'node:path';
import { afterEach } from 'vitest';
import { createProject, type Project } from '../../src/main/store/project';
import { useTempDir } from './files';

export interface NewProjectOptions {
  name?: string;
  currency?: string;
  /** The folder to create it in; a temporary one of its own when absent. */
  dir?: string;
  file?: string;
}

/** New projects for a test, created through the real migrations and closed after the test that made them. */
export function useNewProject(): (options?: NewProjectOptions) => Project {
  const tempDir = useTempDir();
  const open: Project[] = [];
  afterEach(() => open.splice(0).forEach((project) => project.close()));
  return ({ name = 'Test', currency = 'USD', dir = tempDir(), file = 'p.sqlite' } = {}) => {
    const project = createProject(join(dir, file), { name, currency });
    open.push(project);
    return project;
  };
}
