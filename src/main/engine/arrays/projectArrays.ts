import type Database from 'better-sqlite3';
import type { EngineFileContent, EngineFileKey } from './engineFile';
import { loadEngineData } from './load';
import { readProjectSnapshot } from './projectSnapshot';

/** Where a load's arrays came from: the project's tables, or the snapshot the project keeps of them. */
export type ArraysSource = 'project' | 'snapshot';

/**
 * The engine's arrays of the project's current data, `key` (engineKeyOf), with the results memoised on them: the
 * snapshot the project keeps of them (engine/arrays/projectSnapshot.ts) when it is of this data, else read from the
 * tables. A file without a data revision (`key` null) keeps no snapshot. Call it inside the read transaction that read
 * `key`, so the arrays are of the same commit even while an import worker writes.
 */
export function readCurrentArrays(
  db: Database.Database,
  key: EngineFileKey | null,
): { content: EngineFileContent; source: ArraysSource } {
  const kept = key && readProjectSnapshot(db, key);
  if (kept) return { content: kept, source: 'snapshot' };
  return { content: { arrays: loadEngineData(db), memo: {} }, source: 'project' };
}
