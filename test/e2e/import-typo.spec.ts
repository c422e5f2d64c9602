import { expect, test, startEmptyProject } from './fixtures';

const HINT = 'column `domian` is not mapped: did you mean `domain`?';

test('a misspelt header is a warning in the wizard, before and after validating, until it is mapped', async ({
  page,
  browserMode,
}) => {
  await startEmptyProject(page, browserMode, 'Typos');
  await page.getByRole('tab', { name: 'Import' }).click();

  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'accounts.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('account_id,name,domian\nA1,Acme,acme.com\nA2,Globex,globex.com\n'),
  });
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('accounts');
  await expect(page.getByRole('list', { name: 'Column warnings' }).getByRole('listitem')).toHaveText([HINT]);

  await page.getByRole('button', { name: 'Validate' }).click();
  const validation = page.getByRole('region', { name: 'Validation summary' });
  await expect(validation.locator('.figure', { hasText: 'Warnings' }).getByRole('definition')).toHaveText('1');
  await expect(validation.getByRole('table', { name: 'First issues' }).getByRole('row', { name: HINT })).toBeVisible();

  // Mapped by hand, the header is no longer a warning.
  await page.getByRole('combobox', { name: 'domain', exact: true }).selectOption('domian');
  await expect(page.getByRole('list', { name: 'Column warnings' })).toHaveCount(0);
});
