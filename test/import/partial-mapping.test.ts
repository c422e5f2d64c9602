import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importCsv, type ImportOptions } from '../../src/main/import/run';
import type { Project } from '../../src/main/store/project';
import { useApiSession } from '../helpers/api';
import { runCliCaptured } from '../helpers/cliIo';
import { queryProject, useTempDir } from '../helpers/files';
import { useNewProject } from '../helpers/projects';
import { writeFixture } from './fixtures';

const tempDir = useTempDir();
const apiSession = useApiSession();
const createdProject = useNewProject();
const newProject = (dir: string): Project => createdProject({ name: 'Mappings', dir });

/** The mapping file in README.md's "Importing data": it names only the columns whose headers are not canonical. */
const README_MAPPING = {
  columns: { opportunity_id: 'Deal', stage: 'Status', amount: 'Value' },
  stageValues: { Signed: 'won' },
  typeValues: { Expansion: 'upgrade' },
} satisfies ImportOptions['mapping'];

const DEALS = [
  'Deal,account_id,name,type,Status,Value,created_at,closed_at',
  'D1,A1,Acme - New,new_business,Signed,1200,2024-03-01,2024-03-20',
  'D2,A1,Acme - More seats,Expansion,lost,800,2024-04-01,2024-04-15',
].join('\n');

const STORED_DEALS = [
  { opportunity_id: 'D1', account_id: 'A1', name: 'Acme - New', type: 'new_business', stage: 'won', amount: 1200 },
  { opportunity_id: 'D2', account_id: 'A1', name: 'Acme - More seats', type: 'upgrade', stage: 'lost', amount: 800 },
];

const DEALS_COLUMNS = {
  opportunity_id: 'Deal',
  account_id: 'account_id',
  name: 'name',
  type: 'type',
  stage: 'Status',
  amount: 'Value',
  created_at: 'created_at',
  closed_at: 'closed_at',
};

const STORED_SQL = 'SELECT opportunity_id, account_id, name, type, stage, amount FROM opportunities ORDER BY 1';

describe('a mapping that names only some columns', () => {
  it("imports README's example: the columns it names from their headers, every other one auto-mapped", async () => {
    const dir = tempDir();
    const project = newProject(dir);
    const report = await importCsv(project.db, writeFixture(dir, 'deals.csv', DEALS), {
      kind: 'opportunities',
      mapping: README_MAPPING,
    });
    expect(report).toMatchObject({ committed: true, rowsImported: 2, rowsRejected: 0, ignoredHeaders: [] });
    expect(report.mapping.columns).toEqual(DEALS_COLUMNS);
    expect(project.db.prepare(STORED_SQL).all()).toEqual(STORED_DEALS);
  });

  it('imports it with `tributary import --mapping`, and saves the whole mapping for the next file', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.sqlite');
    const file = writeFixture(dir, 'deals.csv', DEALS);
    const mappingFile = join(dir, 'my-crm.json');
    writeFileSync(mappingFile, JSON.stringify(README_MAPPING));
    const env = { TRIBUTARY_HOME: dir };

    const result = await runCliCaptured(['import', project, 'opportunities', file, '--mapping', mappingFile], env);
    expect(result.err).not.toMatch(/no column for/);
    expect(result).toMatchObject({
      code: 0,
      out: 'Imported 2 opportunities rows from deals.csv: 2 read, 0 rejected, 0 warnings.\n',
    });
    expect(queryProject(project, STORED_SQL)).toEqual(STORED_DEALS);
    // What is saved is the mapping the import used, complete, so the next file maps exactly the same way.
    const saved = queryProject(project, 'SELECT name, mapping_json FROM mappings') as {
      name: string;
      mapping_json: string;
    }[];
    expect(saved.map(({ name, mapping_json }) => [name, JSON.parse(mapping_json).columns])).toEqual([
      ['my-crm', DEALS_COLUMNS],
    ]);

    const next = writeFixture(
      dir,
      'deals-2.csv',
      'closed_at,created_at,Value,Status,type,name,account_id,Deal\n2024-05-20,2024-05-01,300,Signed,Expansion,Acme - Add-on,A1,D3\n',
    );
    expect((await runCliCaptured(['import', project, 'opportunities', next], env)).code).toBe(0);
    expect(queryProject(project, STORED_SQL.replace('ORDER BY 1', "WHERE opportunity_id = 'D3'"))).toEqual([
      { opportunity_id: 'D3', account_id: 'A1', name: 'Acme - Add-on', type: 'upgrade', stage: 'won', amount: 300 },
    ]);
  });

  it("never fills a second column from a header the mapping already gave one, even that column's own name", async () => {
    // Accounts keyed by their domain: `domain` is account_id's header here, so the domain column falls to the next
    // header that fits it (the recognised `Website`) instead of reading `domain` twice.
    const dir = tempDir();
    const project = newProject(dir);
    const file = writeFixture(dir, 'accounts.csv', 'domain,name,Website\nacme.com,Acme,https://shop.acme.io/\n');
    const report = await importCsv(project.db, file, {
      kind: 'accounts',
      mapping: { columns: { account_id: 'domain' } },
    });
    expect(report).toMatchObject({ committed: true, rowsImported: 1, ignoredHeaders: [] });
    expect(report.mapping.columns).toEqual({ account_id: 'domain', name: 'name', domain: 'Website' });
    expect(project.db.prepare('SELECT account_id, name, domain FROM accounts').all()).toEqual([
      { account_id: 'acme.com', name: 'Acme', domain: 'shop.acme.io' },
    ]);

    // With no other header for it, the column stays unmapped.
    const contacts = writeFixture(dir, 'contacts.csv', 'email,first_name,account_id\nann@acme.com,Ann,acme.com\n');
    const byEmail = await importCsv(project.db, contacts, {
      kind: 'contacts',
      mapping: { columns: { contact_id: 'email' } },
    });
    expect(byEmail.mapping.columns).toEqual({
      contact_id: 'email',
      first_name: 'first_name',
      account_id: 'account_id',
    });
    expect(project.db.prepare('SELECT contact_id, email, first_name, account_id FROM contacts').all()).toEqual([
      { contact_id: 'ann@acme.com', email: null, first_name: 'Ann', account_id: 'acme.com' },
    ]);
  });
});

describe('a complete mapping', () => {
  it('keeps a column unmapped in the wizard out of the import, and its saved mapping out of the next file', async () => {
    const { dir, call, jobs, session } = await apiSession('Wizard');
    const headers = 'opportunity_id,account_id,name,stage,amount,created_at';
    const file = writeFixture(dir, 'deals.csv', `${headers}\nD1,A1,Acme - New,open,1200,2024-03-01\n`);
    const inspection = await call('import:inspect', { path: file });
    expect(inspection.mapping.columns).toMatchObject({ name: 'name' });
    // The user unmaps the optional name in the wizard (stores/import.ts setColumn(name, null) drops the key).
    const { name: _unmapped, ...columns } = inspection.mapping.columns;
    const mapping = { ...inspection.mapping, columns };
    const { jobId } = await call('import:start', { path: file, mapping, saveMappingAs: 'No names' });
    expect(await jobs.settled(jobId)).toMatchObject({
      state: 'done',
      report: { rowsImported: 1, mapping: { columns } },
    });

    // The saved mapping cannot tell "deliberately unmapped" from "left out", so it is read as the whole mapping.
    const db = session.require().db;
    const next = writeFixture(dir, 'deals-2.csv', `${headers}\nD2,A1,Acme - More,open,300,2024-05-01\n`);
    expect(await call('import:inspect', { path: next })).toMatchObject({
      savedMappingName: 'No names',
      mapping: { columns },
    });
    const report = await importCsv(db, next, { kind: 'opportunities' });
    expect(report.mapping.columns).toEqual(columns);
    expect(db.prepare('SELECT opportunity_id, name FROM opportunities ORDER BY 1').all()).toEqual([
      { opportunity_id: 'D1', name: null },
      { opportunity_id: 'D2', name: null },
    ]);
  });
});
