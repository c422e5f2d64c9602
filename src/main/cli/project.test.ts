import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { loadMigrations } from '../store/migrations';
import { createProject } from '../store/project';
import { openProjectForCli } from './project';

const tempDir = useTempDir();

describe('openProjectForCli', () => {
  it('says on stderr when opening upgraded the project, and where the copy from before is', () => {
    const path = join(tempDir(), 'older.sqlite');
    const shipped = loadMigrations();
    createProject(path, { name: 'Acme', currency: 'EUR' }, { migrations: shipped }).close();
    const next = {
      version: shipped.length + 1,
      name: 'add_notes',
      sql: 'CREATE TABLE notes (b TEXT);',
      sha256: 'c'.repeat(64),
    };
    const written: string[] = [];
    const io = { stderr: (text: string) => written.push(text) };
    openProjectForCli(path, io, { migrations: [...shipped, next] }).close();
    const backup = join(path, '..', `older.before-v${next.version}.sqlite`);
    expect(written).toEqual([
      `Upgraded ${path} from schema ${shipped.length} to ${next.version}; the file as it was is saved as ${backup}\n`,
    ]);
    expect(existsSync(backup)).toBe(true);
    openProjectForCli(path, io, { migrations: [...shipped, next] }).close();
    expect(written).toHaveLength(1);
  });
});
