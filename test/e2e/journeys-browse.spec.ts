import type { Locator } from '@playwright/test';
import { expect, money, openTab, test } from './fixtures';

/** The amounts of the rows in view, top to bottom. */
async function amounts(table: Locator): Promise<number[]> {
  return (await table.locator('[role="rowgroup"] + [role="rowgroup"] [role="cell"]:nth-child(4)').allInnerTexts()).map(
    money,
  );
}

test('the Journeys tab opens on the scope’s opportunities, sorts and filters them, and explains one', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await openTab(page, 'Journeys');

  const table = page.getByRole('table', { name: 'Opportunities' });
  const body = table.locator('[role="rowgroup"]').nth(1);
  await expect(body.getByRole('row').first().getByRole('rowheader')).toContainText(/OPP-/);
  await expect(page.getByText(/^[\d,]+ opportunities;/)).toBeVisible();

  // Biggest deals first by default; a click turns the order round.
  const amountHeader = table.getByRole('columnheader', { name: /Amount/ });
  await expect(amountHeader).toHaveAttribute('aria-sort', 'descending');
  const descending = await amounts(table);
  expect(descending.length).toBeGreaterThan(1);
  expect(descending).toEqual([...descending].sort((a, b) => b - a));
  await amountHeader.getByRole('button').click();
  await expect(amountHeader).toHaveAttribute('aria-sort', 'ascending');
  await expect.poll(async () => (await amounts(table))[0]).toBeLessThanOrEqual(descending.at(-1) ?? 0);
  const ascending = await amounts(table);
  expect(ascending).toEqual([...ascending].sort((a, b) => a - b));

  // Lost deals only.
  await page.getByRole('combobox', { name: 'Stage' }).selectOption('lost');
  await expect(body.locator('[role="cell"]:nth-child(3)').first()).toHaveText('lost');
  const stages = await body.locator('[role="cell"]:nth-child(3)').allInnerTexts();
  expect(new Set(stages)).toEqual(new Set(['lost']));

  // Pages past the first load as the table scrolls to them.
  const count = Number(await table.getAttribute('aria-rowcount')) - 1;
  expect(count).toBeGreaterThan(200);
  await table.evaluate((element) => element.scrollTo(0, element.scrollHeight));
  await expect(body.locator(`[aria-rowindex="${count + 1}"] [role="rowheader"]`)).toContainText(/OPP-/);
  await table.evaluate((element) => element.scrollTo(0, 0));

  // A row opens its journey; a lost deal's has no credit to show. The first row is found by its index: right after
  // the scroll back, the rows rendered for the bottom of the list may still be the first in the DOM.
  const first = body.locator('[aria-rowindex="2"] [role="rowheader"]').getByRole('button');
  await expect(first).toBeVisible();
  const id = (await first.innerText()).trim();
  await first.click();
  await expect(page.getByRole('heading', { level: 2, name: new RegExp(`^${id}`) })).toBeVisible();
  await expect(page.getByText(/· lost ·/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('journeys-browse.png'), fullPage: true });
});

test('at 1440x900 the journey table’s cells, the rule column too, stay inside its card', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await openTab(page, 'Journeys');

  // The won deal with the most touches: the longest table, and rules naming the most positions.
  await page.getByRole('combobox', { name: 'Stage' }).selectOption('won');
  const table = page.getByRole('table', { name: 'Opportunities' });
  await table
    .getByRole('columnheader', { name: /^Touches/ })
    .getByRole('button')
    .click();
  const first = table.locator('[aria-rowindex="2"] [role="rowheader"]').getByRole('button');
  await expect(table.locator('[aria-rowindex="2"] [role="cell"]:nth-child(3)')).toHaveText('won');
  const id = (await first.innerText()).trim();
  await first.click();

  const journey = page.getByRole('table', { name: `Journey of ${id}` });
  await expect(journey.locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('journey-1440.png'), fullPage: true });
  const card = page.locator('.journey-timeline');
  const cardRight = await card.evaluate((element) => element.getBoundingClientRect().right);
  const rights = await journey
    .locator('th, td')
    .evaluateAll((cells) => cells.map((cell) => cell.getBoundingClientRect().right));
  expect(rights.length).toBeGreaterThan(6);
  expect(rights.filter((right) => right > cardRight)).toEqual([]);
});
