import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { connect, translateSqliteError, type OpenOptions } from './database';
import { assertKnownVersion, assertOpenableHeader, readProjectHeader } from './header';
import { loadMigrations, migrate, type Migration } from './migrations';
import { readMeta, writeMeta, type ProjectMeta } from './meta';
import { summarizeProject } from './summary';

export interface StoreOptions extends OpenOptions {
  migrations?: Migration[];
}

export interface NewProjectOptions {
  name: string;
  currency: string;
}

/** An open project file. Writes go through `db` inside transactions; `close()` checkpoints and releases the file. */
export class Project {
  readonly db: Database.Database;
  readonly path: string;

  constructor(db: Database.Database, path: string) {
    this.db = db;
    this.path = path;
  }

  get meta(): ProjectMeta {
    return readMeta(this.db);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * Writes a self-contained copy with the SQLite backup API (consistent even while this connection writes), then
   * switches the copy to `journal_mode=DELETE` so it is one file with no -wal beside it. The copy is built under a
   * temporary name and renamed into place, so an interrupted save never leaves a half-written project at `target`.
   */
  async saveAs(target: string, options: { overwrite?: boolean } = {}): Promise<void> {
    if (existsSync(target) && !options.overwrite) {
      throw new TributaryError('already_exists', `${target} already exists; choose another name or allow overwriting.`);
    }
    // A -wal beside the target belongs to a program that has it open (or crashed with it open): SQLite would replay
    // it into the new copy, so the copy is not written over it.
    if (existsSync(`${target}-wal`)) {
      throw new TributaryError(
        'locked',
        `${target} is open in another program; close it there or choose another name.`,
      );
    }
    removeAbandonedCopies(target);
    const partial = join(dirname(target), `${partialPrefix(target)}${process.pid}`);
    try {
      await this.db.backup(partial);
      const copy = connect(partial);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      rmSync(`${target}-shm`, { force: true });
      renameSync(partial, target);
    } catch (error) {
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
      throw translateSqliteError(error, target);
    }
  }
}

const partialPrefix = (target: string): string => `.${basename(target)}.partial-`;

/**
 * A save killed mid-way (crash, power cut, SIGKILL) leaves its half-made copy, and the journal of the copy, under a
 * hidden name the size of the project. The next save to the same target removes those whose process is gone; a
 * copy still being written by a live process is left alone.
 */
function removeAbandonedCopies(target: string): void {
  const folder = dirname(target);
  const prefix = partialPrefix(target);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return; // an unreadable folder fails the save itself, with a message that names it
  }
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(/^\d+/.exec(name.slice(prefix.length))?.[0]);
    if (!Number.isSafeInteger(pid) || pid === process.pid || isRunning(pid)) continue;
    rmSync(join(folder, name), { force: true });
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function migrationsOf(options: StoreOptions): Migration[] {
  return options.migrations ?? loadMigrations();
}

/** Creates a new project file; refuses to overwrite anything already at `path`. */
export function createProject(path: string, project: NewProjectOptions, options: StoreOptions = {}): Project {
  if (existsSync(path)) {
    throw new TributaryError('already_exists', `${path} already exists; Tributary will not overwrite it.`);
  }
  const migrations = migrationsOf(options);
  const db = connect(path, options);
  try {
    // Rollback journal while the header is first written, so application_id and user_version reach the main file
    // even if the process dies before a WAL checkpoint; header checks on open rely on them.
    db.pragma('journal_mode = DELETE');
    migrate(db, path, migrations);
    db.transaction(() =>
      writeMeta(db, {
        name: project.name,
        currency: project.currency,
        createdAt: new Date().toISOString(),
        appVersion: APP_VERSION,
      }),
    )();
    db.pragma('journal_mode = WAL');
  } catch (error) {
    db.close();
    rmSync(path, { force: true });
    throw translateSqliteError(error, path);
  }
  return new Project(db, path);
}

/**
 * Opens an existing project. The header is checked before SQLite touches the file, and the schema version again
 * once it is open (a crashed session's WAL may hold a newer one), so a foreign or newer file is never written to.
 */
export function openProject(path: string, options: StoreOptions = {}): Project {
  const migrations = migrationsOf(options);
  assertOpenableHeader(path, readProjectHeader(path), migrations.length);
  const db = connect(path, options);
  try {
    const quick = db.pragma('quick_check', { simple: true });
    if (quick !== 'ok') throw new TributaryError('damaged', `${path} is damaged: ${String(quick)}.`);
    assertKnownVersion(path, db.pragma('user_version', { simple: true }) as number, migrations.length);
    db.pragma('journal_mode = WAL');
    migrate(db, path, migrations);
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path);
  }
  return new Project(db, path);
}

export interface CheckReport {
  path: string;
  ok: boolean;
  schemaVersion: number;
  problems: string[];
  /** What the project holds; absent when it is damaged or on an older schema (upgraded on its next open). */
  contents?: { meta: ProjectMeta } & ReturnType<typeof summarizeProject>;
}

/** Verifies a project without writing to it: header, full integrity check, migration ledger, then its contents. */
export function checkProject(path: string, options: StoreOptions = {}): CheckReport {
  const migrations = migrationsOf(options);
  assertOpenableHeader(path, readProjectHeader(path), migrations.length);
  // A read-only connection to a WAL-mode file leaves empty -wal and -shm files behind that it cannot remove. When no
  // other connection holds the file (no -wal yet), a query-only read-write connection reads the same and removes
  // them on close; the database file's bytes are unchanged either way.
  const quiet = !existsSync(`${path}-wal`);
  const db = connect(path, { ...options, readonly: !quiet });
  try {
    if (quiet) db.pragma('query_only = ON');
    const problems = (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((row) => row.integrity_check)
      .filter((line) => line !== 'ok');
    const version = db.pragma('user_version', { simple: true }) as number;
    assertKnownVersion(path, version, migrations.length);
    const ledger = db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as {
      version: number;
      name: string;
      sha256: string;
    }[];
    for (const row of ledger) {
      const known = migrations[row.version - 1];
      if (!known || known.sha256 !== row.sha256) problems.push(`migration ${row.version} (${row.name}) does not match`);
    }
    const ok = problems.length === 0;
    const current = version === migrations.length;
    const report: CheckReport = { path, ok, schemaVersion: version, problems };
    if (!current) problems.push(`schema ${version} will be upgraded to ${migrations.length} on open`);
    if (ok && current) report.contents = { meta: readMeta(db), ...summarizeProject(db) };
    return report;
  } catch (error) {
    throw translateSqliteError(error, path);
  } finally {
    db.close();
  }
}
