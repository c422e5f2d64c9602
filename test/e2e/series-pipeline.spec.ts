import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

async function openModelTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
}

const dollars = (text: string) => Number(text.replace(/[^\d.-]/g, ''));

test('over time: quarters as stacked bars and a table that sums to the cards, downloaded as CSV', async ({
  page,
  browserMode,
}, testInfo) => {
  await openModelTab(page, browserMode.url);
  const wonRevenue = dollars(await page.getByRole('group', { name: 'Won revenue' }).locator('.card-value').innerText());
  expect(wonRevenue).toBeGreaterThan(0);

  const series = page.getByRole('region', { name: 'Over time' });
  await series.getByRole('radio', { name: 'Quarter' }).check();
  await expect(series.locator('.series-body')).toHaveAttribute('data-by', 'quarter');
  await expect(series).toHaveAttribute('aria-busy', 'false');
  const table = series.getByRole('table', { name: 'Figures by quarter' });
  await expect(table.getByRole('rowheader', { name: '2025-Q4', exact: true })).toBeVisible();
  await expect(series.locator('svg rect.series-bar').first()).toBeVisible();
  expect(await series.locator('svg rect.series-bar').count()).toBeGreaterThan(1);
  await series.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('series-quarter.png'), fullPage: true });

  // The buckets partition the scope: their won revenue adds up to the card's (each rounded to whole dollars).
  const cells = await table.locator('tbody tr td:nth-of-type(1)').allInnerTexts();
  const rows = cells.length;
  expect(rows).toBeGreaterThan(1);
  const sum = cells.reduce((total, cell) => total + dollars(cell), 0);
  expect(Math.abs(sum - wonRevenue)).toBeLessThanOrEqual(rows);
  // A regular expression: text matches ignore case, and a requester named Tanaka holds "nan".
  await expect(page.getByText(/\bNaN\b/)).toHaveCount(0);

  const pending = page.waitForEvent('download');
  await series.getByRole('button', { name: 'Download CSV' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('Tributary Demo over time by quarter.csv');
  const text = readFileSync(await download.path(), 'utf8');
  const [header, ...csvRows] = Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: true }).data;
  expect(header).toEqual(['bucket', 'won_revenue', 'attributed', 'car_attributed', 'car_influenced', 'car_sourced']);
  expect(csvRows).toHaveLength(rows);
  expect(csvRows.map((row) => row[0])).toContain('2025-Q4');
  const csvSum = csvRows.reduce((total, row) => total + Number(row[1]), 0);
  expect(Math.abs(csvSum - wonRevenue)).toBeLessThanOrEqual(1);
});

test('pipeline: open deals apart from revenue, as of a date the user can move back', async ({
  page,
  browserMode,
}, testInfo) => {
  await openModelTab(page, browserMode.url);
  await page.getByRole('radiogroup', { name: 'Figures' }).getByRole('radio', { name: 'Pipeline' }).check();

  const pipeline = page.getByRole('region', { name: 'Pipeline', exact: true });
  const open = pipeline.getByRole('group', { name: 'Open pipeline' });
  await expect(open).toContainText('$');
  await expect(open).toContainText(/open deals?, [\d,]+ not yet valued/);
  await expect(pipeline.getByRole('group', { name: 'Community-attributed pipeline' })).toBeVisible();
  await expect(pipeline.getByRole('group', { name: 'Sourced pipeline' })).toBeVisible();
  await expect(pipeline.getByRole('table', { name: 'Pipeline credit by channel' })).toBeVisible();
  // The pipeline's own flows chart, ending in "Open pipeline", and its breakdowns, a custom field among them.
  const flows = pipeline.getByRole('region', { name: 'Pipeline flows' });
  await expect(flows.locator('svg path').first()).toBeVisible();
  await expect(flows.locator('svg text').filter({ hasText: 'Open pipeline' })).toHaveCount(1);
  const breakdown = pipeline.getByRole('region', { name: 'Pipeline credit by channel and campaign' });
  await breakdown.getByRole('radio', { name: 'Custom field' }).check();
  await breakdown.getByRole('combobox', { name: 'Field' }).selectOption('Lead Source');
  await expect(breakdown.getByRole('table', { name: 'Pipeline credit by Lead Source' })).toBeVisible();
  const pending = page.waitForEvent('download');
  await breakdown.getByRole('button', { name: 'Download CSV' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toMatch(/pipeline credit by Lead Source\.csv$/);
  const [header, ...csvRows] = Papa.parse<string[]>(readFileSync(await download.path(), 'utf8').trimEnd()).data;
  expect(header).toEqual(['Lead Source', 'pipeline_credit', 'share_of_attributed', 'touches']);
  const attributed = await pipeline
    .getByRole('group', { name: 'Attributed pipeline', exact: true })
    .locator('.card-value')
    .innerText();
  const csvTotal = csvRows.reduce((total, row) => total + Number(row[1]), 0);
  expect(Math.abs(csvTotal - Number(attributed.replace(/[^\d.]/g, '')))).toBeLessThanOrEqual(1);
  await breakdown.getByRole('radio', { name: 'Channel' }).check();
  // Pipeline is never shown as revenue: no revenue card and no revenue flows beside it.
  await expect(page.getByRole('group', { name: 'Won revenue' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Revenue flows' })).toHaveCount(0);

  const asOf = pipeline.getByRole('textbox', { name: 'As of' });
  await expect(asOf).toHaveValue('2025-12-31');
  await expect(pipeline.locator('.pipeline-body')).toHaveAttribute('data-as-of', '2025-12-31');
  await page.screenshot({ path: testInfo.outputPath('pipeline.png'), fullPage: true });

  const openDeals = async () => {
    await expect(pipeline).toHaveAttribute('aria-busy', 'false');
    const hint = await open.locator('.card-hint').innerText();
    return Number(/^([\d,]+) open/.exec(hint)?.[1]?.replaceAll(',', ''));
  };
  const latest = await openDeals();
  expect(latest).toBeGreaterThan(0);

  await asOf.fill('2025-06-30');
  await expect(pipeline.locator('.pipeline-body')).toHaveAttribute('data-as-of', '2025-06-30');
  await expect.poll(openDeals).toBeLessThan(latest);

  // Before the data begins no deal is open yet: the page says so, with no zero cards and no NaN.
  await asOf.fill('2000-01-01');
  await expect(pipeline.locator('.scope-empty')).toHaveText('No open deal in this scope as of 2000-01-01.');
  await expect(open).toHaveCount(0);
  await expect(pipeline).not.toContainText('NaN');

  // Back to revenue: the cards are there again, as before.
  await page.getByRole('radiogroup', { name: 'Figures' }).getByRole('radio', { name: 'Revenue' }).check();
  await expect(page.getByRole('group', { name: 'Won revenue' })).toBeVisible();
});
