import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { PROJECT_FILE, assertCanCreateFile, statInputFile } from './filePaths';

const tempDir = useTempDir();

describe('statInputFile', () => {
  it('returns the stats of a file', () => {
    const file = join(tempDir(), 'a.sqlite');
    writeFileSync(file, 'abc');
    expect(statInputFile(file, PROJECT_FILE).size).toBe(3);
  });

  it('says what stands in the way: a folder, no file, no folder, a file for a folder', () => {
    const dir = tempDir();
    const file = join(dir, 'a.txt');
    writeFileSync(file, '');
    expect(() => statInputFile(dir, PROJECT_FILE)).toThrow(`${dir} is a folder, not a Tributary project file.`);
    expect(() => statInputFile(join(dir, 'b.sqlite'), PROJECT_FILE)).toThrow(
      new RegExp(`^No project file at ${join(dir, 'b.sqlite')}\\.$`),
    );
    const deep = join(dir, 'x', 'y', 'p.sqlite');
    expect(() => statInputFile(deep, PROJECT_FILE)).toThrow(
      `No project file at ${deep}: the folder ${join(dir, 'x', 'y')} does not exist.`,
    );
    expect(() => statInputFile(join(file, 'p.sqlite'), PROJECT_FILE)).toThrow(`${file} is a file, not a folder.`);
  });
});

describe('assertCanCreateFile', () => {
  it('lets a new file, or one already there, be written in a folder that exists', () => {
    const dir = tempDir();
    const file = join(dir, 'a.csv');
    expect(() => assertCanCreateFile(file, 'the credits CSV')).not.toThrow();
    writeFileSync(file, '');
    expect(() => assertCanCreateFile(file, 'the credits CSV')).not.toThrow();
  });

  it('refuses a folder, a missing folder, and a file for a folder', () => {
    const dir = tempDir();
    const folder = join(dir, 'out');
    mkdirSync(folder);
    expect(() => assertCanCreateFile(folder, 'the copy')).toThrow(
      `${folder} is a folder, not a file name for the copy.`,
    );
    const missing = join(dir, 'nope', 'c.sqlite');
    expect(() => assertCanCreateFile(missing, 'the copy')).toThrow(
      `Cannot create ${missing}: the folder ${join(dir, 'nope')} does not exist.`,
    );
    const file = join(dir, 'a.txt');
    writeFileSync(file, '');
    expect(() => assertCanCreateFile(join(file, 'c.sqlite'), 'the copy')).toThrow(`${file} is a file, not a folder.`);
  });
});
