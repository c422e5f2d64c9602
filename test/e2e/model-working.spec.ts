import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, test } from './fixtures';

test('a data-driven model shows its working: Markov transitions and removals, Shapley channel sets', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('markov');
  const working = page.getByRole('region', { name: 'How the Markov chain model works' });
  await working.getByRole('button', { name: 'Show the working' }).click();

  const heat = working.getByRole('table', { name: 'Observed transitions (order 1)' });
  await expect(heat.getByRole('rowheader').first()).toHaveText('start');
  await expect(heat.getByRole('columnheader', { name: 'conversion' })).toBeVisible();
  const removals = working.getByRole('table', { name: 'Conversion without each channel' });
  expect(await removals.getByRole('row').count()).toBeGreaterThan(5);
  await working.screenshot({ path: testInfo.outputPath('markov-working.png') });

  // The transitions CSV: every row's probabilities sum to 1.
  const pending = page.waitForEvent('download');
  await working.getByRole('button', { name: 'Download CSV' }).first().click();
  const [header, ...rows] = Papa.parse<string[]>(readFileSync(await (await pending).path(), 'utf8').trimEnd()).data;
  expect(header).toEqual(['from', 'to', 'count', 'probability']);
  const byRow = new Map<string, number>();
  for (const [from, , , probability] of rows)
    byRow.set(from as string, (byRow.get(from as string) ?? 0) + Number(probability));
  for (const total of byRow.values()) expect(total).toBeCloseTo(1, 9);

  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('shapley');
  const shapley = page.getByRole('region', { name: 'How the Shapley value model works' });
  await shapley.getByRole('button', { name: 'Show the working' }).click();
  const sets = shapley.getByRole('table', { name: 'Observed channel sets' });
  await expect(sets.getByRole('row').nth(1)).toContainText('%');
  await expect(shapley).not.toContainText('NaN');
});
