import { randomBytes } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../src/main/handlers/dispatch';
import { createHandlers } from '../../src/main/handlers/index';
import { Session } from '../../src/main/session/session';
import { loadMigrations } from '../../src/main/store/migrations';
import { createProject } from '../../src/main/store/project';
import type { ErrorCode } from '../../src/shared/errors';
import { runTributary } from '../helpers/cli';
import { execAsAnotherProgram, sha256OfFile, useTempDir } from '../helpers/files';

/**
 * Issue 7: project files built to hurt, each opened through the API and the CLI. Every one must be refused with a
 * message naming the file and the reason, exit code 1 from the CLI, no crash, and not one byte changed in the file
 * or in a -wal or -shm next to it.
 */

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.close()));

/** A sound project with enough rows to span many pages, closed cleanly (one file, no -wal). */
function soundProject(path: string): string {
  const project = createProject(path, { name: 'Acme', currency: 'EUR' });
  const insert = project.db.prepare('INSERT INTO accounts (account_id, name, domain) VALUES (?, ?, ?)');
  project.db.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`A${i}`, `Account number ${i}`, `a${i}.example`);
  })();
  project.close();
  return path;
}

/** A sound project, then changed with a raw connection as another program (or an attacker) would. */
function tampered(path: string, sql: string): string {
  soundProject(path);
  execAsAnotherProgram(path, sql);
  return path;
}

interface Hostile {
  name: string;
  build(path: string): void;
  code: ErrorCode;
  reason: RegExp;
}

const HOSTILE: Hostile[] = [
  {
    name: 'not SQLite',
    build: (path) => writeFileSync(path, `name,amount\n${'Acme,100\n'.repeat(2000)}`),
    code: 'not_tributary',
    reason: /is not a Tributary project: it is not a SQLite database/,
  },
  {
    name: 'SQLite but not Tributary',
    build: (path) => {
      execAsAnotherProgram(path, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('hello')");
    },
    code: 'not_tributary',
    reason: /is a SQLite database but not a Tributary project \(application_id 0/,
  },
  {
    name: 'Tributary from a newer version',
    build: (path) => tampered(path, `PRAGMA user_version = ${loadMigrations().length + 1}`),
    code: 'newer_version',
    reason: new RegExp(
      `written by a newer Tributary \\(project schema ${loadMigrations().length + 1}; this version reads up to ${loadMigrations().length}\\)`,
    ),
  },
  {
    name: 'truncated',
    build: (path) => {
      soundProject(path);
      truncateSync(path, Math.floor(readFileSync(path).length / 2) + 123);
    },
    code: 'damaged',
    reason: /is damaged/,
  },
  {
    name: 'random bytes after the header',
    build: (path) => {
      soundProject(path);
      const bytes = readFileSync(path);
      randomBytes(bytes.length - 100).copy(bytes, 100);
      writeFileSync(path, bytes);
    },
    code: 'damaged',
    reason: /is damaged/,
  },
  {
    name: 'an extra trigger that would write on open',
    // SQLite has no trigger on SELECT; this one would wipe the accounts at the first import.
    // In rollback-journal mode, as another program would leave it: switching it to WAL before the checks would
    // change its header, which the hash comparison catches.
    build: (path) =>
      tampered(
        path,
        'PRAGMA journal_mode = DELETE; CREATE TRIGGER wipe AFTER INSERT ON imports BEGIN DELETE FROM accounts; END',
      ),
    code: 'damaged',
    reason: /has a trigger `wipe` on `imports` that Tributary does not create/,
  },
  {
    name: 'a view shadowing a table',
    build: (path) =>
      tampered(
        path,
        "DROP TABLE touchpoints; CREATE VIEW touchpoints AS SELECT 'x' AS touchpoint_id, randomblob(1e9) AS channel",
      ),
    code: 'damaged',
    reason: /has a view `touchpoints` where Tributary creates a table `touchpoints`/,
  },
  {
    name: 'a huge text cell',
    build: (path) => tampered(path, "UPDATE project_meta SET value = printf('%.*c', 30000000, 'x') WHERE key = 'name'"),
    code: 'damaged',
    reason: /has a project_meta value `name` of 30,000,000 characters/,
  },
  {
    name: 'a modified migration hash',
    build: (path) => tampered(path, `UPDATE schema_migrations SET sha256 = '${'0'.repeat(64)}'`),
    code: 'damaged',
    reason: /has migration 0001_init applied with a different hash/,
  },
  {
    name: 'a table with an extra column',
    build: (path) => tampered(path, 'ALTER TABLE accounts ADD COLUMN notes TEXT'),
    code: 'damaged',
    reason: /has a table `accounts` defined differently from the one Tributary creates/,
  },
  {
    name: 'an index with a weird name',
    build: (path) => tampered(path, 'CREATE INDEX "idx\u0007\n; DROP TABLE accounts" ON accounts (name)'),
    code: 'damaged',
    reason: /has an index `idx\?\?; DROP TABLE accounts` on `accounts` that Tributary does not create/,
  },
  {
    name: 'a WAL lying next to it that adds a trigger',
    build: (path) => {
      // Another program's uncheckpointed changes: copied while its connection is still open, so the pair on disk
      // is a project file plus a -wal that SQLite would replay.
      const source = soundProject(`${path}.source`);
      const raw = new Database(source);
      raw.pragma('wal_autocheckpoint = 0');
      raw.exec('CREATE TRIGGER lurk AFTER INSERT ON mappings BEGIN DELETE FROM scenarios; END');
      copyFileSync(source, path);
      copyFileSync(`${source}-wal`, `${path}-wal`);
      raw.close();
    },
    code: 'damaged',
    reason: /has a trigger `lurk` on `mappings` that Tributary does not create/,
  },
  {
    name: 'a leftover rollback journal',
    build: (path) => {
      // A program that stopped in the middle of a big write in rollback-journal mode: the pair on disk is the file
      // half changed plus the -journal that SQLite would roll back into it on the next read.
      const source = soundProject(`${path}.source`);
      const raw = new Database(source);
      raw.pragma('journal_mode = DELETE');
      raw.pragma('cache_size = 2');
      raw.exec('BEGIN');
      const insert = raw.prepare('INSERT INTO accounts (account_id, name) VALUES (?, ?)');
      for (let i = 0; i < 3000; i++) insert.run(`B${i}`, 'x'.repeat(100));
      copyFileSync(source, path);
      copyFileSync(`${source}-journal`, `${path}-journal`);
      raw.exec('ROLLBACK');
      raw.close();
    },
    code: 'damaged',
    reason: /has an unfinished change left in .*project\.sqlite-journal/,
  },
];

/** Every file in a folder with its hash: a refused open must leave the folder exactly as it was. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).map((name) => [name, sha256OfFile(join(dir, name))]));
}

/**
 * The folder as it was. One exception: reading a file that has a -wal makes SQLite build the wal-index, a -shm
 * beside it, when there was none; it holds no data (it is rebuilt from the -wal), and removing it again could pull
 * it from under another program that opened the file meanwhile, so it stays.
 */
function expectUnchanged(dir: string, before: Record<string, string>): void {
  const after = snapshot(dir);
  for (const name of Object.keys(after)) {
    if (name.endsWith('-shm') && !(name in before) && `${name.slice(0, -4)}-wal` in before) delete after[name];
  }
  expect(after).toEqual(before);
}

/** A folder holding one hostile file (and any -wal of it), nothing else. */
function hostileFolder(hostile: Hostile): { dir: string; path: string } {
  const root = tempDir();
  const build = join(root, 'build');
  mkdirSync(build);
  const built = join(build, 'project.sqlite');
  hostile.build(built);
  const dir = join(root, 'hostile');
  mkdirSync(dir);
  for (const name of readdirSync(build).filter((n) => n.startsWith('project.sqlite') && !n.endsWith('-shm'))) {
    if (!name.includes('.source')) copyFileSync(join(build, name), join(dir, name));
  }
  return { dir, path: join(dir, 'project.sqlite') };
}

function session(): Session {
  const opened = new Session({ userDataDir: tempDir() });
  sessions.push(opened);
  return opened;
}

describe('hostile project files', () => {
  it('are thirteen, built here, and each really is what its name says', () => {
    expect(HOSTILE).toHaveLength(13);
    const { dir } = hostileFolder(HOSTILE.find((h) => h.name.startsWith('a WAL')) as Hostile);
    expect(readdirSync(dir).sort()).toEqual(['project.sqlite', 'project.sqlite-wal']);
  });

  for (const hostile of HOSTILE) {
    it(`${hostile.name}: project:open refuses it, names file and reason, changes nothing`, async () => {
      const { dir, path } = hostileFolder(hostile);
      const before = snapshot(dir);
      const opened = session();
      const handlers = createHandlers({ session: opened, mode: 'browser' });
      const envelope = await dispatch(handlers, 'project:open', { path });
      expect(envelope).toEqual({ ok: false, error: { code: hostile.code, message: expect.any(String) } });
      const { message } = (envelope as { error: { message: string } }).error;
      expect(message).toContain(path);
      expect(message).toMatch(hostile.reason);
      expect(message.length).toBeLessThan(1000);
      expect(opened.current).toBeNull();
      expectUnchanged(dir, before);
    });

    it(`${hostile.name}: tributary check and attribute exit 1 with the reason, no stack, nothing changed`, async () => {
      const { dir, path } = hostileFolder(hostile);
      const before = snapshot(dir);
      const env = { ...process.env, TRIBUTARY_HOME: join(dir, '..', 'home') };
      for (const args of [
        ['check', path],
        ['attribute', path],
      ]) {
        const { code, stdout, stderr } = await runTributary(args, env);
        expect({ args, code, stdout }).toEqual({ args, code: 1, stdout: '' });
        expect(stderr).toContain(path);
        expect(stderr).toMatch(hostile.reason);
        expect(stderr).not.toMatch(/Internal error|\n\s+at /);
        expectUnchanged(dir, before);
      }
    });
  }
});

describe('project:check on the open project', () => {
  it('reports a sound project, then a trigger added behind its back, without writing', async () => {
    const dir = tempDir();
    const path = soundProject(join(dir, 'p.sqlite'));
    const opened = session();
    const handlers = createHandlers({ session: opened, mode: 'browser' });
    expect(await dispatch(handlers, 'project:open', { path })).toMatchObject({ ok: true });
    expect(await dispatch(handlers, 'project:check', {})).toEqual({
      ok: true,
      result: { path, ok: true, schemaVersion: loadMigrations().length, problems: [] },
    });
    opened.require().db.exec('CREATE TRIGGER lurk AFTER INSERT ON accounts BEGIN DELETE FROM scenarios; END');
    // The open connection's -shm is shared memory its reads update; the project is the file and its -wal.
    const data = () => Object.entries(snapshot(dir)).filter(([name]) => !name.endsWith('-shm'));
    const before = data();
    expect(await dispatch(handlers, 'project:check', {})).toMatchObject({
      ok: true,
      result: { ok: false, problems: ['has a trigger `lurk` on `accounts` that Tributary does not create'] },
    });
    expect(data()).toEqual(before);
  });

  it('needs an open project', async () => {
    const handlers = createHandlers({ session: session(), mode: 'browser' });
    expect(await dispatch(handlers, 'project:check', {})).toMatchObject({ ok: false, error: { code: 'no_project' } });
  });
});
