import { expect, test } from './fixtures';

test('the Overview compares deal velocity by community involvement, with D and the deal type as controls', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  const panel = page.getByRole('region', { name: 'Deal velocity by community involvement' });
  const table = panel.getByRole('table');
  await expect(table.getByRole('rowheader')).toHaveText([
    /^Community-sourced/,
    /^Community-influenced/,
    /^No community touch/,
  ]);
  await expect(panel).toHaveAttribute('aria-busy', 'false');
  // The demo's community-led deals: every group has deals and a win rate.
  for (const group of ['sourced', 'influenced', 'none']) {
    const cells = table.locator(`tr[data-group="${group}"] td`);
    expect(Number((await cells.nth(0).innerText()).replaceAll(',', ''))).toBeGreaterThan(0);
    await expect(cells.nth(2)).toHaveText(/^\d+%$/);
  }
  await expect(panel).toContainText('this is a correlation, not an effect');
  await panel.screenshot({ path: testInfo.outputPath('velocity.png') });

  // D = 30: the column follows, and fewer won deals close within it than within 90.
  const within = () => table.locator('tr[data-group="none"] td').nth(4).innerText();
  const at90 = Number((await within()).replace('%', ''));
  await panel.getByRole('textbox', { name: 'Closed within (days)' }).fill('30');
  await expect(table.getByRole('columnheader', { name: 'Won within 30 days' })).toBeVisible();
  await expect.poll(async () => Number((await within()).replace('%', ''))).toBeLessThanOrEqual(at90);

  // A D that is not a whole number of days is refused in words; the last good answer stays.
  await panel.getByRole('textbox', { name: 'Closed within (days)' }).fill('0');
  await expect(panel.getByRole('alert')).toHaveText('D is a whole number of days, at least 1.');
  await expect(table.getByRole('columnheader', { name: 'Won within 30 days' })).toBeVisible();

  await panel.getByRole('combobox', { name: 'Deal type' }).selectOption('renewal');
  await expect(panel).toContainText('Renewal deals won or lost in this project.');
  await expect(panel).not.toContainText('NaN');
});

test('the Overview answers the question under the current model and leads to the Model tab', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  const answer = page.getByRole('region', { name: 'What the community and each channel drove' });
  await expect(answer.getByRole('group', { name: 'Attributed CAR' })).toContainText('$');
  await expect(answer.getByRole('group', { name: 'Sourced CAR' })).toContainText('$');
  await expect(answer).toContainText('Full path · Scope: all time');
  const channels = answer.getByRole('table', { name: 'Top channels' });
  await expect(channels.getByRole('row')).toHaveCount(6);
  await expect(page.getByRole('group', { name: 'Won revenue, all time' })).toContainText('$');
  await expect(answer).not.toContainText('NaN');

  // Revenue over time: the demo's eight quarters, each split into community and marketing credit.
  const trend = page.getByRole('region', { name: 'Attributed revenue by quarter' });
  await expect(trend.locator('g[data-bucket]')).toHaveCount(8);
  await trend.screenshot({ path: testInfo.outputPath('overview-trend.png') });
  await expect(trend.locator('g[data-bucket="2025-Q4"] title')).toHaveText(
    /^2025-Q4: \$[\d,]+ community, \$[\d,]+ marketing$/,
  );

  // No panel runs past the window, at a laptop's size and at a desktop's.
  const overflows = () => page.evaluate<boolean>('document.documentElement.scrollWidth > window.innerWidth');
  expect(await overflows()).toBe(false);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: testInfo.outputPath('overview-1920.png'), fullPage: true });
  expect(await overflows()).toBe(false);
  await page.setViewportSize({ width: 1280, height: 800 });

  // Data health: the demo has members resolved to no account, said with where they are fixed.
  const health = page.getByRole('region', { name: 'Data health' });
  const members = health.getByRole('listitem').filter({ hasText: 'community members are not resolved to an account' });
  await expect(members).toHaveCount(1);
  await members.getByRole('button', { name: 'Review in the Data tab' }).click();
  await expect(page.getByRole('tab', { name: 'Data' })).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('tab', { name: 'Overview' }).click();

  await answer.getByRole('button', { name: 'Open the Model tab' }).click();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('group', { name: 'Attributed CAR' })).toContainText('$');
});

test('the Overview’s small Sankey draws the Model tab’s community flows and opens the Model tab', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  const answer = page.getByRole('region', { name: 'What the community and each channel drove' });
  const small = answer.getByRole('button', { name: /^Community revenue flows, \$[\d,]+ of attributed revenue/ });
  await expect(small.locator('svg path').first()).toBeVisible();
  const label = (await small.getAttribute('aria-label')) ?? '';
  const total = /\$([\d,]+) of attributed/.exec(label)?.[1];
  expect(total).toBeDefined();
  // Drawn as the Model tab draws it: one band per link, one rectangle per node, the labels beside them.
  const bands = await small.locator('svg path').count();
  const nodes = await small.locator('svg rect').count();
  expect(bands).toBeGreaterThan(2);
  expect(nodes).toBeGreaterThan(3);
  await expect(small.locator('svg text').filter({ hasText: 'Won revenue' }).first()).toBeVisible();
  await small.screenshot({ path: testInfo.outputPath('overview-sankey.png') });

  // Not interactive: hovering shows no tooltip. A click opens the Model tab, whose Sankey has the same flows.
  await small.locator('svg path').first().hover();
  await expect(page.locator('.flow-tooltip')).toHaveCount(0);
  await small.click();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
  const flows = page.getByRole('region', { name: 'Revenue flows' });
  await expect(flows.locator('svg path').first()).toBeVisible();
  expect(await flows.locator('svg path').count()).toBe(bands);
  expect(await flows.locator('svg rect').count()).toBeGreaterThanOrEqual(nodes);
  await expect(page.locator('.flows-footer')).toContainText(`Community touches only: $${total} of attributed revenue.`);
});
