import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTributary } from '../helpers/cli';
import { runCliCaptured } from '../helpers/cliIo';
import { keepsSnapshot, queryProject, useTempDir } from '../helpers/files';
import { SALESFORCE_OPPORTUNITIES, writeFixture } from './fixtures';

const tempDir = useTempDir();

function tributary(args: string[], home: string) {
  return runTributary(args, { ...process.env, TRIBUTARY_HOME: home });
}

describe('tributary import', () => {
  it('creates the project, imports a Salesforce export and exits 0', async () => {
    const dir = tempDir();
    const project = join(dir, 'client.sqlite');
    const file = writeFixture(dir, 'opps.csv', SALESFORCE_OPPORTUNITIES);
    const result = await tributary(['import', project, 'opportunities', file], dir);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toBe('Imported 5 opportunities rows from opps.csv: 5 read, 0 rejected, 0 warnings.\n');
    expect(result.stderr).toContain('note: kept as custom fields: "Lead Source"');
    expect(queryProject(project, "SELECT count(*) AS n FROM opportunities WHERE stage = 'won'")).toEqual([{ n: 3 }]);
    // The engine's arrays are kept in the project, so its first open anywhere reads them instead of the tables.
    expect(keepsSnapshot(project)).toBe(true);
    const check = await tributary(['check', project], dir);
    expect(check.code).toBe(0);
  });

  it('exits 3 and lists rejected rows on stderr with line, column and reason', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.sqlite');
    const file = writeFixture(dir, 'accounts.csv', 'account_id,employees\nA1,10\nA2,lots\nA3,5\n');
    const result = await tributary(['import', project, 'accounts', file], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('rejected: accounts.csv: line 3, column "employees": ');
    expect(result.stdout).toContain('Imported 2 accounts rows');
    expect(queryProject(project, 'SELECT account_id FROM accounts ORDER BY 1')).toEqual([
      { account_id: 'A1' },
      { account_id: 'A3' },
    ]);
  });

  it('imports nothing with --strict when a row is rejected', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.sqlite');
    const file = writeFixture(dir, 'accounts.csv', 'account_id,employees\nA1,10\nA2,lots\n');
    const result = await tributary(['import', project, 'accounts', file, '--strict'], dir);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('Nothing imported: --strict and 1 of 2 rows of accounts.csv was rejected.');
    expect(queryProject(project, 'SELECT count(*) AS n FROM accounts')).toEqual([{ n: 0 }]);
    expect(queryProject(project, 'SELECT count(*) AS n FROM imports')).toEqual([{ n: 0 }]);
    expect(queryProject(project, 'SELECT count(*) AS n FROM engine_snapshot')).toEqual([{ n: 0 }]);
  });

  it('reads --day-first and --decimal-comma, and a mapping file it then saves for the same headers', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.sqlite');
    const csv = 'Deal;Company;Status;Value;Opened;Closed\nD1;A1;Signed;1.250,50;02/03/2024;04/03/2024\n';
    const file = writeFixture(dir, 'deals.csv', csv);
    const mapping = join(dir, 'my-crm.json');
    writeFileSync(
      mapping,
      JSON.stringify({
        columns: {
          opportunity_id: 'Deal',
          account_id: 'Company',
          stage: 'Status',
          amount: 'Value',
          created_at: 'Opened',
          closed_at: 'Closed',
        },
        stageValues: { signed: 'won' },
      }),
    );
    const args = ['import', project, 'opportunities', file, '--day-first', '--decimal-comma'];
    const result = await tributary([...args, '--mapping', mapping], dir);
    expect(result.code).toBe(0);
    expect(queryProject(project, 'SELECT stage, amount, created_at FROM opportunities')).toEqual([
      { stage: 'won', amount: 1250.5, created_at: Date.UTC(2024, 2, 2, 23, 59, 59, 999) },
    ]);
    expect(queryProject(project, 'SELECT name, kind FROM mappings')).toEqual([
      { name: 'my-crm', kind: 'opportunities' },
    ]);

    // The next export with the same headers maps itself, formats and stage words included.
    const next = writeFixture(
      dir,
      'deals-2.csv',
      'Value;Deal;Company;Status;Opened;Closed\n2.000,00;D2;A1;Signed;05/03/2024;06/03/2024\n',
    );
    expect((await tributary(['import', project, 'opportunities', next], dir)).code).toBe(0);
    expect(
      queryProject(project, "SELECT stage, amount, created_at FROM opportunities WHERE opportunity_id = 'D2'"),
    ).toEqual([{ stage: 'won', amount: 2000, created_at: Date.UTC(2024, 2, 5, 23, 59, 59, 999) }]);
  });

  it.each([
    [['import', 'p.sqlite', 'deals', 'x.csv'], /unknown kind "deals"; the kinds are accounts, contacts/],
    [['import', 'p.sqlite', 'accounts'], /import needs <project> <kind> <file.csv>/],
    [['import', 'p.sqlite', 'accounts', 'x.csv', '--sloppy'], /unknown option --sloppy/],
  ])('exits 2 for bad usage %j', async (args, message) => {
    const dir = tempDir();
    const result = await tributary(
      args.map((arg) => (arg.includes('.') ? join(dir, arg) : arg)),
      dir,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(existsSync(join(dir, 'p.sqlite'))).toBe(false);
  });

  it('exits 1 with the reason for a file it cannot read, and a bad mapping file', async () => {
    const dir = tempDir();
    const project = join(dir, 'p.sqlite');
    const missing = await tributary(['import', project, 'accounts', join(dir, 'nope.csv')], dir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('No file at');
    expect(existsSync(project)).toBe(false);
    const empty = await tributary(['import', project, 'accounts', writeFixture(dir, 'empty.csv', '')], dir);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain('empty.csv is empty');
    expect(existsSync(project)).toBe(false);
    const file = writeFixture(dir, 'a.csv', 'account_id\nA1\n');
    const badMapping = writeFixture(dir, 'm.json', '{"columns": {"account_id": 5}}');
    const bad = await tributary(['import', project, 'accounts', file, '--mapping', badMapping], dir);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/mapping file .*m\.json is not a mapping: columns\.account_id/);
  });
});

describe('tributary import, in-process', () => {
  it('warns about a misspelt header, naming the column it was likely meant for, and counts the warning', async () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'accounts.csv', 'account_id,name,domian\nA1,Acme,acme.com\n');
    const run = await runCliCaptured(['import', join(dir, 'p.sqlite'), 'accounts', file], { TRIBUTARY_HOME: dir });
    expect(run.code).toBe(0);
    expect(run.err).toContain(
      'warning: accounts.csv: line 1, column "domian": column `domian` is not mapped: did you mean `domain`?\n',
    );
    expect(run.out).toBe('Imported 1 accounts row from accounts.csv: 1 read, 0 rejected, 1 warning.\n');
  });
});
