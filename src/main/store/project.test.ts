import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { damageRootPage, sha256OfFile, useTempDir } from '../../../test/helpers/files';
import { TRIBUTARY_APPLICATION_ID } from './header';
import { loadMigrations, type Migration } from './migrations';
import { readDataRevision } from './dataRevision';
import { readEngineSnapshot, writeEngineSnapshot } from './engineSnapshot';
import { readCustomFieldValues, readEngineTables } from './engineTables';
import { checkProject, createProject, openProject, openProjectToRead } from './project';

const tempDir = useTempDir();
const project = { name: 'Acme', currency: 'EUR' };

function tables(db: Database.Database): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]
  ).map((row) => row.name);
}

/** A migration after the shipped ones, for an older project to be migrated by. */
function notesMigration(shipped: Migration[]): Migration {
  return {
    version: shipped.length + 1,
    name: 'add_notes',
    sql: 'CREATE TABLE notes (body TEXT) STRICT;',
    sha256: 'a'.repeat(64),
  };
}

describe('createProject', () => {
  it('migrates an empty file to the current schema with every data kind, ledger and metadata', () => {
    const path = join(tempDir(), 'p.sqlite');
    const created = createProject(path, project);
    const migrations = loadMigrations();
    expect(created.db.pragma('application_id', { simple: true })).toBe(TRIBUTARY_APPLICATION_ID);
    expect(created.db.pragma('user_version', { simple: true })).toBe(migrations.length);
    expect(created.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(tables(created.db)).toEqual(
      expect.arrayContaining([
        'accounts',
        'contacts',
        'opportunities',
        'touchpoints',
        'community_members',
        'community_actions',
        'features',
        'opportunity_features',
        'imports',
        'import_issues',
        'member_identities',
        'member_moves',
        'mappings',
        'scenarios',
        'project_meta',
        'schema_migrations',
      ]),
    );
    const ledger = created.db.prepare('SELECT version, name, sha256 FROM schema_migrations').all();
    expect(ledger).toEqual(migrations.map((m) => ({ version: m.version, name: m.name, sha256: m.sha256 })));
    expect(created.meta).toMatchObject({ name: 'Acme', currency: 'EUR', appVersion: expect.any(String) });
    expect(Date.parse(created.meta.createdAt)).not.toBeNaN();
    created.close();
  });

  it('refuses to overwrite an existing file and leaves it as it was', () => {
    const path = join(tempDir(), 'existing.sqlite');
    writeFileSync(path, 'precious');
    const before = sha256OfFile(path);
    expect(() => createProject(path, project)).toThrow(/already exists/);
    expect(sha256OfFile(path)).toBe(before);
  });
});

describe('openProject', () => {
  it('reopens a project with its data and metadata', () => {
    const path = join(tempDir(), 'p.sqlite');
    const created = createProject(path, project);
    created.db.prepare("INSERT INTO accounts (account_id, name) VALUES ('A1', 'Acme')").run();
    created.close();
    const reopened = openProject(path);
    expect(reopened.db.prepare('SELECT name FROM accounts').get()).toEqual({ name: 'Acme' });
    expect(reopened.meta.name).toBe('Acme');
    reopened.close();
  });

  it('refuses a file that is not SQLite, untouched', () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'x'.repeat(4096));
    const before = sha256OfFile(path);
    expect(() => openProject(path)).toThrow(/not a Tributary project: it is not a SQLite database/);
    expect(sha256OfFile(path)).toBe(before);
  });

  it('refuses an empty file, untouched', () => {
    const path = join(tempDir(), 'empty.sqlite');
    writeFileSync(path, '');
    expect(() => openProject(path)).toThrow(/empty/);
    expect(readdirSync(join(path, '..'))).toEqual(['empty.sqlite']);
    expect(readFileSync(path).length).toBe(0);
  });

  it('refuses a SQLite file of another application, untouched', () => {
    const path = join(tempDir(), 'foreign.sqlite');
    const foreign = new Database(path);
    foreign.exec('CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES (1)');
    foreign.close();
    const before = sha256OfFile(path);
    expect(() => openProject(path)).toThrow(/SQLite database but not a Tributary project/);
    expect(sha256OfFile(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['foreign.sqlite']);
  });

  it('refuses a project from a newer Tributary, untouched', () => {
    const path = join(tempDir(), 'newer.sqlite');
    createProject(path, project).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${loadMigrations().length + 1}`);
    raw.close();
    const before = sha256OfFile(path);
    expect(() => openProject(path)).toThrow(/newer Tributary/);
    expect(sha256OfFile(path)).toBe(before);
  });

  it('refuses a project whose applied migration differs from the shipped one (edited after it shipped)', () => {
    const path = join(tempDir(), 'edited.sqlite');
    const shipped = loadMigrations();
    const edited: Migration[] = shipped.map((m, i) =>
      i === 0 ? { ...m, sql: `${m.sql}\n-- edited`, sha256: 'f'.repeat(64) } : m,
    );
    createProject(path, project, { migrations: edited }).close();
    expect(() => openProject(path)).toThrow(/migration 0001_init applied with a different hash/);
  });

  it('applies a new migration to an older project, in one step recorded in the ledger', () => {
    const path = join(tempDir(), 'older.sqlite');
    const shipped = loadMigrations();
    createProject(path, project, { migrations: shipped }).close();
    const next = notesMigration(shipped);
    const upgraded = openProject(path, { migrations: [...shipped, next] });
    expect(upgraded.db.pragma('user_version', { simple: true })).toBe(next.version);
    expect(tables(upgraded.db)).toContain('notes');
    upgraded.close();
  });

  it('rolls back a failing migration completely', () => {
    const path = join(tempDir(), 'failing.sqlite');
    const shipped = loadMigrations();
    createProject(path, project, { migrations: shipped }).close();
    const broken: Migration = {
      version: shipped.length + 1,
      name: 'broken',
      sql: 'CREATE TABLE half (x INTEGER) STRICT; INSERT INTO no_such_table VALUES (1);',
      sha256: 'b'.repeat(64),
    };
    expect(() => openProject(path, { migrations: [...shipped, broken] })).toThrow();
    const reopened = openProject(path, { migrations: shipped });
    expect(tables(reopened.db)).not.toContain('half');
    expect(reopened.db.pragma('user_version', { simple: true })).toBe(shipped.length);
    reopened.close();
  });
});

describe('openProject while checking', () => {
  /** A closed project of many pages; `accounts` spans several of them. */
  function bigProject(path: string): string {
    const created = createProject(path, project);
    const insert = created.db.prepare('INSERT INTO accounts (account_id, name) VALUES (?, ?)');
    created.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`A${i}`, `Account number ${i}`);
    })();
    created.close();
    return path;
  }

  it('calls whileChecking once, on a file ready as it is, while another connection can read it', () => {
    const path = bigProject(join(tempDir(), 'p.sqlite'));
    const seen: number[] = [];
    const opened = openProject(path, {}, () => {
      const reader = new Database(path, { readonly: true, fileMustExist: true });
      seen.push(reader.prepare('SELECT count(*) FROM accounts').pluck().get() as number);
      reader.close();
    });
    expect(seen).toEqual([3000]);
    opened.close();
  });

  it('does not call it for a file that will be migrated, switched to WAL, or read with a -wal beside it', () => {
    const dir = tempDir();
    const calls: string[] = [];
    const openWatched = (path: string, options = {}) => openProject(path, options, () => calls.push(path)).close();

    const shipped = loadMigrations();
    const older = join(dir, 'older.sqlite');
    createProject(older, project, { migrations: shipped }).close();
    openWatched(older, { migrations: [...shipped, notesMigration(shipped)] });

    const rollback = bigProject(join(dir, 'rollback.sqlite'));
    const raw = new Database(rollback);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    openWatched(rollback);

    const source = createProject(join(dir, 'source.sqlite'), project);
    source.db.prepare("INSERT INTO accounts (account_id, name) VALUES ('A1', 'Acme')").run();
    const withWal = join(dir, 'copied.sqlite');
    copyFileSync(source.path, withWal);
    copyFileSync(`${source.path}-wal`, `${withWal}-wal`);
    source.close();
    openWatched(withWal);

    expect(calls).toEqual([]);
    // Each was opened all the same, and the last one with the row its -wal held.
    const reopened = openProject(withWal);
    expect(reopened.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(1);
    reopened.close();
  });

  it('calls it and still refuses the file when quick_check then finds a damaged page', () => {
    const path = bigProject(join(tempDir(), 'damaged.sqlite'));
    damageRootPage(path, 'accounts');
    const before = sha256OfFile(path);

    let calls = 0;
    expect(() => openProject(path, {}, () => (calls += 1))).toThrow(/damaged\.sqlite is damaged/);
    expect(calls).toBe(1);
    expect(sha256OfFile(path)).toBe(before);
  });
});

describe('openProjectToRead', () => {
  /** A closed project of many pages whose `accounts` table spans several of them, with a row in engine_snapshot. */
  function readableProject(path: string): string {
    const created = createProject(path, project);
    const insert = created.db.prepare('INSERT INTO accounts (account_id, name) VALUES (?, ?)');
    created.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run(`A${i}`, `Account number ${i}`);
    })();
    const revision = readDataRevision(created.db) as string;
    expect(writeEngineSnapshot(created.db, revision, Buffer.alloc(20_000, 7))).toBe(true);
    created.close();
    return path;
  }

  it('leaves a damaged data table unread until it is read, then refuses the file as openProject does', () => {
    const path = readableProject(join(tempDir(), 'data.sqlite'));
    damageRootPage(path, 'accounts');
    const before = sha256OfFile(path);
    expect(() => openProject(path)).toThrow(/data\.sqlite is damaged/);

    const opened = openProjectToRead(path);
    // What a command answered from the engine snapshot reads: the metadata, the revision, the snapshot.
    expect(opened.meta.name).toBe('Acme');
    const revision = readDataRevision(opened.db) as string;
    expect(readEngineSnapshot(opened.db, revision, 1e6)).toHaveLength(20_000);
    // The first read of a table the snapshot stands for checks the whole file first.
    expect(() => readEngineTables(opened.db, (read) => read.accounts())).toThrow(/data\.sqlite is damaged/);
    expect(() => readCustomFieldValues(opened.db, 'accounts', 'Region')).toThrow(/data\.sqlite is damaged/);
    opened.close();
    expect(sha256OfFile(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('reads the data tables of a sound file once quick_check has passed, and writes nothing', () => {
    const path = readableProject(join(tempDir(), 'sound.sqlite'));
    const before = sha256OfFile(path);
    const opened = openProjectToRead(path);
    expect(readEngineTables(opened.db, (read) => read.accounts())).toHaveLength(3000);
    expect(() => opened.db.prepare("UPDATE project_meta SET value = 'x' WHERE key = 'name'").run()).toThrow(
      /readonly|query_only|attempt to write/i,
    );
    opened.close();
    expect(sha256OfFile(path)).toBe(before);
  });

  it('checks every table that is not data when it opens: the snapshot, the metadata', () => {
    const dir = tempDir();
    for (const table of ['engine_snapshot', 'project_meta']) {
      const path = readableProject(join(dir, `${table}.sqlite`));
      damageRootPage(path, table);
      expect(() => openProjectToRead(path).close()).toThrow(/is damaged/);
    }
  });

  it('checks a file it cannot read as it is (rollback journal, an older version) whole, as openProject does', () => {
    const path = readableProject(join(tempDir(), 'rollback.sqlite'));
    const raw = new Database(path);
    raw.pragma('journal_mode = DELETE');
    raw.close();
    damageRootPage(path, 'accounts');
    expect(() => openProjectToRead(path)).toThrow(/rollback\.sqlite is damaged/);
  });
});

describe('saveAs', () => {
  it('writes one self-contained file that reopens with the same data and passes integrity_check', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    const insert = source.db.prepare('INSERT INTO accounts (account_id, name) VALUES (?, ?)');
    source.db.transaction(() => {
      for (let i = 0; i < 500; i++) insert.run(`A${i}`, `Account ${i}`);
    })();
    const target = join(dir, 'copy.sqlite');
    await source.saveAs(target);
    source.close();
    expect(readdirSync(dir).sort()).toEqual(['copy.sqlite', 'source.sqlite']);
    const raw = new Database(target, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(raw.pragma('integrity_check', { simple: true })).toBe('ok');
    raw.close();
    const copy = openProject(target);
    expect(copy.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 500 });
    expect(copy.meta.name).toBe('Acme');
    copy.close();
  });

  it('refuses to write over a project another program has open (its -wal would corrupt the copy)', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    const other = createProject(join(dir, 'open.sqlite'), project);
    other.db.prepare("INSERT INTO accounts (account_id) VALUES ('kept')").run();
    await expect(source.saveAs(join(dir, 'open.sqlite'), { overwrite: true })).rejects.toThrow(
      /open in another program/,
    );
    expect(other.db.prepare('SELECT account_id FROM accounts').all()).toEqual([{ account_id: 'kept' }]);
    other.close();
    source.close();
  });

  it('refuses to write over a file whose interrupted write left a -journal (it would roll into the copy)', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    writeFileSync(join(dir, 'crashed.sqlite'), 'old bytes');
    writeFileSync(join(dir, 'crashed.sqlite-journal'), 'hot journal');
    await expect(source.saveAs(join(dir, 'crashed.sqlite'), { overwrite: true })).rejects.toThrow(
      /open in another program/,
    );
    expect(readFileSync(join(dir, 'crashed.sqlite'), 'utf8')).toBe('old bytes');
    source.close();
  });

  it('prepares a changed copy (anonymised) away from the target folder, which only sees the finished file', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    source.db.prepare("INSERT INTO accounts (account_id, name) VALUES ('A1', 'Secret Corp')").run();
    let seenWhilePreparing: string[] = [];
    await source.saveAs(join(dir, 'shared.sqlite'), {
      prepare: (copyPath) => {
        seenWhilePreparing = readdirSync(dir);
        const copy = new Database(copyPath);
        copy.prepare("UPDATE accounts SET name = 'Account 1'").run();
        copy.close();
      },
    });
    source.close();
    // While the copy still held the original names, nothing of it was in the (possibly synced) target folder.
    expect(seenWhilePreparing.filter((name) => !name.startsWith('source.sqlite'))).toEqual([]);
    expect(readdirSync(dir).filter((name) => !name.startsWith('source.sqlite'))).toEqual(['shared.sqlite']);
    const copy = openProject(join(dir, 'shared.sqlite'));
    expect(copy.db.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Account 1' }]);
    copy.close();
  });

  it('refuses to overwrite unless asked', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    writeFileSync(join(dir, 'taken.sqlite'), 'keep me');
    await expect(source.saveAs(join(dir, 'taken.sqlite'))).rejects.toThrow(/already exists/);
    await source.saveAs(join(dir, 'taken.sqlite'), { overwrite: true });
    source.close();
    expect(openProject(join(dir, 'taken.sqlite')).meta.name).toBe('Acme');
  });

  it('removes the hidden copies that killed saves to the same name left, and only those', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number; // a process that has exited
    const abandoned = [`.copy.sqlite.partial-${gone}`, `.copy.sqlite.partial-${gone}-journal`];
    // A save in progress in a live process (this one's parent), and a copy for another name, stay.
    const kept = [`.copy.sqlite.partial-${process.ppid}`, `.other.sqlite.partial-${gone}`];
    for (const name of [...abandoned, ...kept]) writeFileSync(join(dir, name), 'half a project');
    await source.saveAs(join(dir, 'copy.sqlite'));
    source.close();
    expect(
      readdirSync(dir)
        .filter((name) => name.startsWith('.'))
        .sort(),
    ).toEqual([...kept].sort());
  });

  it('removes the folders where a process that died prepared a changed copy, which still hold the original', async () => {
    const dir = tempDir();
    const source = createProject(join(dir, 'source.sqlite'), project);
    const gone = spawnSync(process.execPath, ['-e', '']).pid as number;
    const abandoned = join(tmpdir(), `tributary-copy-${gone}-AbC123`);
    const live = join(tmpdir(), `tributary-copy-${process.ppid}-XyZ789`);
    for (const folder of [abandoned, live]) {
      mkdirSync(folder);
      writeFileSync(join(folder, 'copy.sqlite'), 'the original data');
    }
    try {
      await source.saveAs(join(dir, 'shared.sqlite'), { prepare: () => undefined });
      expect([existsSync(abandoned), existsSync(live)]).toEqual([false, true]);
      // Its own folder is gone once the copy is in place.
      expect(readdirSync(tmpdir()).filter((name) => name.startsWith(`tributary-copy-${process.pid}-`))).toEqual([]);
    } finally {
      source.close();
      rmSync(live, { recursive: true, force: true });
    }
  });
});

describe('checkProject', () => {
  it('reports a healthy project without writing to it', () => {
    const path = join(tempDir(), 'p.sqlite');
    createProject(path, project).close();
    const before = sha256OfFile(path);
    expect(checkProject(path)).toMatchObject({ ok: true, problems: [] });
    expect(sha256OfFile(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['p.sqlite']);
  });
});
