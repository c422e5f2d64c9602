import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SIZES = [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
] as const;

const TABS = ['Overview', 'Model', 'Compare', 'Journeys', 'Import', 'Data'] as const;

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
    await page.getByRole('searchbox', { name: 'Find an opportunity' }).fill('OPP-0000');
    await page.getByRole('button', { name: 'Search' }).click();
    await page
      .getByRole('list', { name: 'Matching opportunities' })
      .getByRole('button')
      .filter({ hasText: '· won ·' })
      .first()
      .click();
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
