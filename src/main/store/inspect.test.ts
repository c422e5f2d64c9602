import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { execAsAnotherProgram, sha256OfFile, useTempDir } from '../../../test/helpers/files';
import { readProjectHeader } from './header';
import { loadMigrations, type Migration } from './migrations';
import { checkOpenProject, checkProject, createProject, openProject } from './project';
import { expectedSchema } from './schema';

const tempDir = useTempDir();
const project = { name: 'Acme', currency: 'EUR' };

/** A project closed cleanly, then changed behind Tributary's back with a raw connection. */
function tampered(sql: string): string {
  const path = join(tempDir(), 'tampered.sqlite');
  createProject(path, project).close();
  execAsAnotherProgram(path, sql);
  return path;
}

describe('schema check on open', () => {
  it('refuses a trigger Tributary does not create, naming it, before anything runs or writes', () => {
    const path = tampered(`CREATE TABLE IF NOT EXISTS spy (n INTEGER);
      CREATE TRIGGER wipe AFTER INSERT ON accounts BEGIN DELETE FROM project_meta; END;`);
    const before = sha256OfFile(path);
    expect(() => openProject(path)).toThrow(/has a table `spy` that Tributary does not create/);
    expect(() => openProject(path)).toThrow(/a trigger `wipe` on `accounts` that Tributary does not create/);
    expect(sha256OfFile(path)).toBe(before);
    expect(readdirSync(join(path, '..'))).toEqual(['tampered.sqlite']);
  });

  it('refuses a view standing in for a table and a table with an extra column', () => {
    const view = tampered('DROP TABLE scenarios; CREATE VIEW scenarios AS SELECT 1 AS scenario_id');
    expect(() => openProject(view)).toThrow(/has a view `scenarios` where Tributary creates a table `scenarios`/);
    const column = tampered('ALTER TABLE features ADD COLUMN secret TEXT');
    expect(() => openProject(column)).toThrow(/a table `features` defined differently/);
  });

  it('refuses a missing index, and a ledger that does not match the schema version', () => {
    const index = tampered('DROP INDEX accounts_domain');
    expect(() => openProject(index)).toThrow(/lacks an index `accounts_domain` on `accounts` that Tributary creates/);
    const ledger = tampered('DELETE FROM schema_migrations');
    const version = loadMigrations().length;
    expect(() => openProject(ledger)).toThrow(
      new RegExp(`migration ledger listing versions \\[\\] while its schema version is ${version}`),
    );
  });

  it('accepts the planner statistics ANALYZE adds', () => {
    const path = tampered("INSERT INTO accounts (account_id) VALUES ('A1'); ANALYZE;");
    const opened = openProject(path);
    expect(opened.db.prepare('SELECT count(*) AS n FROM accounts').get()).toEqual({ n: 1 });
    opened.close();
  });

  it('builds the expected schema from the migrations, per version', () => {
    const shipped = loadMigrations();
    expect(expectedSchema(shipped, 0)).toEqual([]);
    const names = expectedSchema(shipped, shipped.length).map((o) => o.name);
    expect(names).toEqual(expect.arrayContaining(['accounts', 'accounts_domain', 'schema_migrations']));
  });
});

describe('migration on open', () => {
  const shipped = loadMigrations();
  const next: Migration = {
    version: shipped.length + 1,
    name: 'add_notes',
    sql: 'CREATE TABLE notes (body TEXT) STRICT;',
    sha256: 'a'.repeat(64),
  };

  it('copies an older project next to it before migrating, and says so', () => {
    const dir = tempDir();
    const path = join(dir, 'older.sqlite');
    const created = createProject(path, project, { migrations: shipped });
    created.db.prepare("INSERT INTO accounts (account_id) VALUES ('A1')").run();
    created.close();
    const before = sha256OfFile(path);
    const upgraded = openProject(path, { migrations: [...shipped, next] });
    const backup = join(dir, `older.before-v${next.version}.sqlite`);
    expect(upgraded.migrated).toEqual({ backup, fromVersion: shipped.length, toVersion: next.version });
    upgraded.close();
    expect(sha256OfFile(path)).not.toBe(before);
    expect(readProjectHeader(backup).userVersion).toBe(shipped.length);
    const copy = openProject(backup, { migrations: shipped });
    expect(copy.db.prepare('SELECT account_id FROM accounts').all()).toEqual([{ account_id: 'A1' }]);
    expect(copy.migrated).toBeNull();
    copy.close();
  });

  it('never writes over an earlier copy', () => {
    const dir = tempDir();
    const path = join(dir, 'older.sqlite');
    createProject(path, project, { migrations: shipped }).close();
    createProject(join(dir, `older.before-v${next.version}.sqlite`), project).close();
    const upgraded = openProject(path, { migrations: [...shipped, next] });
    expect(upgraded.migrated?.backup).toBe(join(dir, `older.before-v${next.version}-2.sqlite`));
    upgraded.close();
  });

  it('makes no copy when the project is current', () => {
    const dir = tempDir();
    createProject(join(dir, 'p.sqlite'), project).close();
    openProject(join(dir, 'p.sqlite')).close();
    expect(readdirSync(dir)).toEqual(['p.sqlite']);
  });
});

describe('checkProject and checkOpenProject', () => {
  it('report foreign schema objects as problems without writing', () => {
    const path = tampered('CREATE TRIGGER wipe AFTER INSERT ON accounts BEGIN DELETE FROM project_meta; END;');
    const before = sha256OfFile(path);
    const report = checkProject(path);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(['has a trigger `wipe` on `accounts` that Tributary does not create']);
    expect(report.contents).toBeUndefined();
    expect(sha256OfFile(path)).toBe(before);
  });

  it('checks the open project through its own connection', () => {
    const path = join(tempDir(), 'p.sqlite');
    const opened = createProject(path, project);
    expect(checkOpenProject(opened)).toMatchObject({
      ok: true,
      problems: [],
      schemaVersion: loadMigrations().length,
    });
    opened.db.exec('CREATE INDEX sneaky ON accounts (name)');
    expect(checkOpenProject(opened).problems).toEqual([
      'has an index `sneaky` on `accounts` that Tributary does not create',
    ]);
    opened.close();
    expect(existsSync(path)).toBe(true);
  });
});
