import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { generateDemo } from '../demo/generate';
import { connect } from '../store/database';
import { createProject } from '../store/project';
import { EngineCache } from './cache';
import { EngineDiskCache } from './diskCache';
import { loadEngineData } from './load';

const tempDir = useTempDir();

/** A closed demo project, and two connections of the worker's kind: one to read ahead, one as opened. */
function demoProject(): { path: string; ahead: Database.Database; opened: Database.Database } {
  const path = join(tempDir(), 'demo.sqlite');
  const project = createProject(path, { name: 'Demo', currency: 'USD' });
  generateDemo(project.db, { scale: 2000, seed: 3 });
  project.close();
  return { path, ahead: connect(path, { fileMustExist: true }), opened: connect(path, { fileMustExist: true }) };
}

const revenue = (cache: EngineCache, db: Database.Database): number =>
  cache.snapshot(db).data.opportunities.amount.reduce((sum, amount) => sum + amount, 0);

describe('reading ahead', () => {
  it('hands the arrays read through one connection to the snapshot of another, when the data is the same', () => {
    const { ahead, opened } = demoProject();
    const cache = new EngineCache();
    cache.readAhead(ahead);
    ahead.close();
    const snapshot = cache.snapshot(opened);
    expect(cache.reads).toEqual({ project: 1, disk: 0, ahead: 1 });
    expect(snapshot.data).toEqual(loadEngineData(opened).data);
  });

  it('drops them when the data changed in between, whoever changed it', () => {
    const { path, ahead, opened } = demoProject();
    const cache = new EngineCache();
    cache.readAhead(ahead);
    const before = loadEngineData(ahead).data.opportunities.amount.reduce((sum, amount) => sum + amount, 0);
    const other = new Database(path);
    other.exec('UPDATE opportunities SET amount = amount * 2');
    other.close();
    expect(revenue(cache, opened)).toBeCloseTo(2 * before, 6);
    // Counted as the snapshot's load, from the tables; the arrays read ahead were never used.
    expect(cache.reads).toEqual({ project: 1, disk: 0, ahead: 0 });
  });

  it('reads the disk cache rather than the tables when it holds the data, and saves what it read from the tables', () => {
    const { path, ahead, opened } = demoProject();
    const cacheDir = tempDir();
    const first = new EngineCache(new EngineDiskCache(cacheDir));
    first.readAhead(ahead);
    const total = revenue(first, opened);
    expect(first.hasUnsaved).toBe(true);
    first.saveToDisk();

    const second = new EngineCache(new EngineDiskCache(cacheDir));
    const again = connect(path, { fileMustExist: true });
    second.readAhead(again);
    expect(revenue(second, opened)).toBe(total);
    expect(second.reads).toEqual({ project: 0, disk: 1, ahead: 1 });
    expect(second.hasUnsaved).toBe(false);
    again.close();
  });
});
