import Database from 'better-sqlite3';
import { expect, test } from './fixtures';

test('Check project finds nothing in a sound project, then names a trigger added behind its back', async ({
  page,
  browserMode,
}) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('button', { name: 'Check project' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'No problems found' })).toBeVisible();

  // Another program adds a trigger to the open project (WAL lets it write beside the server's connection).
  const path = await page.locator('.project-header .path').innerText();
  const other = new Database(path);
  other.exec('CREATE TRIGGER lurk AFTER INSERT ON accounts BEGIN DELETE FROM scenarios; END');
  other.close();
  await page.getByRole('button', { name: 'Check project' }).click();
  const problems = page.locator('.check-problems');
  await expect(problems).toContainText('1 problem found:');
  await expect(problems.getByRole('listitem')).toHaveText([
    'has a trigger `lurk` on `accounts` that Tributary does not create',
  ]);

  // Once closed, the same file is refused when opened again, with the reason.
  await page.getByRole('button', { name: 'Close project' }).click();
  const recent = page.getByRole('region', { name: 'Recent projects' });
  await recent.getByRole('button', { name: 'Tributary Demo', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText(
    'has a trigger `lurk` on `accounts` that Tributary does not create; it was changed outside Tributary',
  );
  await expect(page.getByRole('heading', { name: 'Recent projects' })).toBeVisible();
});
