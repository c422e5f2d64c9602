import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import type { ScopeChoices } from '../../src/shared/importApi';
import { presetPeriod } from '../../src/shared/scope';
import { expect, test } from './fixtures';

async function openModelTab(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.getByRole('tab', { name: 'Model' })).toHaveAttribute('aria-selected', 'true');
}

/** The results once they answer the latest options (not while a newer request is pending). */
async function settled(page: Page): Promise<void> {
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  await expect(page.getByRole('region', { name: 'Results' })).toHaveAttribute('aria-busy', 'false');
}

async function wonRevenue(page: Page): Promise<string> {
  await settled(page);
  return page.getByRole('group', { name: 'Won revenue' }).locator('.card-value').innerText();
}

/** The line that says what the shown run covers, and its count of won deals. */
async function scopeLine(page: Page): Promise<{ text: string; won: number }> {
  await settled(page);
  const text = await page.locator('.scope-line').innerText();
  const won = Number(/([\d,]+) won$/.exec(text)?.[1]?.replaceAll(',', ''));
  return { text, won };
}

/** The credits CSV of the shown run, as rows under its header. */
async function exportCredits(page: Page): Promise<string[][]> {
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export credits CSV' }).click();
  const text = readFileSync(await (await pending).path(), 'utf8');
  const [header, ...rows] = Papa.parse<string[]>(text.trimEnd(), { skipEmptyLines: true }).data;
  expect(header?.[0]).toBe('opportunity_id');
  return rows;
}

async function scopeChoices(page: Page): Promise<ScopeChoices> {
  // The page's own session: browser mode's cookie carries the token.
  const envelope = await page.evaluate(async () => {
    const response = await fetch('/api/data%3AscopeChoices', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    return (await response.json()) as { ok: boolean; result: unknown };
  });
  expect(envelope.ok).toBe(true);
  return envelope.result as ScopeChoices;
}

test('a period and a segment narrow the cards, the Sankey and the credits CSV; an empty scope says why', async ({
  page,
  browserMode,
}, testInfo) => {
  await openModelTab(page, browserMode.url);
  const allTime = await wonRevenue(page);
  const allTimeLine = await scopeLine(page);
  expect(allTimeLine.text).toMatch(/^Scope: all time · [\d,]+ deals, [\d,]+ won$/);
  const bar = page.getByRole('region', { name: 'Report scope' });
  await expect(bar.getByText('Every opportunity, all time.')).toBeVisible();

  // The presets count back from the data's latest date, not from today: the demo's data is historical.
  const { dates, fields } = await scopeChoices(page);
  expect(dates?.latest).toBe('2025-12-31');
  expect(fields.map((field) => field.field)).toEqual(expect.arrayContaining(['Region', 'Lead Source']));
  const quarter = presetPeriod('last-quarter', new Date(`${dates?.latest}T00:00:00Z`));
  expect(quarter).toEqual({ from: '2025-07-01', to: '2025-09-30' });
  await expect(bar.getByText('as of 2025-12-31')).toBeVisible();

  await bar.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Last quarter' });
  await bar.getByRole('group', { name: 'Segment' }).getByRole('checkbox', { name: 'Enterprise' }).check();
  const label = `${quarter.from} to ${quarter.to}; segment Enterprise`;
  await expect(page.locator('.scope-line')).toContainText(`Scope: ${label} · `);
  await expect(bar.getByRole('list', { name: 'Active filters' }).getByRole('listitem')).toHaveText([
    /Period: 2025-07-01 to 2025-09-30/,
    /Segment: Enterprise/,
  ]);
  const enterprise = await wonRevenue(page);
  expect(enterprise).not.toBe(allTime);
  const enterpriseLine = await scopeLine(page);
  expect(enterpriseLine.won).toBeGreaterThan(0);
  expect(enterpriseLine.won).toBeLessThan(allTimeLine.won);
  const flows = page.getByRole('region', { name: 'Revenue flows' });
  await expect(flows.locator('svg path').first()).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('scope-enterprise.png'), fullPage: true });

  // The credits CSV holds the scope's won deals only.
  const scopedRows = await exportCredits(page);
  const scopedDeals = new Set(scopedRows.map((row) => row[0]));
  expect(scopedDeals.size).toBe(enterpriseLine.won);

  // A custom field of the account: Region EMEA.
  await bar.getByRole('button', { name: 'Add filter' }).click();
  await bar.getByRole('combobox', { name: 'Field' }).selectOption('Region');
  await bar.getByRole('group', { name: 'Values' }).getByRole('checkbox', { name: 'EMEA' }).check();
  await bar.screenshot({ path: testInfo.outputPath('scope-add-filter.png') });
  await bar.getByRole('button', { name: 'Apply filter' }).click();
  await expect(bar.getByRole('listitem').filter({ hasText: 'Region: EMEA' })).toBeVisible();
  await expect(page.locator('.scope-line')).toContainText(`Scope: ${label}; Region EMEA · `);
  await expect.poll(() => wonRevenue(page)).not.toBe(enterprise);
  const emea = await wonRevenue(page);
  await expect(flows.locator('svg path').first()).toBeVisible();

  // The scope's one renewal was lost: no won deal, and the page says so instead of zeros and an empty chart.
  await bar.getByRole('group', { name: 'Opportunity type' }).getByRole('checkbox', { name: 'Renewal' }).check();
  const empty = page.locator('.scope-empty');
  await expect(empty).toContainText(/No won opportunity in this scope: its (one deal is|[\d,]+ deals are all) open/);
  await expect(page.getByRole('group', { name: 'Won revenue' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Revenue flows' })).toHaveCount(0);
  await expect(page.locator('.results-body')).not.toContainText('NaN');

  // A filter that leaves no deal at all is named.
  await bar.getByRole('button', { name: 'Add filter' }).click();
  await bar.getByRole('combobox', { name: 'Field' }).selectOption('Lead Source');
  await bar.getByRole('group', { name: 'Values' }).getByRole('checkbox', { name: 'Event' }).check();
  await bar.getByRole('button', { name: 'Apply filter' }).click();
  await expect(empty).toContainText('No won opportunity in this scope: Lead Source Event left no deal.');
  await page.screenshot({ path: testInfo.outputPath('scope-empty.png'), fullPage: true });

  // Chips take a filter away; the figures come back.
  await bar.getByRole('button', { name: 'Remove Lead Source: Event' }).click();
  await bar.getByRole('button', { name: 'Remove Type: Renewal' }).click();
  await expect.poll(() => wonRevenue(page)).toBe(emea);

  // A scenario keeps its scope: cleared, then loaded back.
  await page.getByRole('textbox', { name: 'Scenario name' }).fill('Q3 Enterprise EMEA');
  await page.getByRole('button', { name: 'Save scenario' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved “Q3 Enterprise EMEA”.' })).toBeVisible();
  await bar.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(bar.getByText('Every opportunity, all time.')).toBeVisible();
  await expect.poll(() => wonRevenue(page)).toBe(allTime);
  // The saved scenario says which scope it was saved with before it is loaded.
  await expect(page.getByRole('group', { name: 'Scenarios' }).locator('.scenario-scope')).toHaveText(
    `“Q3 Enterprise EMEA”: Full path, over ${label}; Region EMEA.`,
  );
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(bar.getByRole('combobox', { name: 'Period' })).toHaveValue('last-quarter');
  await expect(bar.getByRole('listitem').filter({ hasText: 'Region: EMEA' })).toBeVisible();
  await expect.poll(() => wonRevenue(page)).toBe(emea);

  // All time again: the credits CSV holds every won deal, the scoped export's among them.
  await bar.getByRole('button', { name: 'Clear', exact: true }).click();
  await expect(page.locator('.scope-line')).toContainText('Scope: all time · ');
  const allRows = await exportCredits(page);
  const allDeals = new Set(allRows.map((row) => row[0]));
  expect(allDeals.size).toBe(allTimeLine.won);
  expect(allRows.length).toBeGreaterThan(scopedRows.length);
  expect([...scopedDeals].filter((deal) => !allDeals.has(deal))).toEqual([]);
});

test('the scope follows the user to Compare and Journeys', async ({ page, browserMode }) => {
  await openModelTab(page, browserMode.url);
  const bar = page.getByRole('region', { name: 'Report scope' });
  await bar.getByRole('combobox', { name: 'Period' }).selectOption({ label: 'Custom range' });
  await bar.getByRole('textbox', { name: 'From', exact: true }).fill('2025-10-01');
  await bar.getByRole('textbox', { name: 'To', exact: true }).fill('2025-12-31');
  await bar.getByRole('group', { name: 'Segment' }).getByRole('checkbox', { name: 'Enterprise' }).check();
  await expect(page.locator('.scope-line')).toContainText('Scope: 2025-10-01 to 2025-12-31; segment Enterprise · ');
  const won = await wonRevenue(page);

  // A period that ends before it starts is refused in words and not sent.
  await bar.getByRole('textbox', { name: 'From', exact: true }).fill('2026-01-01');
  await expect(bar.getByRole('alert')).toHaveText('The period starts after it ends.');
  await bar.getByRole('textbox', { name: 'From', exact: true }).fill('2025-10-01');
  await expect(bar.getByRole('alert')).toHaveCount(0);

  // Compare runs its models over the same deals: the Model tab's won revenue.
  await page.getByRole('tab', { name: 'Compare' }).click();
  await expect(bar.getByRole('listitem').filter({ hasText: 'Segment: Enterprise' })).toBeVisible();
  await page.getByRole('button', { name: 'Add current settings' }).click();
  const comparison = page.getByRole('region', { name: 'Comparison' });
  await expect(comparison).toHaveAttribute('data-current', 'true');
  await expect(comparison).toHaveAttribute('aria-busy', 'false');
  await expect(comparison.getByText('Compared over: 2025-10-01 to 2025-12-31; segment Enterprise')).toBeVisible();
  await expect(page.getByRole('table', { name: 'Compared models' }).locator('tbody tr td:nth-child(3)')).toHaveText(
    won,
  );

  // Journeys finds the scope's opportunities only: OPP-000002, an SMB account's deal, is not among them until the
  // scope is cleared, which lists again.
  await page.getByRole('tab', { name: 'Journeys' }).click();
  await page.getByRole('searchbox', { name: 'Find an opportunity' }).fill('OPP-000002');
  await expect(page.getByText('No opportunity in this scope passes these filters.')).toBeVisible();
  await bar.getByRole('button', { name: 'Clear', exact: true }).click();
  const list = page.getByRole('table', { name: 'Opportunities' });
  await expect(list.getByRole('button', { name: 'OPP-000002', exact: true })).toBeVisible();
});
