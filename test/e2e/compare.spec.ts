import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openDemo(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
}

async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/** The comparison once it answers the entries as they are (not while a newer request is pending). */
async function comparisonSettled(page: Page): Promise<void> {
  const region = page.getByRole('region', { name: 'Comparison' });
  await expect(region).toHaveAttribute('data-current', 'true');
  await expect(region).toHaveAttribute('aria-busy', 'false');
}

test('save a scenario and compare it', async ({ page, browserMode }, testInfo) => {
  await openDemo(page, browserMode.url);

  // The Compare tab says what to do before there is anything to compare.
  await openTab(page, 'Compare');
  await expect(page.getByText('Save a scenario from the Model tab, or add a model.')).toBeVisible();

  // Model tab: a heavier OC weight, saved as a scenario.
  await openTab(page, 'Model');
  await page.getByRole('spinbutton', { name: 'OC weight value' }).fill('60');
  await expect(page.getByRole('combobox', { name: 'Model', exact: true })).toHaveValue('custom');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('  Heavy OC ');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Heavy OC”.' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Saved scenarios' })).toHaveValue('Heavy OC');
  await page.getByRole('group', { name: 'Scenarios' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('model-scenario-bar.png') });

  // Reset the panel, then load the scenario back: its weights come back.
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('spinbutton', { name: 'OC weight value' })).toHaveValue('22.5');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.getByRole('spinbutton', { name: 'OC weight value' })).toHaveValue('60');

  // Compare: the scenario as baseline, and Markov at the same settings.
  await openTab(page, 'Compare');
  await page.getByRole('button', { name: 'Add scenario Heavy OC' }).click();
  await expect(page.getByRole('button', { name: 'Add scenario Heavy OC' })).toBeDisabled();
  await page.getByRole('combobox', { name: 'Model to add' }).selectOption('markov');
  await page.getByRole('button', { name: 'Add model' }).click();
  await comparisonSettled(page);

  const models = page.getByRole('table', { name: 'Compared models' });
  await expect(models.getByRole('row')).toHaveCount(3);
  await expect(models.getByRole('rowheader', { name: /Heavy OC/ })).toContainText('baseline');
  await expect(models.getByRole('rowheader', { name: /Markov chain/ })).toBeVisible();
  // Both models split the same won revenue.
  const revenue = models.locator('tbody tr td:nth-child(3)');
  await expect(revenue.nth(0)).toHaveText(/^\$[\d,]+$/);
  expect(await revenue.nth(1).innerText()).toBe(await revenue.nth(0).innerText());

  // Credit by channel: the Markov column moves some channel's credit away from the baseline.
  const channels = page.getByRole('table', { name: 'Credit by channel' });
  await expect(channels.getByRole('columnheader', { name: /Heavy OC/ })).toBeVisible();
  await expect(channels.getByRole('columnheader', { name: /Markov chain/ })).toBeVisible();
  expect(await channels.getByRole('row').count()).toBeGreaterThan(2);
  const deltas = await channels
    .locator('td[data-delta]')
    .evaluateAll((cells) => cells.map((cell) => Number(cell.getAttribute('data-delta'))));
  expect(deltas.some((delta) => Math.abs(delta) >= 1)).toBe(true);
  await expect(channels.locator('td[data-delta] .delta-up, td[data-delta] .delta-down').first()).toHaveText(
    /^[+-]\$[\d,]+ \(([+-][\d.]+%|new)\)$/,
  );

  // The table as CSV: each model's credit and, for Markov, its difference from the baseline.
  const pending = page.waitForEvent('download');
  await page.getByRole('region', { name: 'Credit by channel' }).getByRole('button', { name: 'Download CSV' }).click();
  const csv = readFileSync(await (await pending).path(), 'utf8')
    .trim()
    .split(/\r?\n/);
  expect(csv[0]).toBe('channel,Heavy OC,Markov chain,Markov chain vs baseline');
  expect(csv.length - 1).toBe((await channels.getByRole('row').count()) - 1);

  const car = page.getByRole('table', { name: 'CAR by category' });
  await expect(car.getByRole('rowheader', { name: 'Churn reduction' })).toBeVisible();
  await expect(
    page.getByRole('img', { name: /Bar chart of credit by channel for Heavy OC, Markov chain/ }),
  ).toBeVisible();

  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('compare-1280.png'), fullPage: true });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('compare-1920.png'), fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: testInfo.outputPath('compare-1920-dark.png') });
  await page.emulateMedia({ colorScheme: 'light' });

  // Markov as the baseline: the scenario's column now carries the deltas.
  await page.getByRole('radio', { name: 'Use Markov chain as the baseline' }).check();
  await expect(models.getByRole('rowheader', { name: /Markov chain/ })).toContainText('baseline');
  const firstRow = channels.locator('tbody tr').first().locator('td');
  await expect(firstRow.nth(0)).toHaveAttribute('data-delta', /\d/);
  await expect(firstRow.nth(1)).not.toHaveAttribute('data-delta');

  // Saving the scenario again: the Compare tab offers to update the copy it compares.
  await openTab(page, 'Model');
  await page.getByRole('spinbutton', { name: 'OC weight value' }).fill('80');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Heavy OC');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replaced “Heavy OC”.' })).toBeVisible();
  await openTab(page, 'Compare');
  await expect(models.getByRole('row')).toHaveCount(3);
  const before = await channels.locator('tbody tr').first().locator('td').nth(0).getAttribute('data-value');
  await page.getByRole('button', { name: 'Update scenario Heavy OC' }).click();
  await expect(page.getByRole('button', { name: 'Add scenario Heavy OC' })).toBeDisabled();
  await comparisonSettled(page);
  await expect(channels.locator('tbody tr').first().locator('td').nth(0)).not.toHaveAttribute(
    'data-value',
    before ?? '',
  );

  // Removing the baseline leaves the other one as the baseline.
  await page.getByRole('button', { name: 'Remove Markov chain' }).click();
  await comparisonSettled(page);
  await expect(models.getByRole('row')).toHaveCount(2);
  await expect(models.getByRole('rowheader', { name: /Heavy OC/ })).toContainText('baseline');
});

test('a saved scenario can be deleted from the Model tab', async ({ page, browserMode }) => {
  await openDemo(page, browserMode.url);
  await openTab(page, 'Model');
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('linear');
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Linear try');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  const saved = page.getByRole('combobox', { name: 'Saved scenarios' });
  await expect(saved).toHaveValue('Linear try');
  await page.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Deleted “Linear try”.' })).toBeVisible();
  await expect(saved.getByRole('option')).toHaveText(['None saved yet']);
  await openTab(page, 'Compare');
  await expect(page.getByText('None yet: save one from the Model tab.')).toBeVisible();
});
