import { expect, test, startEmptyProject } from './fixtures';

test('an export’s extra columns are kept as custom fields, shown in the wizard and in the data view', async ({
  page,
  browserMode,
}) => {
  await startEmptyProject(page, browserMode, 'Custom');
  await page.getByRole('tab', { name: 'Import' }).click();

  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'accounts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('account_id,name,Industry,Office Location\nA1,Acme,Software,Berlin\nA2,Globex,Retail,\n'),
  });
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('accounts');
  await expect(page.getByRole('list', { name: 'Custom fields' }).getByRole('listitem')).toHaveText([
    'Industry',
    'Office Location',
  ]);
  // Mapped to a canonical column, a header is no longer a custom field.
  await page.getByRole('combobox', { name: 'segment', exact: true }).selectOption('Industry');
  await expect(page.getByRole('list', { name: 'Custom fields' }).getByRole('listitem')).toHaveText(['Office Location']);

  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const summary = page.getByRole('region', { name: 'Import summary' });
  await expect(summary.getByRole('heading', { name: 'Imported 2 rows' })).toBeVisible();
  await expect(summary).toContainText('Kept as custom fields: Office Location');

  await page.getByRole('tab', { name: 'Data' }).click();
  await page.getByRole('combobox', { name: 'Table' }).selectOption('accounts');
  const grid = page.getByRole('table', { name: 'accounts rows' });
  await expect(grid.getByRole('columnheader', { name: 'Office Location' })).toBeVisible();
  await expect(grid.getByRole('row').nth(1)).toContainText('Berlin');
  await expect(grid.getByRole('row').nth(1)).toContainText('Software');
});
