import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openModelTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
}

/** A card's amount once the results answer the latest options (not while a newer request is pending). */
async function currentCardValue(page: Page, label: string): Promise<string> {
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
  return page.getByRole('group', { name: label }).locator('.card-value').innerText();
}

async function sankeyPaths(region: Locator): Promise<number> {
  await expect(region.locator('svg path').first()).toBeVisible();
  return region.locator('svg path').count();
}

test('the model tab recomputes CAR and flows as the options change', async ({ page, browserMode }, testInfo) => {
  await openModelTab(page, browserMode.url);
  const model = page.getByRole('combobox', { name: 'Model', exact: true });
  await expect(model).toHaveValue('full-path');
  await expect(page.getByRole('group', { name: 'Won revenue' })).toContainText('$');
  const initial = await currentCardValue(page, 'Attributed CAR');
  expect(initial).toMatch(/^\$[\d,]+$/);
  await expect(page.getByRole('spinbutton', { name: 'FT weight value' })).toHaveValue('22.5');
  await expect(page.locator('output[aria-label="FT share"]')).toHaveText('22.5%');
  await expect(page.getByRole('table', { name: 'CAR by category' })).toContainText('Churn reduction');
  await expect(page.getByRole('table', { name: 'CAR by category' })).toContainText('95% interval');

  const flows = page.getByRole('region', { name: 'Revenue flows' });
  expect(await sankeyPaths(flows)).toBeGreaterThan(3);
  await page.screenshot({ path: testInfo.outputPath('model-full-path.png'), fullPage: true });

  // Moving the OC weight of a preset makes the model custom, with the new weight normalised.
  await page.getByRole('spinbutton', { name: 'OC weight value' }).fill('60');
  await expect(model).toHaveValue('custom');
  await expect(page.getByRole('slider', { name: 'OC weight' })).toHaveValue('60');
  await expect(page.locator('output[aria-label="OC share"]')).toHaveText(`${Number(((60 / 137.5) * 100).toFixed(1))}%`);
  await expect.poll(() => currentCardValue(page, 'Attributed CAR')).not.toBe(initial);
  await page.screenshot({ path: testInfo.outputPath('model-custom.png'), fullPage: true });

  // The keyboard moves a slider too.
  const ft = page.getByRole('slider', { name: 'FT weight' });
  await ft.focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('spinbutton', { name: 'FT weight value' })).toHaveValue('23');

  // All touches: the flows chart gains marketing sources.
  const communityPaths = await sankeyPaths(flows);
  await page.getByRole('radio', { name: 'All touches' }).check();
  await expect(page.getByText('Community and marketing touches')).toBeVisible();
  await expect.poll(() => sankeyPaths(flows)).not.toBe(communityPaths);

  // A data-driven model and back to a preset: the cards follow each time.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(model).toHaveValue('full-path');
  const fullPath = await currentCardValue(page, 'Attributed CAR');
  expect(fullPath).toBe(initial);
  await model.selectOption('markov');
  await expect(page.getByRole('combobox', { name: 'Markov order' })).toHaveValue('1');
  await expect(page.getByRole('slider', { name: 'FT weight' })).toHaveCount(0);
  await expect.poll(() => currentCardValue(page, 'Attributed CAR')).not.toBe(fullPath);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('model-markov-dark.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await model.selectOption('full-path');
  await expect.poll(() => currentCardValue(page, 'Attributed CAR')).toBe(fullPath);
});

test('weights that are all zero are refused in plain words', async ({ page, browserMode }) => {
  await openModelTab(page, browserMode.url);
  await currentCardValue(page, 'Attributed CAR');
  for (const position of ['FT', 'LC', 'OC', 'CW', 'MID']) {
    await page.getByRole('spinbutton', { name: `${position} weight value` }).fill('0');
  }
  await expect(page.getByRole('alert').first()).toContainText('At least one position needs a weight above 0');
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'false');
  await page.getByRole('spinbutton', { name: 'CW weight value' }).fill('100');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
});

test('the Sankey exports as a self-contained SVG and as a PNG', async ({ page, browserMode }) => {
  await openModelTab(page, browserMode.url);
  const region = page.getByRole('region', { name: 'Revenue flows' });
  expect(await sankeyPaths(region)).toBeGreaterThan(0);

  const svgDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const svg = await svgDownload;
  expect(svg.suggestedFilename()).toBe('Tributary Demo revenue flows.svg');
  const markup = readFileSync(await svg.path(), 'utf8');
  expect(markup).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expect(markup).toContain('Won revenue');
  expect(markup).toContain('<path');

  const pngDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const png = readFileSync(await (await pngDownload).path());
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.length).toBeGreaterThan(10_000);
});
