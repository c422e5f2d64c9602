import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const TABS = ['Overview', 'Model', 'Compare', 'Journeys', 'Channels', 'Import', 'Data'] as const;

/** Whether anything sticks out past the right edge of the window (a sideways scrollbar, a clipped chart). */
async function overflowsSideways(page: Page): Promise<boolean> {
  return page.locator('html').evaluate((root) => root.scrollWidth > root.clientWidth + 1);
}

async function showTab(page: Page, tab: (typeof TABS)[number]): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await expect(page.getByRole('tab', { name: tab })).toHaveAttribute('aria-selected', 'true');
  if (tab === 'Model') {
    await expect(page.locator('.results-body')).toHaveAttribute('data-current', 'true');
    await expect(page.locator('.sankey svg path').first()).toBeVisible();
  }
  if (tab === 'Journeys' && !(await page.getByRole('table', { name: /^Journey of / }).isVisible())) {
    await page.getByRole('combobox', { name: 'Stage' }).selectOption('won');
    // The first row once the list holds won deals only: a won deal has a journey to show.
    const first = page.getByRole('table', { name: 'Opportunities' }).locator('[aria-rowindex="2"]');
    await expect(first.getByRole('cell').nth(1)).toHaveText('won');
    await first.getByRole('rowheader').getByRole('button').click();
    await expect(page.getByRole('table', { name: /^Journey of / })).toBeVisible();
  }
}

for (const size of SIZES) {
  test(`every screen at ${size.width}x${size.height}, light and dark, fits the window`, async ({
    page,
    browserMode,
  }, testInfo) => {
    await page.setViewportSize(size);
    await page.goto(browserMode.url);
    await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const tab of TABS) {
        await showTab(page, tab);
        const name = `${size.width}x${size.height}-${scheme}-${tab.toLowerCase()}.png`;
        await page.screenshot({ path: testInfo.outputPath(name), fullPage: true });
        expect(await overflowsSideways(page), `${tab} (${scheme}) overflows sideways`).toBe(false);
      }
    }
    await page.getByRole('button', { name: 'Close project' }).click();
    await expect(page.getByRole('heading', { name: 'Recent projects' })).toBeVisible();
    await page.screenshot({ path: testInfo.outputPath(`${size.width}x${size.height}-start.png`), fullPage: true });
    expect(await overflowsSideways(page)).toBe(false);
  });
}

test('a long project path is cut short in the header, and every header control stays in a 1280px window', async ({
  page,
  browserMode,
}, testInfo) => {
  // The other screen tests pass with any header, since their temporary paths are short (issue 13).
  const folder = join(browserMode.home, 'clients', 'northwind-industries-emea', 'attribution-reviews', '2024-q3');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'Northwind pipeline and community review.sqlite');
  expect(path.length).toBeGreaterThanOrEqual(120);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill('Northwind review');
  await page.getByRole('textbox', { name: 'File (optional)' }).fill(path);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Northwind review' })).toBeVisible();

  const header = page.locator('.project-header');
  const shown = header.locator('.path');
  await expect(shown).toHaveText(path);
  await expect(shown).toHaveAttribute('title', path);
  expect(await shown.evaluate((element) => element.scrollWidth > element.clientWidth), 'the path is cut short').toBe(
    true,
  );
  // Browser mode always shows the save-as form's path field; opening the anonymised-copy form too makes the header
  // as wide as it gets.
  await header.getByRole('button', { name: 'Save anonymised copy…' }).click();
  const controls = header.locator('button, input, select');
  expect(await controls.count()).toBeGreaterThanOrEqual(5);
  for (const control of await controls.all()) {
    const box = await control.boundingBox();
    // An input is named by the label around it.
    const name = await control.evaluate((element) => (element.closest('label') ?? element).textContent);
    expect(box, `${name} is shown`).not.toBeNull();
    expect(box!.x, `${name} starts inside the window`).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width, `${name} ends inside the window`).toBeLessThanOrEqual(1280);
  }
  await page.screenshot({ path: testInfo.outputPath('1280x800-long-path.png'), fullPage: true });
  expect(await overflowsSideways(page)).toBe(false);
});
