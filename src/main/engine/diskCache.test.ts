import { readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { generateDemo } from '../demo/generate';
import { createProject } from '../store/project';
import { EngineDiskCache } from './diskCache';
import type { EngineFileContent, EngineFileKey } from './engineFile';
import { loadEngineData } from './load';

const tempDir = useTempDir();

function demoData(): EngineFileContent {
  const project = createProject(join(tempDir(), 'demo.sqlite'), { name: 'Demo', currency: 'USD' });
  generateDemo(project.db, { scale: 1500 });
  const arrays = loadEngineData(project.db);
  project.close();
  return { arrays, memo: { 'car:churn:1': { retained: 12.5, interval: [1, 20] } } };
}

const keyOf = (digit: string): EngineFileKey => ({
  format: 1,
  appVersion: '0.0.0',
  schemaVersion: 2,
  revision: digit.repeat(32),
});
const files = (dir: string): string[] => readdirSync(dir).sort();

describe('the engine disk cache', () => {
  it('gives back what it was given under the same key only', () => {
    const dir = join(tempDir(), 'cache');
    const cache = new EngineDiskCache(dir);
    const data = demoData();
    expect(cache.read(keyOf('A'))).toBeNull();
    cache.write(keyOf('A'), data);
    expect(files(dir)).toEqual([`${'A'.repeat(32)}.engine`]);
    expect(cache.read(keyOf('A'))).toStrictEqual(data);
    expect(cache.read(keyOf('B'))).toBeNull();
    expect(cache.read({ ...keyOf('A'), appVersion: '0.0.1' })).toBeNull();
  });

  it('removes a damaged file and answers that it holds nothing', () => {
    const dir = join(tempDir(), 'cache');
    const cache = new EngineDiskCache(dir);
    cache.write(keyOf('C'), demoData());
    writeFileSync(join(dir, `${'C'.repeat(32)}.engine`), 'half a file');
    expect(cache.read(keyOf('C'))).toBeNull();
    expect(files(dir)).toEqual([]);
  });

  it('keeps the projects used last, and sweeps partial files left by a killed writer', () => {
    const dir = join(tempDir(), 'cache');
    const cache = new EngineDiskCache(dir, 2);
    const data = demoData();
    const old = new Date(Date.now() - 3600_000);
    cache.write(keyOf('1'), data);
    cache.write(keyOf('2'), data);
    for (const digit of ['1', '2']) utimesSync(join(dir, `${digit.repeat(32)}.engine`), old, old);
    // Reading 1 makes it the newest used, so writing 3 drops 2, not 1.
    expect(cache.read(keyOf('1'))).not.toBeNull();
    const abandoned = join(dir, `${'4'.repeat(32)}.engine.partial-999999`);
    const fresh = join(dir, `${'5'.repeat(32)}.engine.partial-999998`);
    writeFileSync(abandoned, 'x');
    writeFileSync(fresh, 'x');
    utimesSync(abandoned, old, old);
    cache.write(keyOf('3'), data);
    expect(files(dir)).toEqual([
      `${'1'.repeat(32)}.engine`,
      `${'3'.repeat(32)}.engine`,
      `${'5'.repeat(32)}.engine.partial-999998`,
    ]);
  });

  it('does not remove a whole file of another app version when reading it', () => {
    const dir = join(tempDir(), 'cache');
    const cache = new EngineDiskCache(dir);
    cache.write(keyOf('D'), demoData());
    expect(cache.read({ ...keyOf('D'), appVersion: '9.9.9' })).toBeNull();
    expect(files(dir)).toEqual([`${'D'.repeat(32)}.engine`]);
  });

  it('remembers the key each project path had last, for the 20 paths opened last', () => {
    const cache = new EngineDiskCache(join(tempDir(), 'cache'));
    expect(cache.lastKeyOf('/p/a.sqlite')).toBeNull();
    cache.remember('/p/a.sqlite', keyOf('A'));
    cache.remember('/p/b.sqlite', keyOf('B'));
    cache.remember('/p/a.sqlite', keyOf('C'));
    expect(cache.lastKeyOf('/p/a.sqlite')).toEqual(keyOf('C'));
    expect(cache.lastKeyOf('/p/b.sqlite')).toEqual(keyOf('B'));
    for (let n = 0; n < 20; n++) cache.remember(`/p/other-${n}.sqlite`, keyOf('E'));
    expect(cache.lastKeyOf('/p/a.sqlite')).toBeNull();
    expect(cache.lastKeyOf('/p/other-0.sqlite')).toEqual(keyOf('E'));
  });

  it('never names a file after anything but a data revision', () => {
    const cache = new EngineDiskCache(join(tempDir(), 'cache'));
    expect(() => cache.write({ ...keyOf('A'), revision: '../../escape' }, demoData())).toThrow(/not a data revision/);
  });
});
