import { describe, expect, it } from 'vitest';
import { MAX_CUSTOM_FIELDS, MAX_CUSTOM_VALUE } from '../../src/shared/customFields';
import { importCsv } from '../../src/main/import/run';
import { previewImport } from '../../src/main/import/inspect';
import { readCustomFields } from '../../src/main/store/customFields';
import { dataRows, scopeChoices } from '../../src/main/store/dataView';
import type { Project } from '../../src/main/store/project';
import { useTempDir } from '../helpers/files';
import { useNewProject } from '../helpers/projects';
import { writeFixture } from './fixtures';

const tempDir = useTempDir();
const createdProject = useNewProject();

function newProject(): { project: Project; dir: string } {
  const dir = tempDir();
  return { project: createdProject({ name: 'Custom fields', dir }), dir };
}

const customOf = (project: Project, table: string, key: string): Record<string, Record<string, string> | null> =>
  Object.fromEntries(
    (
      project.db.prepare(`SELECT ${key} AS id, custom FROM ${table} ORDER BY rowid`).all() as {
        id: string;
        custom: string | null;
      }[]
    ).map(({ id, custom }) => [id, custom === null ? null : (JSON.parse(custom) as Record<string, string>)]),
  );

describe('custom fields (data.md): every unmapped column is kept with its row', () => {
  it('keeps the extra columns of each row under their headers, a blank cell as no entry', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(
      dir,
      'accounts.csv',
      ['account_id,name,Industry,Office Location,Sales Agent', 'A1,Acme,Software,Berlin,Ann', 'A2,Globex,,Paris,'].join(
        '\n',
      ),
    );
    const report = await importCsv(project.db, file, { kind: 'accounts' });
    expect(report).toMatchObject({ committed: true, rowsImported: 2, ignoredHeaders: [] });
    expect(report.customFields).toEqual(['Industry', 'Office Location', 'Sales Agent']);
    expect(customOf(project, 'accounts', 'account_id')).toEqual({
      A1: { Industry: 'Software', 'Office Location': 'Berlin', 'Sales Agent': 'Ann' },
      A2: { 'Office Location': 'Paris' },
    });
    expect(readCustomFields(project.db, 'accounts')).toEqual(['Industry', 'Office Location', 'Sales Agent']);
  });

  it('shows each custom field as a column of its own in the data view, after the stored columns', async () => {
    const { project, dir } = newProject();
    await importCsv(project.db, writeFixture(dir, 'a.csv', 'account_id,Tier\nA1,Gold\nA2,\n'), { kind: 'accounts' });
    await importCsv(project.db, writeFixture(dir, 'b.csv', 'account_id,Region\nA2,APAC\n'), { kind: 'accounts' });
    const page = dataRows(project.db, 'accounts', 0, 10);
    expect(page.columns).toEqual(['account_id', 'name', 'domain', 'segment', 'employees', 'Tier', 'Region']);
    expect(page.customColumns).toBe(2);
    expect(page.rows).toEqual([
      ['A1', null, null, null, null, 'Gold', null],
      ['A2', null, null, null, null, null, 'APAC'],
    ]);
  });

  it('merges a re-import: new columns added, columns the file lacks kept, a blanked cell cleared, nothing duplicated', async () => {
    const { project, dir } = newProject();
    const first = writeFixture(dir, 'a1.csv', 'account_id,Industry,Tier\nA1,Software,Gold\nA2,Retail,Silver\n');
    await importCsv(project.db, first, { kind: 'accounts' });
    const second = writeFixture(dir, 'a2.csv', 'account_id,Tier,Region\nA1,,EMEA\nA3,Bronze,APAC\n');
    const report = await importCsv(project.db, second, { kind: 'accounts' });
    expect(report.customFields).toEqual(['Tier', 'Region']);
    expect(customOf(project, 'accounts', 'account_id')).toEqual({
      A1: { Industry: 'Software', Region: 'EMEA' },
      A2: { Industry: 'Retail', Tier: 'Silver' },
      A3: { Tier: 'Bronze', Region: 'APAC' },
    });
    expect(project.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(3);
    expect(readCustomFields(project.db, 'accounts')).toEqual(['Industry', 'Tier', 'Region']);
    // Importing the same file again changes nothing.
    await importCsv(project.db, second, { kind: 'accounts' });
    expect(readCustomFields(project.db, 'accounts')).toEqual(['Industry', 'Tier', 'Region']);
    expect(customOf(project, 'accounts', 'account_id')['A3']).toEqual({ Tier: 'Bronze', Region: 'APAC' });
  });

  it('keeps a header named like a canonical column it does not fill as `<header> (custom)`, and says so', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'deals.csv', 'account_id,Company,SEGMENT \nA1,Acme,Enterprise\n');
    const report = await importCsv(project.db, file, {
      kind: 'accounts',
      mapping: { columns: { account_id: 'account_id', name: 'Company' }, complete: true },
    });
    expect(report.customFields).toEqual(['SEGMENT (custom)']);
    expect(report.issues).toContainEqual(
      expect.objectContaining({
        line: 1,
        column: 'SEGMENT',
        severity: 'warning',
        reason: expect.stringMatching(/name of the accounts column `segment` but is not mapped to it/),
      }),
    );
    expect(customOf(project, 'accounts', 'account_id')).toEqual({ A1: { 'SEGMENT (custom)': 'Enterprise' } });
  });

  it(`keeps at most ${MAX_CUSTOM_FIELDS} custom fields per kind, across imports, and names the ignored columns`, async () => {
    const { project, dir } = newProject();
    const names = Array.from({ length: 70 }, (_, i) => `extra_${i + 1}`);
    const first = writeFixture(
      dir,
      'wide.csv',
      `touchpoint_id,account_id,occurred_at,channel,${names.join(',')}\n` +
        `T1,A1,2024-01-01,web,${names.map((_, i) => `v${i + 1}`).join(',')}\n`,
    );
    const report = await importCsv(project.db, first, { kind: 'touchpoints' });
    expect(report.rowsImported).toBe(1);
    expect(report.customFields).toEqual(names.slice(0, MAX_CUSTOM_FIELDS));
    expect(report.ignoredHeaders).toEqual(names.slice(MAX_CUSTOM_FIELDS));
    expect(report.issues.filter((issue) => /already has 64 custom fields/.test(issue.reason))).toHaveLength(6);
    const stored = customOf(project, 'touchpoints', 'touchpoint_id')['T1'] ?? {};
    expect(Object.keys(stored)).toHaveLength(MAX_CUSTOM_FIELDS);
    expect(stored['extra_64']).toBe('v64');
    // A later file may still fill the fields the kind has, but adds no new one.
    const second = writeFixture(
      dir,
      'more.csv',
      'touchpoint_id,account_id,occurred_at,channel,extra_2,brand_new\n' + 'T2,A1,2024-01-02,web,x,y\n',
    );
    const again = await importCsv(project.db, second, { kind: 'touchpoints' });
    expect(again.customFields).toEqual(['extra_2']);
    expect(again.ignoredHeaders).toEqual(['brand_new']);
    expect(readCustomFields(project.db, 'touchpoints')).toHaveLength(MAX_CUSTOM_FIELDS);
  });

  it(`cuts a value over ${MAX_CUSTOM_VALUE} characters with a warning and imports the row`, async () => {
    const { project, dir } = newProject();
    const long = 'x'.repeat(10 * 1024);
    const file = writeFixture(dir, 'notes.csv', `contact_id,email,Notes\nC1,ann@acme.com,${long}\n`);
    const report = await importCsv(project.db, file, { kind: 'contacts' });
    expect(report).toMatchObject({ rowsImported: 1, rowsRejected: 0, warnings: 1 });
    expect(report.issues[0]).toMatchObject({ line: 2, column: 'Notes', severity: 'warning' });
    expect(report.issues[0]?.reason).toMatch(/cut to its first 1000 characters/);
    expect(customOf(project, 'contacts', 'contact_id')['C1']?.['Notes']).toBe('x'.repeat(MAX_CUSTOM_VALUE));
  });

  it('keeps a column named __proto__ like any other', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'odd.csv', 'member_id,__proto__\nM1,polluted?\n');
    const report = await importCsv(project.db, file, { kind: 'community_members' });
    expect(report.customFields).toEqual(['__proto__']);
    expect(project.db.prepare("SELECT json_extract(custom, '$.__proto__') FROM community_members").pluck().get()).toBe(
      'polluted?',
    );
  });

  it('ignores, and names, the extra columns of the kinds without custom fields', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'features.csv', 'feature_id,name,Owner\nF1,SSO,Ann\n');
    const report = await importCsv(project.db, file, { kind: 'features' });
    expect(report).toMatchObject({ rowsImported: 1, customFields: [], ignoredHeaders: ['Owner'] });
  });

  it('writes no custom field when nothing is written (dry run, strict mode with a rejected row)', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'a.csv', 'account_id,employees,Tier\nA1,10,Gold\nA2,many,Silver\n');
    const dry = await importCsv(project.db, file, { kind: 'accounts', dryRun: true });
    expect(dry.customFields).toEqual(['Tier']);
    const strict = await importCsv(project.db, file, { kind: 'accounts', strict: true });
    expect(strict.committed).toBe(false);
    expect(readCustomFields(project.db, 'accounts')).toEqual([]);
    expect(project.db.prepare('SELECT count(*) FROM accounts').pluck().get()).toBe(0);
  });

  it('shows the custom fields in the preview, under their names', () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'a.csv', 'account_id,Tier\nA1,Gold\n');
    const preview = previewImport(
      file,
      {
        kind: 'accounts',
        columns: { account_id: 'account_id' },
        formats: { dateOrder: 'iso', decimalComma: false },
      },
      20,
    );
    expect(preview.customFields).toEqual(['Tier']);
    expect(preview.rows[0]?.custom).toEqual({ Tier: 'Gold' });
  });
});

describe('scope choices (spec 9): what a report can be filtered by', () => {
  it('lists segments, the custom fields of deals then accounts with their values, most common first, and the dates', async () => {
    const { project, dir } = newProject();
    expect(scopeChoices(project.db)).toEqual({ segments: [], fields: [], dates: null });
    await importCsv(
      project.db,
      writeFixture(dir, 'a.csv', 'account_id,segment,Region,Tier\nA1,SMB,EMEA,Gold\nA2,,APAC,\nA3,SMB,EMEA,\n'),
      { kind: 'accounts' },
    );
    await importCsv(
      project.db,
      writeFixture(
        dir,
        'o.csv',
        'opportunity_id,account_id,stage,amount,created_at,closed_at,Tier\nO1,A1,won,5,2024-02-01,2024-03-05,Silver\n',
      ),
      { kind: 'opportunities' },
    );
    expect(scopeChoices(project.db)).toEqual({
      segments: ['', 'SMB'],
      fields: [
        { field: 'Tier', kind: 'opportunities', values: ['Silver'], more: false },
        { field: 'Region', kind: 'accounts', values: ['EMEA', 'APAC'], more: false },
      ],
      dates: { first: '2024-02-01', latest: '2024-03-05' },
    });
  });
});

describe('open opportunities without an amount (data.md): unvalued pipeline', () => {
  const DEALS = [
    'opportunity_id,account_id,stage,amount,created_at,closed_at',
    'O1,A1,open,,2024-03-01,',
    'O2,A1,won,,2024-03-01,2024-03-20',
    'O3,A1,open,500,2024-03-01,',
    'O4,A1,lost,,2024-03-01,2024-03-20',
  ].join('\n');

  it('imports an open deal with a blank amount as 0, flagged, and refuses a closed one', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'deals.csv', DEALS);
    const report = await importCsv(project.db, file, { kind: 'opportunities' });
    expect(report).toMatchObject({ rowsImported: 2, rowsRejected: 2 });
    expect(report.issues.map(({ line, column, reason }) => [line, column, reason])).toEqual([
      [3, 'amount', 'a won opportunity needs an amount'],
      [5, 'amount', 'a lost opportunity needs an amount'],
    ]);
    expect(report.notes).toContain(
      '1 open opportunity in the project has no amount yet: unvalued pipeline, counted as 0.',
    );
    expect(
      project.db.prepare('SELECT opportunity_id, amount, amount_missing FROM opportunities ORDER BY 1').all(),
    ).toEqual([
      { opportunity_id: 'O1', amount: 0, amount_missing: 1 },
      { opportunity_id: 'O3', amount: 500, amount_missing: 0 },
    ]);
  });

  it('clears the flag when a later export values the deal', async () => {
    const { project, dir } = newProject();
    await importCsv(project.db, writeFixture(dir, 'd1.csv', DEALS), { kind: 'opportunities' });
    const valued = writeFixture(
      dir,
      'd2.csv',
      'opportunity_id,account_id,stage,amount,created_at\nO1,A1,open,750,2024-03-01\n',
    );
    const report = await importCsv(project.db, valued, { kind: 'opportunities' });
    expect(report.notes.some((note) => /unvalued/.test(note))).toBe(false);
    expect(
      project.db.prepare("SELECT amount, amount_missing FROM opportunities WHERE opportunity_id = 'O1'").get(),
    ).toEqual({
      amount: 750,
      amount_missing: 0,
    });
  });

  it('still needs an amount column in the file', async () => {
    const { project, dir } = newProject();
    const file = writeFixture(dir, 'd.csv', 'opportunity_id,account_id,stage,created_at\nO1,A1,open,2024-03-01\n');
    await expect(importCsv(project.db, file, { kind: 'opportunities' })).rejects.toThrow(/no column for amount/);
  });
});
