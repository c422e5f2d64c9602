import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TributaryError } from '../../src/shared/errors';
import type { DataKind } from '../../src/shared/kinds';
import { importCsv } from '../../src/main/import/run';
import { createProject, openProject, type Project } from '../../src/main/store/project';
import { csvCase, hugeFieldCase, renderCsv, renderHugeCsv, TOUCHPOINT_HEADER } from '../reliability/csvArbitraries';
import { fingerprintOf } from '../reliability/state';
import { DISCOURSE_USERS, EUROPEAN_OPPORTUNITIES, HUBSPOT_DEALS, SALESFORCE_OPPORTUNITIES } from './fixtures';

/**
 * Issue 16: an import parses in a worker while the importing thread writes (import/pipeline.ts). Both paths must
 * give the same project, table by table and row by row in rowid order (fingerprintOf), the same report, or the same
 * refusal, on the fixtures and on the fuzz test's malformed files.
 */
const SEED = 20_261_207;
const FUZZ_RUNS = 25;

let dir: string;
let template: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-pipelined-'));
  // A project with rows already there, some of which the files below update: a re-import as well as an import.
  template = join(dir, 'template.sqlite');
  const project = createProject(template, { name: 'pipelined', currency: 'USD' });
  const seed = join(dir, 'seed.csv');
  const rows = Array.from({ length: 30 }, (_, n) => `TP-${n},CON-${n},,2024-01-0${1 + (n % 9)},email,,,`);
  writeFileSync(seed, [TOUCHPOINT_HEADER.join(','), ...rows].join('\n'));
  await importCsv(project.db, seed, { kind: 'touchpoints' });
  writeFileSync(seed, SALESFORCE_OPPORTUNITIES);
  await importCsv(project.db, seed, { kind: 'opportunities' });
  project.close();
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

type Outcome =
  | { ok: true; report: unknown; fingerprint: ReturnType<typeof fingerprintOf> }
  | { ok: false; error: string; fingerprint: ReturnType<typeof fingerprintOf> };

async function importInto(name: string, file: string, kind: DataKind, pipeline: boolean, strict = false) {
  const path = join(dir, `${name}-${pipeline ? 'pipelined' : 'single'}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
  copyFileSync(template, path);
  const project = openProject(path);
  try {
    let outcome: Outcome;
    try {
      const report = await importCsv(project.db, file, { kind, pipeline, strict });
      outcome = { ok: true, report, fingerprint: fingerprintOf(project.db) };
    } catch (error) {
      expect(error).toBeInstanceOf(TributaryError);
      const { code, message } = error as TributaryError;
      outcome = { ok: false, error: `${code}: ${message}`, fingerprint: fingerprintOf(project.db) };
    }
    return outcome;
  } finally {
    project.close();
  }
}

async function expectSameBothWays(name: string, bytes: string | Buffer, kind: DataKind, strict = false) {
  const file = join(dir, `${name}.csv`);
  writeFileSync(file, bytes);
  const single = await importInto(name, file, kind, false, strict);
  const pipelined = await importInto(name, file, kind, true, strict);
  expect(pipelined).toEqual(single);
  return single;
}

describe('a pipelined import', () => {
  it('gives the same project and report as the single-threaded one on the fixtures', { timeout: 120_000 }, async () => {
    await expectSameBothWays('salesforce', SALESFORCE_OPPORTUNITIES, 'opportunities');
    await expectSameBothWays('hubspot', HUBSPOT_DEALS, 'opportunities');
    await expectSameBothWays('european', EUROPEAN_OPPORTUNITIES, 'opportunities');
    await expectSameBothWays('discourse', DISCOURSE_USERS, 'community_members');
    const strict = await expectSameBothWays(
      'strict',
      `${TOUCHPOINT_HEADER.join(',')}\nTP-1,,,2024-01-01,email,,,\n`,
      'touchpoints',
      true,
    );
    expect(strict.ok && (strict.report as { committed: boolean }).committed).toBe(false);
  });

  it(
    'reports duplicates with the first line, for new rows and for rows already there',
    { timeout: 60_000 },
    async () => {
      // Lines: 2 new A, 3 new B, 4 A again, 5 TP-3 (already in the project), 6 TP-3 again, 7 rejected, 8 B again.
      const text = [
        TOUCHPOINT_HEADER.join(','),
        'NEW-A,CON-1,,2024-02-01,email,,,',
        'NEW-B,CON-2,,2024-02-02,email,,,',
        'NEW-A,CON-1,,2024-02-03,webinar,,,',
        'TP-3,CON-3,,2024-02-04,events,,,',
        'TP-3,CON-3,,2024-02-05,content,,,',
        'NEW-C,,,2024-02-06,email,,,',
        'NEW-B,CON-2,,2024-02-07,direct,,,',
      ].join('\n');
      const outcome = await expectSameBothWays('duplicates', text, 'touchpoints');
      if (!outcome.ok) throw new Error(outcome.error);
      const report = outcome.report as { rowsRead: number; rowsImported: number; issues: unknown[] };
      expect(report.rowsRead).toBe(7);
      expect(report.rowsImported).toBe(3);
      const duplicate = (line: number, of: number) => ({
        line,
        column: 'touchpoint_id',
        severity: 'warning',
        reason: `duplicate of line ${of}; the later row wins`,
      });
      expect(report.issues).toEqual([
        duplicate(4, 2),
        duplicate(6, 5),
        expect.objectContaining({ line: 7, severity: 'rejected' }),
        duplicate(8, 3),
      ]);
      const project = openProject(join(dir, 'duplicates-pipelined.sqlite'));
      try {
        const channels = project.db
          .prepare(
            "SELECT touchpoint_id, channel FROM touchpoints WHERE touchpoint_id IN ('NEW-A', 'NEW-B', 'TP-3') ORDER BY 1",
          )
          .all();
        expect(channels).toEqual([
          { touchpoint_id: 'NEW-A', channel: 'webinar' },
          { touchpoint_id: 'NEW-B', channel: 'direct' },
          { touchpoint_id: 'TP-3', channel: 'content' },
        ]);
      } finally {
        project.close();
      }
    },
  );

  it(
    `gives the same project, report or refusal on malformed files (${FUZZ_RUNS} + 2 generated)`,
    { timeout: 300_000 },
    async () => {
      const cases = fc.sample(csvCase, { seed: SEED, numRuns: FUZZ_RUNS });
      for (const [index, c] of cases.entries())
        await expectSameBothWays(`fuzz-${index}`, renderCsv(c), 'touchpoints', c.strict);
      const huge = fc.sample(hugeFieldCase, { seed: SEED, numRuns: 2 });
      for (const [index, c] of huge.entries())
        await expectSameBothWays(`huge-${index}`, renderHugeCsv(c), 'touchpoints', c.strict);
    },
  );

  it('cancelled mid-file leaves the project as it was', { timeout: 120_000 }, async () => {
    const file = join(dir, 'large.csv');
    const rows: string[] = [TOUCHPOINT_HEADER.join(',')];
    for (let n = 0; n < 200_000; n++)
      rows.push(
        `TP-${n},CON-${n % 900},,2024-03-${String(1 + (n % 28)).padStart(2, '0')},paid_search,Q1 campaign,google,cpc`,
      );
    writeFileSync(file, rows.join('\n'));
    const path = join(dir, 'cancel.sqlite');
    copyFileSync(template, path);
    const project = openProject(path);
    try {
      const before = fingerprintOf(project.db);
      const controller = new AbortController();
      let progressed = 0;
      const run = importCsv(project.db, file, {
        kind: 'touchpoints',
        pipeline: true,
        signal: controller.signal,
        // Cancelled once rows have been written, inside the transaction: the rollback must take them back.
        onProgress: (progress) => {
          progressed = progress.rowsRead;
          if (progress.rowsRead > 0) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(progressed).toBeGreaterThan(0);
      expect(progressed).toBeLessThan(200_000);
      expect(project.db.inTransaction).toBe(false);
      expect(fingerprintOf(project.db)).toEqual(before);
    } finally {
      project.close();
    }
  });

  it(
    'into an empty table builds its indexes after the rows, the same ones, or none changed on a cancel',
    {
      timeout: 120_000,
    },
    async () => {
      const file = join(dir, 'first.csv');
      const rows: string[] = [TOUCHPOINT_HEADER.join(',')];
      for (let n = 0; n < 120_000; n++) rows.push(`TP-${n},CON-${n % 700},ACC-${n % 90},2024-03-01,email,,,`);
      writeFileSync(file, rows.join('\n'));
      const indexes = (project: Project) =>
        project.db.prepare("SELECT name, tbl_name, sql FROM sqlite_schema WHERE type = 'index' ORDER BY name").all();
      const project = createProject(join(dir, 'first.sqlite'), { name: 'first', currency: 'USD' });
      try {
        const before = indexes(project);
        expect(before).toContainEqual(expect.objectContaining({ name: 'touchpoints_contact' }));
        const controller = new AbortController();
        const cancelled = importCsv(project.db, file, {
          kind: 'touchpoints',
          pipeline: true,
          signal: controller.signal,
          onProgress: () => controller.abort(),
        });
        await expect(cancelled).rejects.toMatchObject({ code: 'cancelled' });
        expect(indexes(project)).toEqual(before);
        const report = await importCsv(project.db, file, { kind: 'touchpoints', pipeline: true });
        expect(report.rowsImported).toBe(120_000);
        expect(indexes(project)).toEqual(before);
        expect(project.db.pragma('integrity_check')).toEqual([{ integrity_check: 'ok' }]);
        const byContact = "SELECT count(*) FROM touchpoints INDEXED BY touchpoints_contact WHERE contact_id = 'CON-7'";
        expect(project.db.prepare(byContact).pluck().get()).toBe(Math.ceil((120_000 - 7) / 700));
      } finally {
        project.close();
      }
    },
  );
});
