import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../../test/helpers/files';
import { generateDemo } from '../demo/generate';
import { loadEngineData } from '../engine/arrays/load';
import { importCsv } from '../import/run';
import { readDataRevision, suspendRevisionTriggers } from './dataRevision';
import { checkProject, createProject } from './project';

const tempDir = useTempDir();

function demoProject(): string {
  const path = join(tempDir(), 'demo.sqlite');
  const project = createProject(path, { name: 'Demo', currency: 'USD' });
  generateDemo(project.db, { scale: 3000 });
  project.close();
  return path;
}

/** The tables that carry the revision triggers, found from the schema rather than listed again. */
function revisedTables(db: Database.Database): string[] {
  return db
    .prepare(
      "SELECT DISTINCT tbl_name FROM sqlite_schema WHERE type = 'trigger' AND name LIKE '%\\_revision\\_%' ESCAPE '\\' ORDER BY 1",
    )
    .pluck()
    .all() as string[];
}

function revisionTriggers(db: Database.Database): string[] {
  return db
    .prepare("SELECT sql FROM sqlite_schema WHERE type = 'trigger' AND name GLOB '*_revision_*' ORDER BY name")
    .pluck()
    .all() as string[];
}

describe('data revision', () => {
  it('is a 16-byte token, and null for a file without the table', () => {
    const db = new Database(demoProject());
    expect(readDataRevision(db)).toMatch(/^[0-9A-F]{32}$/);
    db.exec('DROP TABLE data_revision');
    expect(readDataRevision(db)).toBeNull();
    db.close();
  });

  it('changes with every insert, update and delete in every table that carries the triggers', () => {
    const db = new Database(demoProject());
    const tables = revisedTables(db);
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const table of tables) {
      const first = `(SELECT min(rowid) FROM ${table})`;
      db.exec(`CREATE TEMP TABLE saved AS SELECT * FROM ${table} WHERE rowid = ${first}`);
      const steps = [
        `UPDATE ${table} SET rowid = rowid WHERE rowid = ${first}`,
        `DELETE FROM ${table} WHERE rowid = ${first}`,
        `INSERT INTO ${table} SELECT * FROM temp.saved`,
      ];
      for (const sql of steps) {
        const before = readDataRevision(db);
        expect(db.prepare(sql).run().changes, `${sql} changes a row`).toBe(1);
        expect(readDataRevision(db), `${sql} draws a new token`).not.toBe(before);
      }
      db.exec('DROP TABLE temp.saved');
    }
    db.close();
  });

  it('is kept for every table the engine reads: the engine loads with every other table gone', () => {
    const path = demoProject();
    const db = new Database(path);
    const revised = new Set(revisedTables(db));
    const others = (
      db
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
        .pluck()
        .all() as string[]
    ).filter((table) => !revised.has(table));
    expect(others).toContain('community_members');
    const full = loadEngineData(db);
    for (const table of others) db.exec(`DROP TABLE ${table}`);
    // A read of any table without the triggers would fail here with "no such table".
    expect(loadEngineData(db)).toEqual(full);
    db.close();
  });

  it('is drawn once by an import, which lifts the triggers while it writes and puts them back as they were', async () => {
    const path = join(tempDir(), 'p.sqlite');
    const project = createProject(path, { name: 'P', currency: 'USD' });
    const csv = join(tempDir(), 'touchpoints.csv');
    const rows = Array.from({ length: 50 }, (_, n) => `T${n},,A${n % 5},2025-01-0${1 + (n % 9)},webinar,`);
    writeFileSync(csv, ['touchpoint_id,contact_id,account_id,occurred_at,channel,campaign', ...rows].join('\n'));
    const triggers = revisionTriggers(project.db);
    expect(triggers).toHaveLength(27);
    const before = readDataRevision(project.db);

    // A dry run, and a strict import with a rejected row, roll back: same token, same triggers.
    await importCsv(project.db, csv, { kind: 'touchpoints', dryRun: true });
    expect(readDataRevision(project.db)).toBe(before);
    expect(revisionTriggers(project.db)).toEqual(triggers);
    const rejected = join(tempDir(), 'rejected.csv');
    writeFileSync(rejected, readFileSync(csv, 'utf8') + '\nT99,,A1,not a date,webinar,');
    const strict = await importCsv(project.db, rejected, { kind: 'touchpoints', strict: true });
    expect(strict).toMatchObject({ committed: false, rowsRejected: 1 });
    expect(readDataRevision(project.db)).toBe(before);
    expect(revisionTriggers(project.db)).toEqual(triggers);

    const report = await importCsv(project.db, csv, { kind: 'touchpoints' });
    expect(report.rowsImported).toBe(50);
    expect(readDataRevision(project.db)).not.toBe(before);
    expect(revisionTriggers(project.db)).toEqual(triggers);
    project.close();
    // The schema is exactly what the migrations make: the project opens and checks clean.
    expect(checkProject(path)).toMatchObject({ ok: true, problems: [] });
  });

  it('lifts the triggers only inside a transaction, and puts them back on a rollback', () => {
    const db = new Database(demoProject());
    const triggers = revisionTriggers(db);
    expect(() => suspendRevisionTriggers(db)).toThrow(/inside a transaction/);
    const before = readDataRevision(db);
    db.exec('BEGIN');
    const restore = suspendRevisionTriggers(db);
    expect(revisionTriggers(db)).toEqual([]);
    db.exec('ROLLBACK');
    expect(revisionTriggers(db)).toEqual(triggers);
    // Too late once the transaction is over: it must neither fail half-way nor commit a token on its own.
    expect(restore).toThrow(/before the transaction ends/);
    expect(readDataRevision(db)).toBe(before);
    db.close();
  });
});
