import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

async function openChannelsTab(page: Page, url: string): Promise<Locator> {
  await page.goto(url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Channels' }).click();
  await expect(page.getByRole('tab', { name: 'Channels' })).toHaveAttribute('aria-selected', 'true');
  const preview = page.getByRole('table', { name: 'Touches by reported channel' });
  await expect(preview).toBeVisible();
  return preview;
}

/** The preview's row for one reported channel, once the preview answers the latest draft. */
async function previewRow(page: Page, preview: Locator, channel: string): Promise<Locator> {
  await expect(page.getByRole('region', { name: 'Preview' })).toHaveAttribute('aria-busy', 'false');
  return preview.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${channel} `) }) });
}

test('channel groups: the preset previews, a saved rule merges channels in the model', async ({
  page,
  browserMode,
}, testInfo) => {
  const preview = await openChannelsTab(page, browserMode.url);
  const rules = page.getByRole('list', { name: 'Channel-group rules' });
  // A new project has no rules: every raw channel is its own, ungrouped.
  await expect(rules.getByRole('listitem')).toHaveCount(0);
  await expect(await previewRow(page, preview, 'webinar')).toContainText('ungrouped');

  // The preset is a draft: shown in the editor and the preview, saved only by Save.
  await page.getByRole('button', { name: 'Use the web-analytics preset' }).click();
  await expect(page.getByRole('textbox', { name: 'Group of rule 1', exact: true })).toHaveValue('Community');
  const paidSearch = await previewRow(page, preview, 'Paid search');
  await expect(paidSearch).toContainText('group');
  await expect(paidSearch.getByRole('listitem').filter({ hasText: 'paid_search' })).toContainText(
    /paid_search\s+[\d,]+/,
  );
  await page.screenshot({ path: testInfo.outputPath('groups-preset.png'), fullPage: true });
  await page.getByRole('button', { name: 'Discard changes' }).click();
  await expect(rules.getByRole('listitem')).toHaveCount(0);

  // Two rules naming one group merge two of the demo's channels.
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('textbox', { name: 'Group of rule 1', exact: true }).fill('Live events');
  await expect(page.getByRole('combobox', { name: 'Field of rule 1 condition 1', exact: true })).toHaveValue('channel');
  await page.getByRole('textbox', { name: 'Value of rule 1 condition 1', exact: true }).fill('webinar');
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('textbox', { name: 'Group of rule 2', exact: true }).fill('Live events');
  await page.getByRole('combobox', { name: 'Operator of rule 2 condition 1', exact: true }).selectOption('starts_with');
  await page.getByRole('textbox', { name: 'Value of rule 2 condition 1', exact: true }).fill('event');
  await page.getByRole('button', { name: 'Move rule 2 up' }).click();
  await expect(page.getByRole('textbox', { name: 'Value of rule 1 condition 1', exact: true })).toHaveValue('event');
  const live = await previewRow(page, preview, 'Live events');
  await expect(live.getByRole('listitem')).toHaveCount(2);
  await expect(live).toContainText('webinar');
  await expect(live).toContainText('events');
  await expect(await previewRow(page, preview, 'webinar')).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('groups-draft.png'), fullPage: true });

  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save', exact: true })).toBeDisabled();

  // The model reports the group as the channel: the credit table and the flows.
  await page.getByRole('tab', { name: 'Model' }).click();
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  const channels = page.getByRole('table', { name: 'Credit by channel' });
  await expect(channels).toContainText('Live events');
  await expect(channels).not.toContainText('webinar');
  await page.getByRole('radio', { name: 'All touches' }).check();
  await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
  // The Sankey draws its nodes' names in its SVG.
  const flows = page.locator('.sankey svg');
  await expect(flows).toContainText('Live events');
  await expect(flows).not.toContainText('webinar');

  // Back on the tab, the saved rules are the draft.
  await page.getByRole('tab', { name: 'Channels' }).click();
  await expect(page.getByRole('textbox', { name: 'Group of rule 2', exact: true })).toHaveValue('Live events');
});

test('a rule the server cannot read says why and keeps the page', async ({ page, browserMode }, testInfo) => {
  const preview = await openChannelsTab(page, browserMode.url);
  await page.getByRole('button', { name: 'Add rule' }).click();
  await page.getByRole('textbox', { name: 'Group of rule 1', exact: true }).fill('Nothing yet');
  const problem = page.getByRole('region', { name: 'Preview' }).getByRole('alert');
  await expect(problem).toContainText('Rule 1, condition 1 (value): a condition needs a value to compare with.');
  await expect(preview).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('groups-problem.png') });

  // Saving is refused in the same words, and the project keeps no rule.
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Channel groups' }).getByRole('alert')).toContainText('needs a value');
  await page.getByRole('textbox', { name: 'Value of rule 1 condition 1', exact: true }).fill('email');
  await expect(problem).toHaveCount(0);
  await expect((await previewRow(page, preview, 'Nothing yet')).getByRole('listitem')).toHaveText([/^email\s+[\d,]+$/]);
});
