import { existsSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { removeAbandonedFiles, writerAfter } from './abandoned';
import { backupAsOneFile, connect, translateSqliteError, type OpenOptions } from './database';
import { assertCanCreateFile } from './filePaths';
import { assertOpenableHeader, readProjectHeader } from './header';
import { leaveDataUnchecked } from './dataCheck';
import { revisionTables } from './dataRevision';
import { assertTrusted, connectForInspection, inspect, inspectionError, readyAsItIs, sqliteDamage } from './inspect';
import { loadMigrations, migrate, type Migration } from './migrations';
import { readMeta, writeMeta, type ProjectMeta } from './meta';
import { summarizeProject } from './summary';

export interface StoreOptions extends OpenOptions {
  migrations?: Migration[];
}

export interface MigrationBackup {
  backup: string;
  fromVersion: number;
  toVersion: number;
}

export interface NewProjectOptions {
  name: string;
  currency: string;
}

/** An open project file. Writes go through `db` inside transactions; `close()` checkpoints and releases the file. */
export class Project {
  readonly db: Database.Database;
  readonly path: string;
  /** Set when opening migrated the file: the copy made beforehand and the versions it went from and to. */
  readonly migrated: MigrationBackup | null;

  constructor(db: Database.Database, path: string, migrated: MigrationBackup | null = null) {
    this.db = db;
    this.path = path;
    this.migrated = migrated;
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
   * `prepare` may change the copy (an anonymised copy), given its path, before it takes its name: that copy is
   * built in a private temporary folder and only its finished bytes reach the target's folder, since a folder synced
   * to the cloud would otherwise upload the full copy while it is being anonymised. Nothing here holds up the
   * thread for long: the backup API yields between steps, the file copy runs in libuv's pool, and `prepare` may run
   * in a worker.
   */
  async saveAs(
    target: string,
    options: { overwrite?: boolean; prepare?: (copyPath: string) => void | Promise<void> } = {},
  ): Promise<void> {
    assertCanCreateFile(target, 'the copy');
    if (existsSync(target) && !options.overwrite) {
      throw new TributaryError('already_exists', `${target} already exists; choose another name or allow overwriting.`);
    }
    // A -wal beside the target belongs to a program that has it open (or crashed with it open): SQLite would replay
    // it into the new copy, so the copy is not written over it.
    // A -journal is the same: SQLite would roll it back into the new copy on its next open.
    if (existsSync(`${target}-wal`) || existsSync(`${target}-journal`)) {
      throw new TributaryError(
        'locked',
        `${target} is open in another program; close it there or choose another name.`,
      );
    }
    removeAbandonedCopies(target);
    const partial = join(dirname(target), `${partialPrefix(target)}${process.pid}`);
    const staging = options.prepare ? mkdtempSync(join(tmpdir(), `${STAGING_PREFIX}${process.pid}-`)) : null;
    const built = staging ? join(staging, 'copy.sqlite') : partial;
    try {
      await backupAsOneFile(this.db, built);
      await options.prepare?.(built);
      if (staging) await copyFile(built, partial);
      rmSync(`${target}-shm`, { force: true });
      renameSync(partial, target);
    } catch (error) {
      for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(partial + suffix, { force: true });
      throw translateSqliteError(error, target);
    } finally {
      if (staging) rmSync(staging, { recursive: true, force: true });
    }
  }
}

const partialPrefix = (target: string): string => `.${basename(target)}.partial-`;

/** The private folders changed copies are prepared in: `tributary-copy-<pid>-<random>` in the temporary folder. */
const STAGING_PREFIX = 'tributary-copy-';

/**
 * A save killed mid-way (crash, power cut, SIGKILL) leaves its half-made copy, and the journal of the copy, under a
 * hidden name the size of the project. The next save to the same target removes those whose process is gone.
 */
function removeAbandonedCopies(target: string): void {
  removeAbandonedFiles(dirname(target), (name) => writerAfter(partialPrefix(target), name));
  // A changed copy (anonymised) still holds the original data until it is done: one left by a process that died
  // or quit meanwhile must not stay in the temporary folder.
  removeAbandonedFiles(tmpdir(), (name) => writerAfter(STAGING_PREFIX, name));
}

function migrationsOf(options: StoreOptions): Migration[] {
  return options.migrations ?? loadMigrations();
}

/** Creates a new project file; refuses to overwrite anything already at `path`. */
export function createProject(path: string, project: NewProjectOptions, options: StoreOptions = {}): Project {
  assertCanCreateFile(path, 'the new project');
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
 * Opens an existing project. Nothing writes to the file until it has passed every check: the header before SQLite
 * touches it, then, on a connection that cannot write, SQLite's quick check, the schema version (a crashed session's
 * WAL may hold a newer one), the schema against what the migrations for that version create, and the ledger. Only
 * then is the file switched to WAL and migrated, after a backup copy when a migration is due.
 *
 * `whileChecking` is called before quick_check once every other check has passed and the file is ready to use as
 * it is: of the current version and in WAL mode, so nothing will migrate or rewrite it. Another thread may then
 * read it beside quick_check, which reads all of it; the open still fails if quick_check finds damage.
 */
export function openProject(path: string, options: StoreOptions = {}, whileChecking?: () => void): Project {
  const migrations = migrationsOf(options);
  assertOpenableHeader(path, readProjectHeader(path), migrations.length);
  const inspection = connectForInspection(path, options);
  let version: number;
  try {
    if (whileChecking && inspection.writable && readyAsItIs(inspection.db, migrations, options)) whileChecking();
    const found = inspect(inspection.db, path, migrations, 'quick', options);
    assertTrusted(path, found);
    version = found.version;
  } catch (error) {
    inspection.db.close();
    throw inspectionError(error, path);
  }
  let db = inspection.db;
  if (inspection.writable) db.pragma('query_only = OFF');
  else {
    // A -wal beside the file was read, not replayed: the read-write connection that replays it opens only now.
    db.close();
    db = connect(path, options);
  }
  try {
    const backup =
      version > 0 && version < migrations.length ? backupBeforeMigration(db, path, migrations.length) : null;
    db.pragma('journal_mode = WAL');
    migrate(db, path, migrations);
    return new Project(db, path, backup ? { backup, fromVersion: version, toVersion: migrations.length } : null);
  } catch (error) {
    db.close();
    throw translateSqliteError(error, path);
  }
}

/**
 * Opens a project for a command that only reads it, and reads its data through the engine (`tributary attribute`,
 * `car`): the same checks as openProject, on a connection that never writes, but quick_check, which reads the whole
 * file (4.5 s at a million small journeys), reads at first only the tables that are not the engine's data (the
 * project's metadata, its rules, the engine snapshot). The data tables are checked with the whole file the first time
 * one of them is read (store/dataCheck.ts); a command answered from the engine snapshot never reads them, and the
 * snapshot comes with gzip's checksum and is checked through before use (engine/arrays/projectSnapshot.ts). A file
 * that an open would migrate or rewrite (an older version, not in WAL mode) is opened by openProject, checked whole.
 */
export function openProjectToRead(path: string, options: StoreOptions = {}): Project {
  const migrations = migrationsOf(options);
  assertOpenableHeader(path, readProjectHeader(path), migrations.length);
  const inspection = connectForInspection(path, options);
  const { db } = inspection;
  let ready: boolean;
  try {
    ready = readyAsItIs(db, migrations, options);
    if (ready) {
      const data = new Set(revisionTables(db));
      const rest = (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").pluck().all() as string[]).filter(
        (table) => !data.has(table),
      );
      assertTrusted(path, {
        damage: rest.flatMap((table) => sqliteDamage(db, 'quick', table, options)),
        foreign: [],
      });
    }
  } catch (error) {
    db.close();
    throw inspectionError(error, path);
  }
  if (!ready) {
    db.close();
    return openProject(path, options);
  }
  leaveDataUnchecked(db, path, options);
  return new Project(db, path);
}

/**
 * A copy of the project as it is before a migration, next to it (`<name>.before-v<N>.sqlite`, never over an earlier
 * copy), written by VACUUM INTO from the open connection so the copy includes what a -wal holds and is consistent.
 */
function backupBeforeMigration(db: Database.Database, path: string, toVersion: number): string {
  const ext = extname(path);
  const stem = join(dirname(path), basename(path, ext));
  let target = `${stem}.before-v${toVersion}${ext || '.sqlite'}`;
  for (let n = 2; existsSync(target); n++) target = `${stem}.before-v${toVersion}-${n}${ext || '.sqlite'}`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

export interface CheckReport {
  path: string;
  ok: boolean;
  schemaVersion: number;
  problems: string[];
  /** What the project holds; absent when it is damaged or on an older schema (upgraded on its next open). */
  contents?: { meta: ProjectMeta } & ReturnType<typeof summarizeProject>;
}

/**
 * Verifies a project file without writing to it: header, SQLite's full integrity check, the schema against the
 * expected one, the migration ledger, then its contents.
 */
export function checkProject(path: string, options: StoreOptions = {}): CheckReport {
  const migrations = migrationsOf(options);
  assertOpenableHeader(path, readProjectHeader(path), migrations.length);
  const { db } = connectForInspection(path, options);
  try {
    return reportOn(db, path, migrations, options);
  } catch (error) {
    throw inspectionError(error, path);
  } finally {
    db.close();
  }
}

/**
 * The same check on an open project, through a connection already open to it (the engine worker's, so the main
 * thread stays free for the seconds integrity_check takes on a big file): it and the schema reads only read, so the
 * open file is not written to.
 */
export function checkOpenProject(project: Pick<Project, 'db' | 'path'>, options: StoreOptions = {}): CheckReport {
  try {
    return reportOn(project.db, project.path, migrationsOf(options), options);
  } catch (error) {
    throw translateSqliteError(error, project.path);
  }
}

function reportOn(db: Database.Database, path: string, migrations: Migration[], options: OpenOptions): CheckReport {
  const { version, damage, foreign } = inspect(db, path, migrations, 'full', options);
  const problems = [...damage, ...foreign];
  const ok = problems.length === 0;
  const current = version === migrations.length;
  const report: CheckReport = { path, ok, schemaVersion: version, problems };
  if (!current) problems.push(`schema ${version} will be upgraded to ${migrations.length} on open`);
  if (ok && current) report.contents = { meta: readMeta(db), ...summarizeProject(db) };
  return report;
}
