import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { CREDITS_HEADER } from '../../src/main/export/creditsCsv';
import type { DataKind } from '../../src/shared/kinds';
import { useApiSession } from '../helpers/api';
import { writeFixture } from '../import/fixtures';

const apiSession = useApiSession();

function parseCsv(path: string): string[][] {
  const parsed = Papa.parse<string[]>(readFileSync(path, 'utf8').trimEnd(), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

const HOSTILE = {
  project: 'Acme &amp; <b>Co</b>',
  channel: '<script>alert(1)</script>',
  campaign: '" onmouseover="alert(1)',
  formula: '=HYPERLINK("http://evil.example","x")',
};

type Session = Awaited<ReturnType<typeof apiSession>>;

async function importCsv({ dir, call, jobs }: Session, kind: DataKind, content: string): Promise<void> {
  const file = writeFixture(dir, `${kind}.csv`, content);
  const inspection = await call('import:inspect', { path: file, kind });
  const { jobId } = await call('import:start', { path: file, mapping: inspection.mapping });
  expect((await jobs.settled(jobId)).state).toBe('done');
}

const csvCell = (value: string) => `"${value.replace(/"/g, '""')}"`;

/** A small project whose names try to break out of HTML and CSV, imported the way a user would. */
async function hostileProject(): Promise<Session> {
  const session = await apiSession(HOSTILE.project);
  await importCsv(
    session,
    'accounts',
    `account_id,name\nA1,${csvCell(HOSTILE.channel)}\nA2,${csvCell(HOSTILE.formula)}\n`,
  );
  await importCsv(
    session,
    'opportunities',
    'opportunity_id,account_id,stage,amount,created_at,closed_at\n' +
      'O1,A1,won,1000,2024-03-01,2024-04-01\nO2,A2,won,500,2024-03-05,2024-04-10\nO3,A2,won,250,2024-05-01,2024-05-02\n',
  );
  await importCsv(
    session,
    'touchpoints',
    'touchpoint_id,account_id,occurred_at,channel,campaign\n' +
      `T1,A1,2024-02-01,${csvCell(HOSTILE.channel)},${csvCell(HOSTILE.campaign)}\n` +
      `T2,A1,2024-02-10,${csvCell(HOSTILE.formula)},${csvCell(HOSTILE.formula)}\n` +
      `T3,A2,2024-02-15,-negative,@mention\n`,
  );
  return session;
}

const MONEY_TOLERANCE = 1e-6;

describe('export:credits', () => {
  it.each(['full-path', 'linear', 'time-decay', 'markov'] as const)(
    'writes per-touch credits that sum to the attributed revenue (%s)',
    async (model) => {
      const session = await apiSession('Credits');
      generateDemo(session.session.require().db, { scale: 3000, seed: 5 });
      const options = { model };
      const result = await session.call('export:credits', { options });
      expect(result.fileName).toBe(`credits-${model}.csv`);
      expect(result.path).toBeNull();
      const file = session.downloads.lookup(result.downloadId ?? '');
      expect(file).not.toBeNull();
      const [header, ...rows] = parseCsv(file!.path);
      expect(header).toEqual(CREDITS_HEADER);
      expect(rows.length).toBe(result.rows);
      const { attribution } = await session.call('model:run', { options });
      const touched = rows.filter((row) => row[1] !== '');
      const sum = (list: string[][]) => list.reduce((total, row) => total + Number(row[6]), 0);
      expect(Math.abs(sum(touched) - attribution.attributed)).toBeLessThan(MONEY_TOLERANCE * attribution.revenue);
      expect(Math.abs(sum(rows) - attribution.revenue)).toBeLessThan(MONEY_TOLERANCE * attribution.revenue);
      expect(rows.filter((row) => row[1] === '').length).toBe(attribution.unattributedDeals);
    },
  );

  it('writes to a chosen path in the desktop app, and neutralises formula-like names', async () => {
    const session = await hostileProject();
    const path = join(session.dir, 'mine.csv');
    const result = await session.call('export:credits', { options: { model: 'linear' }, path });
    expect(result).toMatchObject({ path, downloadId: null, rows: 4 });
    const rows = parseCsv(path).slice(1);
    const channels = rows.map((row) => row[3]);
    expect(channels).toContain(`'${HOSTILE.formula}`);
    expect(channels).toContain(`'-negative`);
    expect(channels).toContain(HOSTILE.channel);
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r\n]/);
  });

  it('keeps only the newest few downloads', async () => {
    const session = await apiSession('Few');
    generateDemo(session.session.require().db, { scale: 500, seed: 2 });
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) {
      ids.push((await session.call('export:credits', { options: {} })).downloadId as string);
    }
    expect(session.downloads.lookup(ids[0] as string)).toBeNull();
    expect(session.downloads.lookup(ids[3] as string)).not.toBeNull();
  });
});

describe('export:report', () => {
  it('summarises the scenario with every setting, and escapes every name', async () => {
    const session = await hostileProject();
    const options = {
      model: 'custom',
      weights: { FT: 1, LC: 1, OC: 0, CW: 2, MID: 0 },
      halfLifeDays: 9,
      lookbackDays: 120,
      upgradePolicy: 'account-lifetime',
      markovOrder: 2,
      referralWindowDays: 90,
      roadmapShare: 0.25,
    };
    const { fileName, html } = await session.call('export:report', { options, locale: 'en-US' });
    expect(fileName).toBe('report-custom.html');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
    expect(html).toContain('Custom weights (custom)');
    expect(html).toContain('FT 25%, LC 25%, OC 0%, CW 50%, MID 0%');
    for (const setting of ['9 days', '120 days', 'account-lifetime', '90 days', 'Roadmap share</th><td>25%']) {
      expect(html).toContain(setting);
    }
    expect(html).toContain('Markov order</th><td>2');
    expect(html).toContain('Scope: all time (every opportunity).');
    const scoped = await session.call('export:report', {
      options: { ...options, scope: { from: '2024-01-01', types: ['upgrade'] } },
      locale: 'en-US',
    });
    expect(scoped.html).toContain(
      'Scope: 2024-01-01 to the end; type upgrade. Every figure below covers the opportunities in this scope only.',
    );
    for (const heading of [
      'Headline figures',
      'CAR by category',
      'Top channels',
      'Top campaigns',
      'Churn comparison',
    ]) {
      expect(html).toContain(heading);
    }
    expect(html).toContain('$1,750');
    // Names arrive as text only.
    expect(html).toContain('Acme &amp;amp; &lt;b&gt;Co&lt;/b&gt;');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&quot; onmouseover=&quot;alert(1)');
    expect(html).not.toMatch(/<script|<b>|onmouseover="/i);
  });
});
