import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { useApiSession } from '../helpers/api';
import { HUBSPOT_DEALS, writeFixture } from './fixtures';

const apiSession = useApiSession();
const setup = () => apiSession('Wizard');

describe('import through the API, in a worker thread', () => {
  it('inspects, previews, validates without writing, imports, and reports history and issues', async () => {
    const { dir, call, jobs } = await setup();
    const file = writeFixture(
      dir,
      'deals.csv',
      `${HUBSPOT_DEALS}\n9005,Bad,closedwon,newbusiness,"=1+1",2024-03-01,2024-03-02,503\n`,
    );

    const inspection = await call('import:inspect', { path: file });
    expect(inspection).toMatchObject({ kind: 'opportunities', delimiter: ',', savedMappingName: null });
    expect(inspection.mapping.columns).toMatchObject({
      opportunity_id: 'Record ID',
      stage: 'Deal Stage',
      amount: 'Amount',
    });
    expect(inspection.stageWords).toEqual(['appointmentscheduled', 'closedlost', 'closedwon']);

    const preview = await call('import:preview', { path: file, mapping: inspection.mapping, rows: 10 });
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]?.values?.[preview.columns.indexOf('amount')]).toBe(4500);
    expect(preview.rows[4]).toMatchObject({
      line: 6,
      values: null,
      issues: [{ column: 'Amount', severity: 'rejected' }],
    });

    const dry = await call('import:start', { path: file, mapping: inspection.mapping, dryRun: true });
    const validated = await jobs.settled(dry.jobId);
    expect(validated).toMatchObject({
      state: 'done',
      dryRun: true,
      report: { committed: false, rowsRead: 5, rowsRejected: 1 },
    });
    expect((await call('data:overview', {})).counts.opportunities).toBe(0);

    const real = await call('import:start', {
      path: file,
      mapping: inspection.mapping,
      saveMappingAs: 'HubSpot deals',
    });
    const imported = await jobs.settled(real.jobId);
    expect(imported).toMatchObject({ state: 'done', report: { committed: true, rowsImported: 4, rowsRejected: 1 } });
    expect(imported.progress?.rowsRead).toBe(5);
    expect((await call('data:overview', {})).counts.opportunities).toBe(4);

    const history = await call('import:history', {});
    expect(history).toMatchObject([{ kind: 'opportunities', fileName: 'deals.csv', rowsImported: 4, rowsRejected: 1 }]);
    const importId = history[0]?.importId as number;
    const issues = await call('import:issues', { importId });
    expect(issues).toMatchObject({ total: 1, rows: [{ line: 6, column: 'Amount', severity: 'rejected' }] });

    const { csv, fileName } = await call('import:issuesCsv', { importId });
    expect(fileName).toBe('deals-issues.csv');
    const parsed = Papa.parse<string[]>(csv.trim()).data;
    expect(parsed[0]).toEqual(['line', 'column', 'severity', 'reason']);
    expect(parsed[1]?.[0]).toBe('6');
    for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);

    // The saved mapping is found again for the same headers.
    expect(await call('import:inspect', { path: file })).toMatchObject({
      savedMappingName: 'HubSpot deals',
      mapping: { kind: 'opportunities' },
    });

    const page = await call('data:rows', { kind: 'opportunities', offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(page.rows.map((row) => row[page.columns.indexOf('opportunity_id')])).toEqual(['9002', '9003']);
    expect(
      (await call('data:overview', {})).orphans.find((o) => o.relation === 'opportunities.account_id')?.count,
    ).toBe(4);
  });

  it('cancels an import and leaves the project as it was', async () => {
    const { dir, call, jobs } = await setup();
    const lines = ['touchpoint_id,account_id,occurred_at,channel'];
    for (let i = 0; i < 300_000; i++) lines.push(`T${i},A${i % 500},2024-03-01T10:00:00Z,email`);
    const file = writeFixture(dir, 'touches.csv', lines.join('\n'));
    const inspection = await call('import:inspect', { path: file });
    const { jobId } = await call('import:start', { path: file, mapping: inspection.mapping });
    await expect(call('import:start', { path: file, mapping: inspection.mapping })).rejects.toThrow(
      /locked: An import is already running/,
    );
    await call('import:cancel', { jobId });
    const status = await jobs.settled(jobId);
    expect(status.state).toBe('cancelled');
    expect(status.error?.message).toMatch(/cancelled; nothing was imported/);
    expect((await call('data:overview', {})).counts.touchpoints).toBe(0);
    expect(await call('import:history', {})).toEqual([]);
  });

  it('answers a file problem at once, before any background work', async () => {
    const { dir, call } = await setup();
    const file = writeFixture(dir, 'empty.csv', '');
    const mapping = { kind: 'accounts', columns: {}, formats: { dateOrder: 'iso', decimalComma: false } };
    await expect(call('import:start', { path: file, mapping })).rejects.toThrow(/bad_request: empty.csv is empty/);
    await expect(call('import:start', { path: join(dir, 'missing.csv'), mapping })).rejects.toThrow(/not_found/);
  });
});
