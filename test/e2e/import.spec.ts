import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test, startEmptyProject } from './fixtures';

/** Canonical headers: imports with no mapping. */
const ACCOUNTS = `account_id,name,domain,segment,employees
A1,Acme,acme.com,Enterprise,1200
A2,Globex,globex.com,Mid-Market,300
A3,Initech,initech.com,SMB,45
`;

/** A Salesforce contact report: its own header names and US (month-first) dates. */
const CONTACTS = `Contact ID,Account ID,Email,First Name,Last Name,Title,Lead Created Date
C1,A1,ada@acme.com,Ada,Lovelace,CTO,3/15/2024
C2,A2,bob@globex.com,Bob,Stone,VP Sales,12/28/2023
C3,A3,cy@initech.com,Cy,Young,Engineer,1/30/2024
`;

/** A HubSpot deals export: money with signs and separators, HubSpot's stage and type words, one bad amount. */
const OPPORTUNITIES = `Record ID,Deal Name,Deal Stage,Deal Type,Amount,Create Date,Close Date,Associated Company IDs
O1,Acme expansion,closedwon,existingbusiness,"$1,250.00",2024-01-10,2024-03-20,A1
O2,Globex new logo,closedlost,newbusiness,"$9,800.50",2024-02-01,2024-04-02,A2
O3,Initech pilot,appointmentscheduled,newbusiness,abc,2024-02-15,,A3
O4,Acme renewal,closedwon,Renewal,"$3,000.00",2024-03-01,2024-05-01,A1
`;

/** `Marketing Bucket` is no alias of any column: the user maps it to `channel` by hand. */
const TOUCHPOINTS = `Touchpoint ID,Contact ID,Occurred At,Marketing Bucket,Campaign
T1,C1,2024-01-05,Paid Search,Q1 Search
T2,C2,2024-01-20,Webinar,Pipeline webinar
T3,C3,2024-02-02,Email,Newsletter
`;

async function inspect(page: Page, path: string, fileName: string): Promise<void> {
  await page.getByRole('textbox', { name: 'CSV file' }).fill(path);
  await page.getByRole('button', { name: 'Inspect' }).click();
  await expect(page.getByText(new RegExp(`^${fileName}: \\d+ columns`))).toBeVisible();
}

async function validate(page: Page, wouldImport: number, rejected: number): Promise<void> {
  await page.getByRole('button', { name: 'Validate' }).click();
  const summary = page.getByRole('region', { name: 'Validation summary' });
  await expect(summary.getByText('Would import')).toBeVisible();
  await expect(summary.locator('.figure', { hasText: 'Would import' })).toContainText(String(wouldImport));
  await expect(summary.locator('.figure', { hasText: 'Rejected' })).toContainText(String(rejected));
}

async function importIt(page: Page, imported: number): Promise<void> {
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Import summary' }).getByRole('heading', { name: `Imported ${imported} rows` }),
  ).toBeVisible();
}

async function countIn(page: Page, regionName: string, label: string): Promise<string> {
  return page
    .getByRole('region', { name: regionName, exact: true })
    .getByRole('row', { name: new RegExp(`^${label} `) })
    .getByRole('cell')
    .innerText();
}

test('import CRM CSVs through the wizard: map, validate, import, reject a bad row, re-import without duplicates', async ({
  page,
  browserMode,
}, testInfo) => {
  const files = { accounts: ACCOUNTS, contacts: CONTACTS, opportunities: OPPORTUNITIES, touchpoints: TOUCHPOINTS };
  const paths = Object.fromEntries(
    Object.entries(files).map(([name, text]) => {
      const path = join(browserMode.home, `${name}.csv`);
      writeFileSync(path, text);
      return [name, path];
    }),
  ) as Record<keyof typeof files, string>;

  await startEmptyProject(page, browserMode, 'Import Review');

  await page.getByRole('tab', { name: 'Import' }).click();
  await expect(page.getByRole('tab', { name: 'Import' })).toHaveAttribute('aria-selected', 'true');

  // Accounts: canonical headers map themselves.
  await inspect(page, paths.accounts, 'accounts.csv');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('accounts');
  await expect(page.getByRole('combobox', { name: 'account_id', exact: true })).toHaveValue('account_id');
  await expect(page.getByRole('region', { name: 'Preview rows' })).toContainText('acme.com');
  await validate(page, 3, 0);
  await importIt(page, 3);

  // Contacts: Salesforce headers found by alias, month-first dates settled from the values.
  await inspect(page, paths.contacts, 'contacts.csv');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('contacts');
  await expect(page.getByRole('combobox', { name: 'contact_id', exact: true })).toHaveValue('Contact ID');
  await expect(page.getByRole('combobox', { name: 'lead_created_at', exact: true })).toHaveValue('Lead Created Date');
  await expect(page.getByRole('radio', { name: /^Month first/ })).toBeChecked();
  // Lead dates are milestones: a date-only value is the end of that day, in UTC.
  await expect(page.getByRole('region', { name: 'Preview rows' })).toContainText('2024-03-15 23:59:59');
  await validate(page, 3, 0);
  await importIt(page, 3);

  // Opportunities: HubSpot headers and words, and one amount that is not money.
  await inspect(page, paths.opportunities, 'opportunities.csv');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('opportunities');
  await expect(page.getByRole('combobox', { name: 'amount', exact: true })).toHaveValue('Amount');
  await expect(page.getByRole('combobox', { name: 'stage', exact: true })).toHaveValue('Deal Stage');
  await expect(page.getByRole('combobox', { name: 'Stage closedwon' })).toHaveValue('won');
  await expect(page.getByRole('combobox', { name: 'Stage appointmentscheduled' })).toHaveValue('open');
  await expect(page.getByRole('combobox', { name: 'Type existingbusiness' })).toHaveValue('upgrade');
  const preview = page.getByRole('region', { name: 'Preview rows' });
  await expect(preview.getByRole('row', { name: /^4 / })).toContainText('Amount');
  await expect(preview).toContainText('1250');
  await page.screenshot({ path: testInfo.outputPath('import-wizard-mapping.png'), fullPage: true });
  await validate(page, 3, 1);
  await importIt(page, 3);
  const rejected = page.getByRole('table', { name: 'Rejected rows' });
  await expect(rejected.getByRole('row', { name: /^4 Amount / })).toBeVisible();
  await rejected.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('import-rejected-rows.png') });
  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download rejected rows (CSV)' }).click();
  expect((await downloaded).suggestedFilename()).toBe('opportunities-issues.csv');

  // Touchpoints: nothing knows `Marketing Bucket`, so channel is mapped by hand.
  await inspect(page, paths.touchpoints, 'touchpoints.csv');
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('touchpoints');
  const channel = page.getByRole('combobox', { name: 'channel', exact: true });
  await expect(channel).toHaveValue('');
  await expect(page.getByText('Required and not mapped: channel')).toBeVisible();
  await channel.selectOption('Marketing Bucket');
  await expect(page.getByText('Required and not mapped')).toBeHidden();
  await expect(page.getByRole('region', { name: 'Preview rows' })).toContainText('Paid Search');
  await page.screenshot({ path: testInfo.outputPath('import-wizard-touchpoints.png'), fullPage: true });
  await validate(page, 3, 0);
  await importIt(page, 3);

  // The same opportunities file again updates its rows by id: nothing is duplicated.
  await inspect(page, paths.opportunities, 'opportunities.csv');
  await importIt(page, 3);

  await page.getByRole('tab', { name: 'Data' }).click();
  await expect(page.getByRole('region', { name: 'Import history' }).getByRole('row')).toHaveCount(6);
  expect(await countIn(page, 'Row counts', 'Opportunities')).toBe('3');
  expect(await countIn(page, 'Row counts', 'Accounts')).toBe('3');
  expect(await countIn(page, 'Row counts', 'Contacts')).toBe('3');
  expect(await countIn(page, 'Row counts', 'Marketing touchpoints')).toBe('3');
  await expect(page.getByRole('region', { name: 'Orphans' })).toContainText('No orphans');

  await page.getByRole('combobox', { name: 'Table' }).selectOption('opportunities');
  const grid = page.getByRole('table', { name: 'opportunities rows' });
  await expect(grid).toHaveAttribute('aria-rowcount', '4');
  await expect(grid).toContainText('Acme expansion');
  await page.screenshot({ path: testInfo.outputPath('data-view.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Overview' }).click();
  expect(await countIn(page, 'Data', 'Opportunities')).toBe('3');
});
