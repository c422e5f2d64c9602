import { expect, money, openTab, test } from './fixtures';

test('a won deal’s journey shows each touch’s credit and the rule behind it', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await openTab(page, 'Journeys');

  // One search field, the list's: a part of an id finds the deals whose id holds it; the stage narrows to won ones.
  await page.getByRole('searchbox', { name: 'Find an opportunity' }).fill('OPP-0000');
  await page.getByRole('combobox', { name: 'Stage' }).selectOption('won');
  const list = page.getByRole('table', { name: 'Opportunities' });
  const firstRow = list.locator('[aria-rowindex="2"]');
  await expect(firstRow.getByRole('cell').nth(1)).toHaveText('won');
  const firstWon = firstRow.getByRole('rowheader').getByRole('button');
  const id = (await firstWon.innerText()).trim();
  expect(id).toMatch(/^OPP-0000\d+$/);
  await firstWon.click();

  const table = page.getByRole('table', { name: `Journey of ${id}` });
  await expect(table).toBeVisible();
  const rows = table.locator('tbody tr');
  expect(await rows.count()).toBeGreaterThan(0);
  await expect(table.locator('thead th')).toHaveText(['When', 'Kind', 'Who', 'Channel', 'Positions', 'Credit', 'Rule']);

  // The credits, as shown to the cent, add up to the deal's amount (each shown credit is rounded by half a cent).
  const credits = (await rows.locator('td:nth-child(6)').allInnerTexts()).map(money);
  const total = page.getByText(/^Credits sum to /);
  const [, amountText] = /of (.+)$/.exec(await total.innerText()) ?? [];
  const amount = money(amountText ?? '');
  expect(amount).toBeGreaterThan(0);
  const sum = credits.reduce((a, b) => a + b, 0);
  expect(Math.abs(sum - amount)).toBeLessThanOrEqual(Math.max(0.01, 0.005 * credits.length));
  await expect(rows.first().locator('td:nth-child(7)')).toContainText('present weight');
  // Who made each touch is named, the id on hover: the demo's contacts and members all have names.
  const who = await rows
    .locator('td:nth-child(3)')
    .evaluateAll((cells) => cells.map((cell) => [cell.textContent ?? '', cell.getAttribute('title')] as const));
  const named = who.filter(([, id]) => id !== null);
  expect(named.length).toBeGreaterThan(0);
  expect(named.filter(([text, id]) => text === id || text.trim() === '')).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('journey-full-path.png'), fullPage: true });

  // The explanation follows the Model tab's options.
  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('linear');
  await openTab(page, 'Journeys');
  const n = await rows.count();
  await expect(rows.locator('td:nth-child(7)')).toHaveText(Array(n).fill(new RegExp(`^1 of ${n} touches`)));
  await page.screenshot({ path: testInfo.outputPath('journey-linear.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Model' }).click();
  await page.getByRole('combobox', { name: 'Model', exact: true }).selectOption('full-path');
  await openTab(page, 'Journeys');
  await expect(rows.first().locator('td:nth-child(7)')).toContainText('present weight');
});
