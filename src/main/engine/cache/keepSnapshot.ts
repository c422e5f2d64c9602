import type Database from 'better-sqlite3';
import { modelOptionsSchema } from '../../../shared/modelOptions';
import { inOneTransaction } from '../../store/database';
import { loadEngineData } from '../arrays/load';
import { engineKeyOf, saveEngineSnapshot } from '../arrays/projectSnapshot';
import { churnMemoKey, roadmapMemoKey } from '../models/car';
import { churnReduction } from '../models/car/churn';
import { roadmapCar } from '../models/car/roadmap';

/**
 * Reads the arrays from the tables and keeps them in the project, with the CAR parts the default model's first
 * request computes from the data alone (churn bootstrap, roadmap): the CLI does this after it wrote data (demo,
 * import), so the file it hands on opens fast wherever it goes. Returns whether it was kept.
 */
export function keepEngineSnapshot(db: Database.Database): boolean {
  const read = inOneTransaction(db, () => {
    const key = engineKeyOf(db);
    return key && { key, arrays: loadEngineData(db) };
  });
  if (!read) return false;
  const { data, community } = read.arrays;
  const { roadmapShare, seed } = modelOptionsSchema.parse({});
  const memo = {
    [roadmapMemoKey(roadmapShare)]: roadmapCar(data, community, roadmapShare),
    [churnMemoKey(seed)]: churnReduction(data, seed),
  };
  return saveEngineSnapshot(db, read.key, { arrays: read.arrays, memo });
}
