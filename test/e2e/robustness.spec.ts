import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Route } from '@playwright/test';
import { expect, money, openTab, test } from './fixtures';

test('the Model tab says how sure its figures are: ranges that follow the weights, a bootstrap, a CSV', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await openTab(page, 'Model');
  const panel = page.getByRole('region', { name: 'How sure is this?' });
  const channels = panel.getByRole('table', { name: 'Ranges by channel' });
  await expect(channels.getByRole('row').first()).toBeVisible();
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  expect(await channels.getByRole('row').count()).toBeGreaterThan(3);
  await expect(panel.getByRole('table', { name: 'Ranges of community-attributed revenue' })).toContainText(
    'Attributed CAR',
  );
  await expect(panel).toContainText('Across weightings within ±10 points');
  await expect(panel).toContainText('Across the built-in models');
  // The Attributed CAR card shows its ranges under the same options.
  await expect(page.getByRole('group', { name: 'Attributed CAR' })).toContainText(
    /\$[\d,]+–\$[\d,]+ across weightings within ±10 points; \$[\d,]+–\$[\d,]+ across models/,
  );
  await expect(panel).not.toContainText('NaN');
  await panel.screenshot({ path: testInfo.outputPath('robustness.png') });

  // The weights move: the bands of every channel are those of the new weights.
  const bands = () =>
    channels
      .locator('.robust-band')
      .evaluateAll((spans) =>
        spans.map((span) => `${span.getAttribute('data-low')}-${span.getAttribute('data-high')}`).join(' '),
      );
  const before = await bands();
  await page.getByRole('spinbutton', { name: 'MID weight value' }).fill('60');
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('custom');
  await expect.poll(bands).not.toBe(before);
  await expect(panel).toHaveAttribute('aria-busy', 'false');

  // The bootstrap runs with its progress and gives whiskers to every credited channel.
  await panel.getByRole('button', { name: 'Run bootstrap' }).click();
  await expect(panel.getByRole('button', { name: 'Run bootstrap' })).toBeVisible({ timeout: 60_000 });
  await expect(channels.locator('.robust-whisker').first()).toBeVisible();
  expect(await channels.locator('.robust-whisker').count()).toBe(await channels.getByRole('row').count());
  await expect(panel).toContainText('Across bootstrap resamples of the deals');

  // The CSV holds every figure with its three ranges, and parses.
  const pending = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download CSV' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('Tributary Demo robustness.csv');
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(await download.path(), 'utf8').trimEnd()).data;
  expect(header?.slice(0, 4)).toEqual(['figure', 'kind', 'value', 'near_min']);
  expect(header).toContain('interval_high');
  const attributed = rows.find((row) => row[0] === 'Attributed CAR');
  expect(attributed?.[1]).toBe('car');
  const [low, high] = [Number(attributed?.[15]), Number(attributed?.[16])];
  expect(low).toBeLessThanOrEqual(high);
  const card = money(await page.getByRole('group', { name: 'Attributed CAR' }).locator('.card-value').innerText());
  expect(Math.abs(Number(attributed?.[2]) - card)).toBeLessThanOrEqual(1);
  for (const row of rows.filter((r) => r[1] === 'channel')) {
    expect(Number(row[3]), row[0]).toBeLessThanOrEqual(Number(row[2]) + 1e-6);
    expect(Number(row[5]), row[0]).toBeGreaterThanOrEqual(Number(row[2]) - 1e-6);
  }

  // The summary report carries the ranges, with this bootstrap's intervals.
  const report = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Summary report' }).click();
  const html = readFileSync(await (await report).path(), 'utf8');
  expect(html).toContain('<h2>How sure is this?</h2>');
  expect(html).toContain('95% interval</th>');
  expect(html).toContain('200 bootstrap resamples');
});

test('a bootstrap can be cancelled', async ({ page, browserMode }) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await openTab(page, 'Model');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('markov');
  const panel = page.getByRole('region', { name: 'How sure is this?' });
  await expect(panel.getByRole('table', { name: 'Ranges by channel' })).toBeVisible();
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  // The panel's polls for progress are held until the user has cancelled: on a fast machine the demo's bootstrap
  // ends before a click lands, and the test would then be about the machine's speed instead of the cancel.
  const isStatus = (url: URL) => decodeURIComponent(url.pathname) === '/api/model:bootstrapStatus';
  const held: Route[] = [];
  await page.route(isStatus, (route) => void held.push(route));
  await panel.getByRole('button', { name: 'Run bootstrap' }).click();
  await panel.getByRole('button', { name: 'Cancel' }).click();
  await expect(panel).toContainText('Bootstrap cancelled.');
  // The progress that was on its way when the user cancelled arrives and changes nothing.
  await expect.poll(() => held.length).toBeGreaterThan(0);
  const answered = page.waitForResponse((response) => isStatus(new URL(response.url())));
  for (const route of held) await route.continue();
  await answered;
  await page.unroute(isStatus);
  await expect(panel).toContainText('Bootstrap cancelled.');
  await expect(panel.getByRole('button', { name: 'Run bootstrap' })).toBeVisible();
  await expect(panel.locator('.robust-whisker')).toHaveCount(0);
});
