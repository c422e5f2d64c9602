import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeSmallJourneysProject } from '../../bench/smallJourneys';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { engineKeyOf, saveEngineSnapshot } from '../../src/main/engine/arrays/projectSnapshot';
import { EngineCache } from '../../src/main/engine/cache/cache';
import { churnMemoKey } from '../../src/main/engine/models/car';
import { churnReduction } from '../../src/main/engine/models/car/churn';
import { connect } from '../../src/main/store/database';
import { openProject } from '../../src/main/store/project';
import { runCliCaptured } from '../helpers/cliIo';
import { damageRootPage, execAsAnotherProgram, useTempDir } from '../helpers/files';

/**
 * Issue 16: many one-account journeys (bench/smallJourneys.ts), a project with no features, job moves or referrals,
 * so several of its snapshot's columns are empty. Its snapshot was never read back, and every run read the tables.
 */
const tempDir = useTempDir();
const MODELS = ['full-path', 'markov', 'shapley', 'linear', 'time-decay'] as const;

function smallJourneys(name = 'small.sqlite'): string {
  const path = join(tempDir(), name);
  writeSmallJourneysProject(path, 400);
  return path;
}

/** A copy of the project whose snapshot is gone: the same data, read from the tables. */
function withoutSnapshot(path: string): string {
  const copy = `${path}.tables.sqlite`;
  copyFileSync(path, copy);
  execAsAnotherProgram(copy, 'DELETE FROM engine_snapshot');
  return copy;
}

const attributeJson = async (path: string, model: string): Promise<string> => {
  const run = await runCliCaptured(['attribute', path, '--model', model, '--json']);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return run.out;
};

describe('a project of many small journeys', () => {
  it('reads back the snapshot it keeps, with the arrays the tables give', () => {
    const path = smallJourneys();
    const cache = new EngineCache();
    const db = connect(path, { fileMustExist: true });
    const loaded = cache.load(db);
    expect(cache.reads).toEqual({ project: 0, snapshot: 1, ahead: 0 });
    expect(loaded.data.opportunities.count).toBe(400);
    expect({ data: loaded.data, community: loaded.community }).toEqual(loadEngineData(db));
    db.close();
  });

  it('gives the same attribute --json from its snapshot as from its tables, for every model', async () => {
    const path = smallJourneys();
    const tables = withoutSnapshot(path);
    for (const model of MODELS) {
      const fromSnapshot = await attributeJson(path, model);
      expect(JSON.parse(fromSnapshot)).toMatchObject({ model, revenue: expect.any(Number) as number });
      expect(fromSnapshot).toBe(await attributeJson(tables, model));
    }
  });

  it('answers from the snapshot without reading the data tables, and refuses a damaged one once it reads it', async () => {
    const path = smallJourneys();
    const sound = await attributeJson(path, 'full-path');
    damageRootPage(path, 'touchpoints');
    expect(() => openProject(path).close()).toThrow(/is damaged/);
    expect(await attributeJson(path, 'full-path')).toBe(sound);
    execAsAnotherProgram(path, 'DELETE FROM engine_snapshot');
    const refused = await runCliCaptured(['attribute', path, '--json']);
    expect(refused.code).toBe(1);
    expect(refused.out).toBe('');
    expect(refused.err).toMatch(/small\.sqlite is damaged/);
  });

  it('takes the CAR parts the snapshot keeps rather than computing them again', async () => {
    const path = smallJourneys();
    const project = openProject(path);
    const key = engineKeyOf(project.db);
    const arrays = loadEngineData(project.db);
    const kept = { ...churnReduction(arrays.data, 42), resamples: 12_345, caveat: 'kept in the snapshot' };
    expect(key && saveEngineSnapshot(project.db, key, { arrays, memo: { [churnMemoKey(42)]: kept } })).toBe(true);
    project.close();
    const { car } = JSON.parse(await attributeJson(path, 'linear')) as { car: { churn: typeof kept } };
    expect(car.churn).toMatchObject({ resamples: 12_345, caveat: 'kept in the snapshot' });
  });
});
