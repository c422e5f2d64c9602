import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { execAsAnotherProgram, useTempDir } from '../../../../test/helpers/files';
import { generateDemo } from '../../demo/generate';
import { connect } from '../../store/database';
import { createProject } from '../../store/project';
import { loadEngineData } from '../arrays/load';
import { saveEngineSnapshot } from '../arrays/projectSnapshot';
import { EngineCache } from './cache';

const tempDir = useTempDir();

/** A closed demo project, and two connections to it: the worker's (read ahead, then opened), and another to compare. */
function demoProject(): { path: string; ahead: Database.Database; opened: Database.Database } {
  const path = join(tempDir(), 'demo.sqlite');
  const project = createProject(path, { name: 'Demo', currency: 'USD' });
  generateDemo(project.db, { scale: 2000, seed: 3 });
  project.close();
  return { path, ahead: connect(path, { fileMustExist: true }), opened: connect(path, { fileMustExist: true }) };
}

/** Keeps what `cache` read from the tables in the project, as the worker does in the background. */
function keep(cache: EngineCache): void {
  const unsaved = cache.takeUnsaved();
  expect(unsaved && saveEngineSnapshot(unsaved.db, unsaved.key, unsaved.content)).toBe(true);
}

const revenue = (cache: EngineCache, db: Database.Database): number =>
  cache.load(db).data.opportunities.amount.reduce((sum, amount) => sum + amount, 0);

describe('reading ahead', () => {
  it('loads the project before its open, and the open keeps those arrays when the data is the same', () => {
    const { ahead, opened } = demoProject();
    const cache = new EngineCache();
    cache.readAhead(ahead);
    const read = cache.load(ahead);
    expect(cache.reads).toEqual({ project: 1, snapshot: 0, ahead: 1 });
    expect(read.data).toEqual(loadEngineData(opened).data);
    for (const db of [ahead, opened]) db.close();
  });

  it('reads them again when the data changed in between, whoever changed it', () => {
    const { path, ahead, opened } = demoProject();
    const cache = new EngineCache();
    cache.readAhead(ahead);
    const before = revenue(cache, ahead);
    execAsAnotherProgram(path, 'UPDATE opportunities SET amount = amount * 2');
    expect(revenue(cache, ahead)).toBeCloseTo(2 * before, 6);
    expect(cache.reads).toEqual({ project: 2, snapshot: 0, ahead: 1 });
    for (const db of [ahead, opened]) db.close();
  });

  it('reads the snapshot the project keeps rather than the tables, once the arrays read from the tables were kept', () => {
    const { path, ahead, opened } = demoProject();
    const first = new EngineCache();
    first.readAhead(ahead);
    const total = revenue(first, ahead);
    expect(first.hasUnsaved).toBe(true);
    keep(first);
    expect(opened.prepare('SELECT count(*) FROM engine_snapshot').pluck().get()).toBeGreaterThan(0);

    const second = new EngineCache();
    const reopened = connect(path, { fileMustExist: true });
    second.readAhead(reopened);
    expect(revenue(second, reopened)).toBe(total);
    expect(second.reads).toEqual({ project: 0, snapshot: 1, ahead: 1 });
    expect(second.load(reopened).data).toEqual(loadEngineData(reopened).data);
    expect(second.hasUnsaved).toBe(false);
    for (const db of [ahead, opened, reopened]) db.close();
  });
});

describe('reloading', () => {
  it('keeps the loaded arrays when another connection commits something the engine does not read', () => {
    const { path, ahead, opened } = demoProject();
    const cache = new EngineCache();
    const first = cache.load(opened);
    keep(cache); // this connection's own write
    const other = new Database(path);
    const version = opened.pragma('data_version', { simple: true });
    other.exec("UPDATE project_meta SET value = 'Renamed' WHERE key = 'name'");
    expect(opened.pragma('data_version', { simple: true })).not.toBe(version);
    expect(cache.load(opened)).toBe(first);
    // A change to the data, by the same other connection, is read.
    other.exec('UPDATE opportunities SET amount = amount + 1');
    other.close();
    expect(cache.load(opened)).not.toBe(first);
    expect(cache.reads).toEqual({ project: 2, snapshot: 0, ahead: 0 });
    for (const db of [ahead, opened]) db.close();
  });
});
