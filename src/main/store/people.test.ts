import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readMemberNames } from './people';
import { createProject, type Project } from './project';

let dir: string | null = null;
let project: Project | null = null;
afterEach(() => {
  project?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  project = null;
  dir = null;
});

describe('readMemberNames', () => {
  it('gives the names of the members asked for, leaving out those without one or not in the project', () => {
    dir = mkdtempSync(join(tmpdir(), 'tributary-names-'));
    project = createProject(join(dir, 'p.sqlite'), { name: 'Names', currency: 'USD' });
    const insert = project.db.prepare('INSERT INTO community_members (member_id, name) VALUES (?, ?)');
    insert.run('M1', 'Ada Lovelace');
    insert.run('M2', null);
    insert.run('M3', '  ');
    insert.run('M4', 'Grace Hopper');
    expect(readMemberNames(project.db, ['M1', 'M2', 'M3', 'M9', 'M4'])).toEqual({
      M1: 'Ada Lovelace',
      M4: 'Grace Hopper',
    });
    expect(readMemberNames(project.db, [])).toEqual({});
  });
});
