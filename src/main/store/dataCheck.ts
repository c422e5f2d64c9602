import type Database from 'better-sqlite3';
import { translateSqliteError, type OpenOptions } from './database';
import { assertTrusted, sqliteDamage } from './inspect';

/**
 * Connections opened by openProjectToRead (store/project.ts) whose data tables SQLite's check has not read yet, with
 * the path of their file.
 */
const unchecked = new WeakMap<Database.Database, { path: string; options: OpenOptions }>();

/** Marks `db` as opened with its data tables left unchecked, until checkBeforeReadingData runs. */
export function leaveDataUnchecked(db: Database.Database, path: string, options: OpenOptions): void {
  unchecked.set(db, { path, options });
}

/**
 * Called before every read of a table the engine snapshot stands for (store/engineTables.ts). On a connection
 * openProjectToRead opened, the first call runs quick_check over the whole file, as an open for writing does before
 * anything, and refuses a damaged file as that open would; on any other connection the file was checked when it
 * opened, and nothing is done.
 */
export function checkBeforeReadingData(db: Database.Database): void {
  const left = unchecked.get(db);
  if (left === undefined) return;
  const { path, options } = left;
  let damage: string[];
  try {
    damage = sqliteDamage(db, 'quick', undefined, options);
  } catch (error) {
    throw translateSqliteError(error, path);
  }
  unchecked.delete(db);
  assertTrusted(path, { damage, foreign: [] });
}
