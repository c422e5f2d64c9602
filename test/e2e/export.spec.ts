import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

async function openModelTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
}

async function downloadOf(page: Page, click: () => Promise<void>): Promise<{ download: Download; text: string }> {
  const pending = page.waitForEvent('download');
  await click();
  const download = await pending;
  return { download, text: readFileSync(await download.path(), 'utf8') };
}

function parseCsv(text: string): string[][] {
  const parsed = Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

/** A cell a spreadsheet would run as a formula; the neutralised form starts with an apostrophe instead. */
const DANGEROUS_START = /^[=+\-@\t\r\n]/;

const dollars = (text: string) => Number(text.replace(/[^\d.]/g, ''));

test('credits export as a CSV that parses, sums to the attributed revenue and runs no formula', async ({
  page,
  browserMode,
}, testInfo) => {
  await openModelTab(page, browserMode.url);
  const footer = await page.locator('.credit-breakdown p.muted.small').innerText();
  const attributed = dollars(/attributed revenue \(([^)]+)\)/.exec(footer)?.[1] ?? '');
  expect(attributed).toBeGreaterThan(0);

  const button = page.getByRole('button', { name: 'Export credits CSV' });
  const { download, text } = await downloadOf(page, () => button.click());
  expect(download.suggestedFilename()).toBe('credits-full-path.csv');
  await expect(page.getByRole('region', { name: 'Exports' }).getByRole('status')).toContainText('Exported');
  await expect(button).toBeEnabled();
  await page.getByRole('region', { name: 'Exports' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('model-exports.png') });

  const [header, ...rows] = parseCsv(text);
  expect(header).toEqual([
    'opportunity_id',
    'touch_kind',
    'touch_id',
    'channel',
    'channel_group',
    'positions',
    'credit',
  ]);
  expect(rows.length).toBeGreaterThan(0);
  const credited = rows.filter((row) => row[1] !== '');
  const sum = credited.reduce((total, row) => total + Number(row[6]), 0);
  // The screen rounds to whole dollars.
  expect(Math.abs(sum - attributed)).toBeLessThanOrEqual(1);
  // One assertion over every cell: Playwright's expect is too heavy to call per cell of ~100k.
  expect(rows.filter((row) => row.length !== 7)).toEqual([]);
  expect(rows.flat().filter((cell) => DANGEROUS_START.test(cell))).toEqual([]);
});

test('the summary report names the model and its settings; tables download as CSV', async ({ page, browserMode }) => {
  await openModelTab(page, browserMode.url);
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('time-decay');
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');

  const report = await downloadOf(page, () => page.getByRole('button', { name: 'Summary report' }).click());
  expect(report.download.suggestedFilename()).toBe('report-time-decay.html');
  expect(report.text).toContain('<h1>Tributary Demo</h1>');
  expect(report.text).toContain('Time decay (time-decay)');
  for (const setting of ['Time-decay half-life', '7 days', 'Lookback', 'unlimited', 'Referral window', '180 days']) {
    expect(report.text).toContain(setting);
  }
  expect(report.text).toContain('CAR by category');
  expect(report.text).not.toMatch(/<script/i);

  const table = await downloadOf(page, () =>
    page.getByRole('region', { name: 'CAR by category' }).getByRole('button', { name: 'Download CSV' }).click(),
  );
  expect(table.download.suggestedFilename()).toBe('Tributary Demo CAR by category.csv');
  const [header, ...rows] = parseCsv(table.text);
  expect(header).toEqual(['category', 'attributed', 'influenced', 'sourced']);
  expect(rows.map((row) => row[0])).toContain('Churn reduction');

  const credit = await downloadOf(page, () =>
    page
      .getByRole('region', { name: 'Credit by channel and campaign' })
      .getByRole('button', { name: 'Download CSV' })
      .click(),
  );
  expect(credit.download.suggestedFilename()).toBe('Tributary Demo credit by channel.csv');
  const creditRows = parseCsv(credit.text);
  expect(creditRows[0]).toEqual(['channel', 'credit', 'share_of_attributed', 'touches']);
  expect(creditRows.length).toBeGreaterThan(2);
  expect(creditRows.flat().filter((cell) => DANGEROUS_START.test(cell))).toEqual([]);

  // The roadmap table lists the largest opportunities; its CSV has every one the totals count.
  const roadmapRegion = page.getByRole('region', { name: 'Roadmap revenue at stake' });
  const counted = Number(
    /over ([\d,]+) opportunit/
      .exec(await roadmapRegion.locator('.roadmap-totals').innerText())?.[1]
      ?.replaceAll(',', ''),
  );
  const roadmap = await downloadOf(page, () => roadmapRegion.getByRole('button', { name: 'Download CSV' }).click());
  const roadmapRows = parseCsv(roadmap.text);
  expect(roadmapRows[0]).toEqual(['opportunity_id', 'amount', 'features', 'requested_by']);
  expect(roadmapRows.length - 1).toBe(counted);
  expect(counted).toBeGreaterThan(0);
});
