import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Accounts the demo does not have, with canonical headers: they import with no mapping. */
const ACCOUNTS = `account_id,name,domain,segment,employees
NEW-1,Umbrella,umbrella.example,Enterprise,1200
NEW-2,Hooli,hooli.example,Mid-Market,300
NEW-3,Vandelay,vandelay.example,SMB,45
`;

async function accountCount(page: Page): Promise<number> {
  const cell = page
    .getByRole('region', { name: 'Row counts', exact: true })
    .getByRole('row', { name: /^Accounts / })
    .getByRole('cell');
  return Number((await cell.innerText()).replace(/\D/g, ''));
}

test('restore the point made before an import, and save an anonymised copy that says so', async ({
  page,
  browserMode,
}, testInfo) => {
  const csv = join(browserMode.home, 'accounts.csv');
  writeFileSync(csv, ACCOUNTS);
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();

  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('region', { name: 'Row counts', exact: true })).toBeVisible();
  const before = await accountCount(page);
  await expect(page.getByRole('region', { name: 'Restore points' })).toContainText('None yet');

  await page.getByRole('tab', { name: 'Import' }).click();
  await page.getByRole('textbox', { name: 'CSV file' }).fill(csv);
  await page.getByRole('button', { name: 'Inspect' }).click();
  await expect(page.getByText(/^accounts\.csv: \d+ columns/)).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Import summary' }).getByRole('heading', { name: 'Imported 3 rows' }),
  ).toBeVisible();

  await page.getByRole('tab', { name: 'Data' }).click();
  await expect.poll(() => accountCount(page)).toBe(before + 3);
  const points = page.getByRole('region', { name: 'Restore points' });
  // The point holds the state before the import.
  await expect(points.getByRole('row', { name: /Before an import/ })).toContainText(
    `${before.toLocaleString('en-US')} accounts`,
  );
  await points.getByRole('button', { name: /^Restore the point of .* \(before an import\)$/ }).click();
  await points.getByRole('group', { name: 'Confirm the restore' }).getByRole('button', { name: 'Restore now' }).click();

  // The dashboard reloads on the restored file (back on its first tab): the imported accounts are gone.
  await expect(page.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('region', { name: 'Data', exact: true })).toContainText(before.toLocaleString('en-US'));
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect.poll(() => accountCount(page)).toBe(before);
  await expect(page.getByRole('region', { name: 'Import history' })).toContainText('Nothing imported yet');
  // The state before the restore was kept as a point of its own.
  await expect(points.getByRole('row', { name: /Before a restore/ })).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('restore-points.png'), fullPage: true });

  const copy = join(browserMode.home, 'shared-copy.sqlite');
  await page.getByRole('button', { name: 'Save anonymised copy…' }).click();
  await page.getByRole('textbox', { name: 'Anonymised copy to' }).fill(copy);
  await page.getByRole('button', { name: 'Save anonymised copy', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved an anonymised copy to' })).toContainText(copy);
  await expect(page.getByText(/This is an anonymised copy/)).toBeHidden();

  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('textbox', { name: 'Project file' }).fill(copy);
  await page.getByRole('button', { name: 'Open project' }).click();
  await expect(page.getByRole('note')).toContainText(/This is an anonymised copy made on /);
  await page.getByRole('tab', { name: 'Data' }).click();
  await expect.poll(() => accountCount(page)).toBe(before);
  await page.screenshot({ path: testInfo.outputPath('anonymised-banner.png'), fullPage: true });
});
