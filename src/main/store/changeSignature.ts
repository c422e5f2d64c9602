import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { readDataRevision } from './dataRevision';

/** What the user made in a project besides its data, read whole: small tables, and the import history's end. */
const USER_STATE = [
  'SELECT key, value FROM project_meta ORDER BY key',
  'SELECT * FROM scenarios ORDER BY rowid',
  'SELECT * FROM mappings ORDER BY rowid',
  'SELECT count(*), max(rowid) FROM imports',
];

/**
 * What a restore point would save that the last one may not have, whoever changed it (the session, the import
 * worker, the engine worker saving a scenario): the data revision, which every change to the data redraws, and
 * what the user made besides. Not every write counts: the engine keeping its snapshot of the arrays in the project
 * (store/engineSnapshot.ts) changes nothing a restore would bring back, and must not cost a point the size of the
 * project each time a project is opened.
 */
export function changeSignature(db: Database.Database): string {
  const hash = createHash('sha256').update(readDataRevision(db) ?? '');
  for (const sql of USER_STATE) hash.update(JSON.stringify(db.prepare(sql).raw().all()));
  return hash.digest('hex');
}
