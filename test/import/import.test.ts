import { appendFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/main/import/run';
import type { Project } from '../../src/main/store/project';
import { sha256OfFile, useTempDir } from '../helpers/files';
import { useNewProject } from '../helpers/projects';
import {
  DISCOURSE_USERS,
  EUROPEAN_OPPORTUNITIES,
  HUBSPOT_DEALS,
  SALESFORCE_OPPORTUNITIES,
  writeFixture,
} from './fixtures';

const tempDir = useTempDir();
const createdProject = useNewProject();

function newProject(): { project: Project; dir: string } {
  const dir = tempDir();
  return { project: createdProject({ name: 'Import', dir }), dir };
}

const rows = (project: Project, sql: string): unknown[] => project.db.prepare(sql).all();
const count = (project: Project, table: string): number =>
  (project.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** Everything a project holds, to compare before and after an import that must change nothing. */
function snapshot(project: Project): string {
  const tables = ['accounts', 'opportunities', 'touchpoints', 'community_members', 'imports', 'import_issues'];
  return JSON.stringify(tables.map((table) => rows(project, `SELECT * FROM ${table} ORDER BY 1`)));
}

describe('importing real exports', () => {
  it('imports a Salesforce opportunity report: US dates, $1,250.00 amounts, CRM stage and type words', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'sf-opps.csv', SALESFORCE_OPPORTUNITIES);
    const report = await importCsv(project.db, file, { kind: 'opportunities' });
    expect(report).toMatchObject({ committed: true, rowsRead: 5, rowsImported: 5, rowsRejected: 0 });
    expect(report.mapping.formats).toEqual({ dateOrder: 'month-first', decimalComma: false });
    // data.md: a column no canonical column takes is kept as a custom field of its row.
    expect(report.customFields).toEqual(['Lead Source']);
    expect(report.ignoredHeaders).toEqual([]);
    expect(rows(project, 'SELECT custom FROM opportunities ORDER BY opportunity_id')).toEqual([
      { custom: '{"Lead Source":"Web"}' },
      { custom: '{"Lead Source":"Partner"}' },
      { custom: '{"Lead Source":"Web"}' },
      { custom: '{"Lead Source":"Event"}' },
      { custom: null },
    ]);
    expect(rows(project, 'SELECT kind, name, position FROM custom_fields')).toEqual([
      { kind: 'opportunities', name: 'Lead Source', position: 0 },
    ]);
    expect(
      rows(project, 'SELECT opportunity_id, type, stage, amount, created_at, closed_at FROM opportunities ORDER BY 1'),
    ).toEqual([
      {
        opportunity_id: '0061x00000AAA01',
        type: 'new_business',
        stage: 'won',
        amount: 1250,
        created_at: Date.UTC(2024, 2, 1, 23, 59, 59, 999),
        closed_at: Date.UTC(2024, 2, 28, 23, 59, 59, 999),
      },
      {
        opportunity_id: '0061x00000AAA02',
        type: 'upgrade',
        stage: 'won',
        amount: 12500,
        created_at: Date.UTC(2024, 3, 2, 23, 59, 59, 999),
        closed_at: Date.UTC(2024, 4, 15, 23, 59, 59, 999),
      },
      {
        opportunity_id: '0061x00000AAA03',
        type: 'new_business',
        stage: 'lost',
        amount: 8000,
        created_at: Date.UTC(2024, 1, 10, 23, 59, 59, 999),
        closed_at: Date.UTC(2024, 1, 28, 23, 59, 59, 999),
      },
      {
        opportunity_id: '0061x00000AAA04',
        type: 'new_business',
        stage: 'open',
        amount: 3000,
        created_at: Date.UTC(2024, 4, 1, 23, 59, 59, 999),
        closed_at: null,
      },
      {
        opportunity_id: '0061x00000AAA05',
        type: 'renewal',
        stage: 'won',
        amount: 20000,
        created_at: Date.UTC(2025, 0, 5, 23, 59, 59, 999),
        closed_at: Date.UTC(2025, 0, 31, 23, 59, 59, 999),
      },
    ]);
    expect(
      rows(project, "SELECT type_raw, stage_raw FROM opportunities WHERE opportunity_id = '0061x00000AAA02'"),
    ).toEqual([{ type_raw: 'Existing Customer - Upgrade', stage_raw: 'Closed Won' }]);
    const history = rows(
      project,
      'SELECT kind, file_name, sha256, rows_read, rows_imported, rows_rejected FROM imports',
    );
    expect(history).toEqual([
      {
        kind: 'opportunities',
        file_name: 'sf-opps.csv',
        sha256: sha256OfFile(file),
        rows_read: 5,
        rows_imported: 5,
        rows_rejected: 0,
      },
    ]);
  });

  it('imports a HubSpot deals export with its own stage and type words and date-times', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'hubspot-deals.csv', HUBSPOT_DEALS);
    const report = await importCsv(project.db, file, { kind: 'opportunities' });
    expect(report).toMatchObject({ committed: true, rowsImported: 4, rowsRejected: 0 });
    expect(
      rows(project, 'SELECT opportunity_id, account_id, type, stage, amount, created_at FROM opportunities ORDER BY 1'),
    ).toEqual([
      {
        opportunity_id: '9001',
        account_id: '501',
        type: 'new_business',
        stage: 'won',
        amount: 4500,
        created_at: Date.UTC(2024, 2, 1, 9, 30),
      },
      {
        opportunity_id: '9002',
        account_id: '501',
        type: 'upgrade',
        stage: 'won',
        amount: 1200.5,
        created_at: Date.UTC(2024, 5, 1, 10),
      },
      {
        opportunity_id: '9003',
        account_id: '502',
        type: 'new_business',
        stage: 'lost',
        amount: 9900,
        created_at: Date.UTC(2024, 1, 1, 8),
      },
      {
        opportunity_id: '9004',
        account_id: '502',
        type: 'new_business',
        stage: 'open',
        amount: 7000,
        created_at: Date.UTC(2024, 6, 1, 8),
      },
    ]);
  });

  it('imports a European export: BOM, semicolons, decimal comma and day-first dates detected from the values', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'eu.csv', EUROPEAN_OPPORTUNITIES);
    const report = await importCsv(project.db, file, { kind: 'opportunities' });
    expect(report.mapping.formats).toEqual({ dateOrder: 'day-first', decimalComma: true });
    expect(report).toMatchObject({ committed: true, rowsImported: 3, rowsRejected: 0 });
    expect(rows(project, 'SELECT opportunity_id, amount, created_at FROM opportunities ORDER BY 1')).toEqual([
      { opportunity_id: 'EU-1', amount: 12500, created_at: Date.UTC(2024, 2, 1, 23, 59, 59, 999) },
      { opportunity_id: 'EU-2', amount: 1250.5, created_at: Date.UTC(2024, 3, 15, 23, 59, 59, 999) },
      { opportunity_id: 'EU-3', amount: 999.99, created_at: Date.UTC(2024, 4, 13, 23, 59, 59, 999) },
    ]);
  });

  it('imports a Discourse user export as community members and resolves their identities', async () => {
    const { project, dir } = newProject();
    await importCsv(
      project.db,
      writeFixture(
        dir,
        'accounts.csv',
        'account_id,name,domain\nA1,Acme,acme.com\nA2,Globex,https://www.globex.com/\nA3,Gmail look-alike,gmail.com\n',
      ),
      { kind: 'accounts' },
    );
    await importCsv(
      project.db,
      writeFixture(dir, 'contacts.csv', 'contact_id,account_id,email\nC1,A1,Alice@Acme.com\n'),
      {
        kind: 'contacts',
      },
    );
    const report = await importCsv(project.db, writeFixture(dir, 'users.csv', DISCOURSE_USERS), {
      kind: 'community_members',
    });
    expect(report).toMatchObject({ committed: true, rowsImported: 4 });
    expect(report.mapping.columns).toMatchObject({
      member_id: 'id',
      email: 'email',
      name: 'name',
      joined_at: 'created_at',
    });
    expect(rows(project, 'SELECT member_id, contact_id, account_id, method FROM member_identities ORDER BY 1')).toEqual(
      [
        { member_id: '1', contact_id: 'C1', account_id: 'A1', method: 'email' },
        { member_id: '2', contact_id: null, account_id: null, method: 'unresolved' },
        { member_id: '3', contact_id: null, account_id: 'A2', method: 'email_domain' },
        { member_id: '4', contact_id: null, account_id: null, method: 'unresolved' },
      ],
    );
    const reasons = rows(
      project,
      "SELECT member_id, reason FROM member_identities WHERE method = 'unresolved' ORDER BY 1",
    );
    expect(reasons).toEqual([
      { member_id: '2', reason: expect.stringContaining('gmail.com is a free-mail domain') },
      { member_id: '4', reason: 'no email; no company domain' },
    ]);
  });
});

describe('re-import', () => {
  it('updates by id and duplicates nothing when the same file or a newer export comes again', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'sf-opps.csv', SALESFORCE_OPPORTUNITIES);
    await importCsv(project.db, file, { kind: 'opportunities' });
    const first = rows(project, 'SELECT * FROM opportunities ORDER BY 1');
    await importCsv(project.db, file, { kind: 'opportunities' });
    expect(rows(project, 'SELECT * FROM opportunities ORDER BY 1')).toEqual(first);
    appendFileSync(
      file,
      '\r\n0061x00000AAA04,0011x000003,Initech - New,,Closed Won,"$3,500.00",5/1/2024,6/1/2024,Event',
    );
    const report = await importCsv(project.db, file, { kind: 'opportunities' });
    expect(report.warnings).toBe(1);
    expect(report.issues).toContainEqual({
      line: 7,
      column: 'opportunity_id',
      severity: 'warning',
      reason: 'duplicate of line 5; the later row wins',
    });
    expect(count(project, 'opportunities')).toBe(5);
    expect(rows(project, "SELECT stage, amount FROM opportunities WHERE opportunity_id = '0061x00000AAA04'")).toEqual([
      { stage: 'won', amount: 3500 },
    ]);
    expect(count(project, 'imports')).toBe(3);
  });

  it('keeps columns a narrower re-import does not carry', async () => {
    const { project, dir } = newProject();
    await importCsv(project.db, writeFixture(dir, 'a.csv', 'account_id,name,segment\nA1,Acme,Enterprise\n'), {
      kind: 'accounts',
    });
    await importCsv(project.db, writeFixture(dir, 'b.csv', 'account_id,name\nA1,Acme Corp\n'), { kind: 'accounts' });
    expect(rows(project, 'SELECT name, segment FROM accounts')).toEqual([{ name: 'Acme Corp', segment: 'Enterprise' }]);
  });
});

describe('a header that is nearly a column', () => {
  it('warns that a misspelt header is not mapped, naming the column it was likely meant for', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'accounts.csv', 'account_id,name,domian\nA1,Acme,acme.com\nA2,Globex,globex.com\n');
    const report = await importCsv(project.db, file, { kind: 'accounts' });
    expect(report).toMatchObject({ committed: true, rowsImported: 2, rowsRejected: 0, warnings: 1 });
    expect(report.issues).toEqual([
      {
        line: 1,
        column: 'domian',
        severity: 'warning',
        reason: 'column `domian` is not mapped: did you mean `domain`?',
      },
    ]);
    // Kept in the import's history, as every warning is.
    expect(rows(project, 'SELECT line, column_name, severity FROM import_issues')).toEqual([
      { line: 1, column_name: 'domian', severity: 'warning' },
    ]);
  });
});

describe('bad input: a clear message and nothing lost', () => {
  it('lists each rejected row with line, column and reason, and imports the valid rows', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(
      dir,
      'bad.csv',
      [
        'opportunity_id,account_id,stage,amount,created_at,closed_at,name',
        'O1,A1,won,1000,2024-03-01,2024-03-10,fine',
        'O2,A1,won,abc,2024-03-01,2024-03-10,bad amount',
        'O3,A1,won,-50,2024-03-01,2024-03-10,negative',
        'O4,A1,won,100,2024-13-45,2024-03-10,bad date',
        'O5,A1,won,100,2024-03-01,,"quoted, with a',
        'line break"',
        'O6,A1,open,100,2024-03-01,,too,many',
        ',A1,open,100,2024-03-01,,no id',
      ].join('\n'),
    );
    const report = await importCsv(project.db, file, { kind: 'opportunities' });
    expect(report).toMatchObject({ committed: true, rowsRead: 7, rowsImported: 1, rowsRejected: 6 });
    const rejected = report.issues.filter((issue) => issue.severity === 'rejected');
    expect(rejected.map(({ line, column }) => [line, column])).toEqual([
      [3, 'amount'],
      [4, 'amount'],
      [5, 'created_at'],
      [6, 'closed_at'],
      [8, null],
      [9, 'opportunity_id'],
    ]);
    expect(rejected[1]?.reason).toMatch(/negative/);
    expect(rejected[3]?.reason).toMatch(/won opportunity needs a closed_at/);
    expect(rejected[4]?.reason).toMatch(/expected 7 columns.*found 8/);
    expect(count(project, 'import_issues')).toBe(6);
    expect(rows(project, 'SELECT opportunity_id FROM opportunities')).toEqual([{ opportunity_id: 'O1' }]);
  });

  it('imports nothing in strict mode when any row is rejected', async () => {
    const { project, dir } = newProject();
    const before = snapshot(project);
    const file = writeFixture(dir, 'strict.csv', 'account_id,employees\nA1,10\nA2,many\n');
    const report = await importCsv(project.db, file, { kind: 'accounts', strict: true });
    expect(report).toMatchObject({ committed: false, importId: null, rowsRejected: 1 });
    expect(report.issues[0]).toMatchObject({ line: 3, column: 'employees' });
    expect(snapshot(project)).toBe(before);
  });

  it.each([
    ['empty.csv', '', /empty/],
    ['header-only.csv', 'account_id,name\n', /header row but no data rows/],
    ['no-id.csv', 'name,domain\nAcme,acme.com\n', /no column for account_id/],
    ['blank-header.csv', 'account_id,,name\nA1,x,Acme\n', /line 1, column 2 has an empty header/],
  ])('refuses %s with a message that says what is wrong, changing nothing', async (name, content, message) => {
    const { project, dir } = newProject();
    const before = snapshot(project);
    await expect(importCsv(project.db, writeFixture(dir, name, content), { kind: 'accounts' })).rejects.toThrow(
      message,
    );
    expect(snapshot(project)).toBe(before);
  });

  it('refuses text that is not UTF-8, naming the line', async () => {
    const { project, dir } = newProject();
    const latin1 = Buffer.concat([
      Buffer.from('account_id,name\nA1,Acme\nA2,M'),
      Buffer.from([0xfc]),
      Buffer.from('ller AG\n'),
    ]);
    const before = snapshot(project);
    await expect(importCsv(project.db, writeFixture(dir, 'latin1.csv', latin1), { kind: 'accounts' })).rejects.toThrow(
      /not UTF-8/,
    );
    expect(snapshot(project)).toBe(before);
  });

  // Truncated once the first rows are written: read in step with the writer, or by a parsing worker that the
  // writer's back-pressure holds a few MiB ahead at most (import/pipeline.ts), so a file far larger than that is
  // still being read when it shrinks.
  it.each([
    ['in this thread', false, 120_000],
    ['in a parsing worker', true, 500_000],
  ])('rolls back when the file is truncated during the import, read %s', async (_, pipeline, rows) => {
    const { project, dir } = newProject();
    const lines = ['touchpoint_id,account_id,occurred_at,channel'];
    for (let i = 0; i < rows; i++) lines.push(`T${i},A${i % 100},2024-03-01T10:00:00Z,email`);
    const file = writeFixture(dir, 'big.csv', lines.join('\n'));
    const before = snapshot(project);
    let truncated = false;
    await expect(
      importCsv(project.db, file, {
        kind: 'touchpoints',
        pipeline,
        onProgress: () => {
          if (!truncated) truncateSync(file, 2_000_000);
          truncated = true;
        },
      }),
    ).rejects.toThrow(/changed while it was imported/);
    expect(snapshot(project)).toBe(before);
  });

  it('finishes from the open file when the file is deleted during the import, losing nothing', async () => {
    // POSIX keeps an open file's bytes until it is closed; the import read all of them, so all rows are in.
    const { project, dir } = newProject();
    const lines = ['touchpoint_id,account_id,occurred_at,channel'];
    for (let i = 0; i < 120_000; i++) lines.push(`T${i},A${i % 100},2024-03-01T10:00:00Z,email`);
    const file = writeFixture(dir, 'vanishing.csv', lines.join('\n'));
    let deleted = false;
    const report = await importCsv(project.db, file, {
      kind: 'touchpoints',
      onProgress: () => {
        if (!deleted) rmSync(file);
        deleted = true;
      },
    });
    expect(deleted).toBe(true);
    expect(report).toMatchObject({ committed: true, rowsImported: 120_000, rowsRejected: 0 });
    expect(count(project, 'touchpoints')).toBe(120_000);
  });

  it('rolls back on cancel, leaving the project exactly as before', async () => {
    const { project, dir } = newProject();
    const lines = ['touchpoint_id,account_id,occurred_at,channel'];
    for (let i = 0; i < 120_000; i++) lines.push(`T${i},A${i % 100},2024-03-01T10:00:00Z,email`);
    const file = writeFixture(dir, 'big.csv', lines.join('\n'));
    const before = snapshot(project);
    const controller = new AbortController();
    await expect(
      importCsv(project.db, file, {
        kind: 'touchpoints',
        signal: controller.signal,
        onProgress: () => controller.abort(),
      }),
    ).rejects.toMatchObject({ code: 'cancelled' });
    expect(snapshot(project)).toBe(before);
  });

  it('says the project is locked when another program holds it, and writes nothing', async () => {
    const { project, dir } = newProject();
    const other = new Database(project.path);
    other.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    try {
      const file = writeFixture(dir, 'a.csv', 'account_id\nA1\n');
      await expect(importCsv(project.db, file, { kind: 'accounts' })).rejects.toThrow(/locked by another program/);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(count(project, 'accounts')).toBe(0);
    expect(count(project, 'imports')).toBe(0);
  });
});

describe('line numbers', () => {
  it('skips blank lines before the header and counts them', async () => {
    const { project, dir } = newProject();
    const report = await importCsv(
      project.db,
      writeFixture(dir, 'blank-top.csv', '\n\naccount_id,employees\nA1,10\nA2,x\n'),
      {
        kind: 'accounts',
      },
    );
    expect(report).toMatchObject({ committed: true, rowsRead: 2, rowsImported: 1 });
    expect(report.issues).toMatchObject([{ line: 5, column: 'employees', severity: 'rejected' }]);
  });

  it('count CRLF line breaks and line breaks quoted inside fields', async () => {
    const { project, dir } = newProject();
    const content = 'account_id,name\r\nA1,"two\r\nlines"\r\nA2,"three\r\nwhole\r\nlines"\r\nA3,x,extra\r\n';
    writeFileSync(join(dir, 'x'), '');
    const report = await importCsv(project.db, writeFixture(dir, 'crlf.csv', content), { kind: 'accounts' });
    expect(report.issues).toEqual([
      { line: 7, column: null, severity: 'rejected', reason: 'expected 2 columns as in the header, found 3' },
    ]);
    expect(rows(project, "SELECT name FROM accounts WHERE account_id = 'A2'")).toEqual([
      { name: 'three\r\nwhole\r\nlines' },
    ]);
  });
});
