import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openModelTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
}

/** The numbers of one column (1-based among the cells after the name) of the rendered rows. */
async function columnValues(table: Locator, cell: number): Promise<number[]> {
  const values = await table
    .locator(`[role="rowgroup"] + [role="rowgroup"] [role="row"] [role="cell"]:nth-child(${cell + 1})`)
    .evaluateAll((cells) => cells.map((element) => Number(element.getAttribute('data-value'))));
  return values;
}

test('credit breakdown sorts and switches; roadmap opportunities are listed', async ({
  page,
  browserMode,
}, testInfo) => {
  // The requesters' names of every roadmap row come in one request (a request a row once took the page's six
  // connections, ahead of the Model tab's own answer).
  let nameRequests = 0;
  page.on('request', (request) => {
    if (decodeURIComponent(new URL(request.url()).pathname) === '/api/data:memberNames') nameRequests += 1;
  });
  await openModelTab(page, browserMode.url);
  const breakdown = page.getByRole('region', { name: 'Credit by channel and campaign' });
  await expect(breakdown).toBeVisible();

  await breakdown.getByRole('radio', { name: 'Campaign' }).check();
  const campaigns = page.getByRole('table', { name: 'Credit by campaign' });
  await expect(campaigns).toBeVisible();
  const creditHeader = campaigns.getByRole('columnheader', { name: 'Credit' });
  // Start from an ascending sort so the second click is the one that asks for the largest first.
  await campaigns.getByRole('button', { name: 'Name' }).click();
  await expect(campaigns.getByRole('columnheader', { name: 'Name' })).toHaveAttribute('aria-sort', 'ascending');
  await creditHeader.getByRole('button').click();
  await expect(creditHeader).toHaveAttribute('aria-sort', 'descending');
  const credits = await columnValues(campaigns, 1);
  expect(credits.length).toBeGreaterThan(1);
  expect(credits[0]).toBeGreaterThanOrEqual(credits[1] ?? 0);

  // The keyboard sorts too: Enter on the focused header button flips the direction.
  await creditHeader.getByRole('button').focus();
  await page.keyboard.press('Enter');
  await expect(creditHeader).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await columnValues(campaigns, 1);
  expect(ascending[0]).toBeLessThanOrEqual(ascending[1] ?? Infinity);

  await breakdown.getByRole('radio', { name: 'Channel' }).check();
  const channels = page.getByRole('table', { name: 'Credit by channel' });
  await expect(channels).toBeVisible();
  const rowCount = Number(await channels.getAttribute('aria-rowcount')) - 1;
  const shares = await columnValues(channels, 2);
  if (shares.length === rowCount) {
    const total = shares.reduce((sum, share) => sum + share * 100, 0);
    expect(Math.abs(total - 100)).toBeLessThanOrEqual(0.5);
  }

  // Touch kinds are few, so every row is rendered and the check always runs.
  await breakdown.getByRole('radio', { name: 'Touch kind' }).check();
  const kinds = page.getByRole('table', { name: 'Credit by touch kind' });
  await expect(kinds).toBeVisible();
  const kindShares = await columnValues(kinds, 2);
  expect(kindShares.length).toBe(Number(await kinds.getAttribute('aria-rowcount')) - 1);
  expect(Math.abs(kindShares.reduce((sum, share) => sum + share * 100, 0) - 100)).toBeLessThanOrEqual(0.5);
  // A custom field of the account (the demo's Region): every region's credit, summing to the whole.
  await breakdown.getByRole('radio', { name: 'Custom field' }).check();
  await breakdown.getByRole('combobox', { name: 'Field' }).selectOption('Region');
  const regions = page.getByRole('table', { name: 'Credit by Region' });
  await expect(regions).toBeVisible();
  const regionRows = Number(await regions.getAttribute('aria-rowcount')) - 1;
  expect(regionRows).toBeGreaterThan(1);
  const regionShares = await columnValues(regions, 2);
  expect(regionShares).toHaveLength(regionRows);
  expect(Math.abs(regionShares.reduce((sum, share) => sum + share * 100, 0) - 100)).toBeLessThanOrEqual(0.5);
  await expect(breakdown).toContainText("Each touch counts under its deal's Region");
  // The choice stays while the weights move: the next run is broken down by the same field.
  await page.getByRole('spinbutton', { name: 'OC weight value' }).fill('60');
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(regions).toBeVisible();
  await breakdown.getByRole('radio', { name: 'Channel' }).check();

  const roadmap = page.getByRole('table', { name: 'Roadmap revenue at stake' });
  await expect(roadmap.locator('tbody tr').first()).toBeVisible();
  // Requesters by name, their id on hover (the demo's members have names).
  const requester = roadmap.locator('tbody tr').first().locator('td').last().locator('span').first();
  await expect(requester).toHaveAttribute('title', /\S/);
  expect(await requester.innerText()).not.toBe(await requester.getAttribute('title'));
  await expect(page.getByRole('region', { name: 'Roadmap revenue at stake' })).toContainText(/Influenced \$[\d,]+/);
  expect(await roadmap.locator('tbody tr').count()).toBeGreaterThan(1);
  expect(nameRequests).toBe(1);

  await breakdown.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('model-tables.png'), fullPage: true });
  await page.getByRole('region', { name: 'Credit by channel and campaign' }).screenshot({
    path: testInfo.outputPath('credit-breakdown.png'),
  });
  await page.getByRole('region', { name: 'Roadmap revenue at stake' }).screenshot({
    path: testInfo.outputPath('roadmap.png'),
  });
});

test('clicking a Sankey node filters the flows and the credit tables to it', async ({ page, browserMode }) => {
  await openModelTab(page, browserMode.url);
  const cards = page.getByRole('group', { name: 'Attributed CAR' }).locator('.card-value');
  const car = await cards.innerText();
  const actions = page.getByRole('table', { name: 'Credit by action type' });
  await page
    .getByRole('region', { name: 'Credit by channel and campaign' })
    .getByRole('radio', { name: 'Action type' })
    .check();
  await expect(actions).toBeVisible();
  const before = await actions.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]').count();
  expect(before).toBeGreaterThan(1);

  // The first source node of the chart is the largest community action: click its bar.
  const filter = page.getByRole('combobox', { name: 'Filter results to' });
  const firstSource = await filter.locator('option').nth(1).innerText();
  await page.getByRole('region', { name: 'Revenue flows' }).locator('svg rect[rx]').first().click();
  await expect(page.getByRole('status').filter({ hasText: 'that flows through' })).toContainText(firstSource);
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(actions.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]')).toHaveCount(1);
  await expect(actions).toContainText(firstSource.replace('Community: ', ''), { ignoreCase: true });
  // The cards keep the whole model's numbers.
  await expect(cards).toHaveText(car);

  // The keyboard way: choose a position in the list; then clear.
  await filter.selectOption({ label: 'Opportunity creation' });
  await expect(page.getByRole('status').filter({ hasText: 'that flows through' })).toContainText(
    'Opportunity creation',
  );
  await page.getByRole('button', { name: 'Clear filter' }).click();
  await expect(page.getByText('that flows through')).toHaveCount(0);
  await expect(actions.locator('[role="rowgroup"] + [role="rowgroup"] [role="row"]')).toHaveCount(before);
});
