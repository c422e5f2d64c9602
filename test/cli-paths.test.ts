import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createProject } from '../src/main/store/project';
import { runCliCaptured } from './helpers/cliIo';
import { useTempDir } from './helpers/files';

/** Issue 13: a folder where a file belongs, or a file in a folder that does not exist, on every command. */

const tempDir = useTempDir();

let dir: string;
let home: string;
let folder: string;
let missing: string;
let project: string;
let csv: string;
let mapping: string;

beforeEach(() => {
  dir = tempDir();
  home = tempDir();
  // serve needs a built UI to start at all: a stub, outside the folder the tests watch.
  writeFileSync(join(home, 'index.html'), '<!doctype html><title>stub UI</title>');
  folder = join(dir, 'folder');
  mkdirSync(folder);
  writeFileSync(join(folder, 'keep.txt'), 'not a project');
  missing = join(dir, 'nope');
  project = join(dir, 'p.sqlite');
  createProject(project, { name: 'P', currency: 'USD' }).close();
  csv = join(dir, 'accounts.csv');
  writeFileSync(csv, 'account_id,name\nA1,Acme\n');
  mapping = join(dir, 'm.json');
  writeFileSync(mapping, '{"columns": {}}');
});

function filesUnder(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((name) => relative(root, join(root, name)))
    .sort();
}

async function refused(args: string[], message: string): Promise<void> {
  const before = filesUnder(dir);
  // A serve that starts after all stops at once, and fails the test on its output rather than hanging it.
  const run = await runCliCaptured(args, { TRIBUTARY_HOME: home, TRIBUTARY_RENDERER_DIR: home }, AbortSignal.abort());
  expect(run.err).toBe(`${message}\n`);
  expect(run.out).toBe('');
  expect(run.code).toBe(1);
  expect(filesUnder(dir)).toEqual(before);
}

const inFolder = (kind: string) => `${folder} is a folder, not ${kind}.`;
const notCreated = (path: string) => `Cannot create ${path}: the folder ${missing} does not exist.`;
const noProject = (path: string) => `No project file at ${path}: the folder ${missing} does not exist.`;

describe('a project path that is a folder', () => {
  it.each([['car'], ['check'], ['restore-points'], ['serve']])(
    '%s says the path is a folder, not a project',
    async (command) => {
      await refused([command, folder], inFolder('a Tributary project file'));
    },
  );

  it('attribute says so too, and how to run over a folder of canonical files', async () => {
    await refused(
      ['attribute', folder],
      `${inFolder('a Tributary project file')} A folder of canonical CSV or Parquet files runs with --engine duckdb.`,
    );
  });

  it('import, restore and anonymise say so too', async () => {
    await refused(['import', folder, 'accounts', csv], inFolder('a Tributary project file'));
    await refused(['restore', folder, '2024-01-01T00-00-00-000Z'], inFolder('a Tributary project file'));
    await refused(['anonymise', folder, join(dir, 'out.sqlite')], inFolder('a Tributary project file'));
  });

  it('new and demo say it is no name for a new project', async () => {
    await refused(['new', folder], inFolder('a file name for the new project'));
    await refused(['demo', folder, '--scale', '50'], inFolder('a file name for the new project'));
  });
});

describe('a project path in a folder that does not exist', () => {
  it.each([['attribute'], ['car'], ['check'], ['restore-points'], ['serve']])(
    '%s says the folder does not exist',
    async (command) => {
      const path = join(missing, 'p.sqlite');
      await refused([command, path], noProject(path));
    },
  );

  it('restore and anonymise say so too', async () => {
    const path = join(missing, 'p.sqlite');
    await refused(['restore', path, '2024-01-01T00-00-00-000Z'], noProject(path));
    await refused(['anonymise', path, join(dir, 'out.sqlite')], noProject(path));
  });

  it('new, demo and import, which create it, say it cannot be created there', async () => {
    const path = join(missing, 'p.sqlite');
    await refused(['new', path], notCreated(path));
    await refused(['demo', path, '--scale', '50'], notCreated(path));
    await refused(['import', path, 'accounts', csv], notCreated(path));
  });

  it('a file standing where the folder should be is named', async () => {
    const path = join(csv, 'p.sqlite');
    await refused(['check', path], `No project file at ${path}: ${csv} is a file, not a folder.`);
    await refused(['new', path], `Cannot create ${path}: ${csv} is a file, not a folder.`);
  });
});

describe('an input or output file given as a folder, or in a folder that does not exist', () => {
  it('import refuses a folder or a missing folder as its CSV, and creates no project for it', async () => {
    const fresh = join(dir, 'fresh.sqlite');
    await refused(['import', fresh, 'accounts', folder], inFolder('a CSV file'));
    const file = join(missing, 'a.csv');
    await refused(['import', fresh, 'accounts', file], `No file at ${file}: the folder ${missing} does not exist.`);
  });

  it('import refuses a folder or a missing folder as its mapping file', async () => {
    const fresh = join(dir, 'fresh.sqlite');
    await refused(['import', fresh, 'accounts', csv, '--mapping', folder], inFolder('a mapping file (JSON)'));
    const file = join(missing, 'm.json');
    await refused(
      ['import', fresh, 'accounts', csv, '--mapping', file],
      `No mapping file at ${file}: the folder ${missing} does not exist.`,
    );
  });

  it('attribute --out refuses a folder or a missing folder, and leaves no partial file', async () => {
    await refused(['attribute', project, '--out', folder], inFolder('a file name for the credits CSV'));
    const file = join(missing, 'credits.csv');
    await refused(['attribute', project, '--out', file], notCreated(file));
  });

  it('anonymise refuses a folder or a missing folder for the copy', async () => {
    await refused(['anonymise', project, folder], inFolder('a file name for the copy'));
    const file = join(missing, 'copy.sqlite');
    await refused(['anonymise', project, file], notCreated(file));
  });
});
