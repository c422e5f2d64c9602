import { expect, test, startEmptyProject } from './fixtures';

test('browser mode: a CSV picked from the page is uploaded once and imported from the user-data folder', async ({
  page,
  browserMode,
}) => {
  await startEmptyProject(page, browserMode, 'Uploads');
  await page.getByRole('tab', { name: 'Import' }).click();

  await page.getByLabel('Upload CSV').setInputFiles({
    name: 'members.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('id,username,name,email,created_at\n1,ada,Ada,ada@acme.com,2024-01-05T10:00:00Z\n'),
  });
  await expect(page.getByText(/^members\.csv: 5 columns/)).toBeVisible();
  await expect(page.getByRole('textbox', { name: 'CSV file' })).toHaveValue(
    new RegExp(`^${browserMode.home.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/uploads/[0-9a-f-]{36}/members\\.csv$`),
  );
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('community_members');
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page.getByRole('region', { name: 'Import summary' }).getByRole('heading', { name: 'Imported 1 rows' }),
  ).toBeVisible();
});

test('a CSV dropped on the import tab is uploaded and inspected', async ({ page, browserMode }) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('tab', { name: 'Import' }).click();
  // Built in the page (a DataTransfer exists only there), as a drag from the desktop would bring it.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['account_id,name\\nA1,Acme\\n'], 'dropped-accounts.csv', { type: 'text/csv' }));
    return transfer;
  })()`);
  await page.locator('.import-wizard').dispatchEvent('drop', { dataTransfer });
  await expect(page.getByText(/^dropped-accounts\.csv: 2 columns/)).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Kind' })).toHaveValue('accounts');
});
