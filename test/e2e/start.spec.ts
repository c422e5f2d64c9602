import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

// These tests are about the app's first start: each generates the demo, as a new user's first start does.
test.use({ firstStart: true });

const KIND_TABLES = [
  ['Accounts', 'accounts'],
  ['Contacts', 'contacts'],
  ['Opportunities', 'opportunities'],
  ['Marketing touchpoints', 'touchpoints'],
  ['Community members', 'community_members'],
  ['Community actions', 'community_actions'],
  ['Features', 'features'],
] as const;

function countsIn(path: string): Record<string, number> {
  const db = new Database(path, { readonly: true });
  try {
    const counts: Record<string, number> = {};
    for (const [, table] of KIND_TABLES) {
      counts[table] = (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    }
    counts['won'] = (
      db.prepare("SELECT count(*) AS n FROM opportunities WHERE stage = 'won'").get() as { n: number }
    ).n;
    return counts;
  } finally {
    db.close();
  }
}

async function rowCount(page: Page, label: string): Promise<number> {
  const text = await page
    .getByRole('row', { name: new RegExp(`^${label} `) })
    .getByRole('cell')
    .innerText();
  return Number(text.replace(/,/g, ''));
}

test('first start opens the demo project and the dashboard shows its generated counts', async ({
  page,
  browserMode,
}, testInfo) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await expect(page).toHaveTitle('Tributary Demo — Tributary');
  const demoPath = await page.locator('.project-header .path').innerText();
  expect(demoPath).toBe(join(browserMode.home, 'projects', 'Tributary Demo.sqlite'));

  const expected = countsIn(demoPath);
  for (const [label, table] of KIND_TABLES) {
    expect(expected[table], `${table} has rows`).toBeGreaterThan(0);
    expect(await rowCount(page, label)).toBe(expected[table]);
  }
  await expect(page.getByRole('group', { name: 'Won opportunities' })).toContainText(
    new Intl.NumberFormat('en-US').format(expected['won'] as number),
  );
  await expect(page.getByRole('group', { name: 'Won revenue, all time' })).toContainText('$');
  // The span of the demo's dates (2024 and 2025), asked apart from the summary.
  await expect(page.getByRole('group', { name: 'Date range' }).locator('.card-value')).toHaveText(/2024.* – .*2025/);
  await page.screenshot({ path: testInfo.outputPath('dashboard.png'), fullPage: true });

  // Close, then open the demo again from the start screen.
  await page.getByRole('button', { name: 'Close project' }).click();
  await expect(page.getByRole('heading', { name: 'Recent projects' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('start.png'), fullPage: true });
  await page.getByRole('button', { name: 'Open demo project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  expect(await rowCount(page, 'Accounts')).toBe(expected['accounts']);
});

test('create a new project, close it, reopen it from recent projects', async ({ page, browserMode }) => {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('button', { name: 'Close project' }).click();

  await page.getByRole('textbox', { name: 'Project name' }).fill('Pipeline Review');
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline Review' })).toBeVisible();
  await expect(page.getByText('This project has no data yet')).toBeVisible();
  expect(await rowCount(page, 'Accounts')).toBe(0);

  await page.getByRole('button', { name: 'Close project' }).click();
  const recent = page.getByRole('region', { name: 'Recent projects' });
  await expect(recent.getByRole('button', { name: 'Pipeline Review', exact: true })).toBeVisible();
  await recent.getByRole('button', { name: 'Pipeline Review', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pipeline Review' })).toBeVisible();
  await expect(page.locator('.project-header .path')).toHaveText(
    join(browserMode.home, 'projects', 'Pipeline Review.sqlite'),
  );
});

test('opening a file that is not a Tributary project says so and keeps the start screen', async ({
  page,
  browserMode,
}) => {
  const notes = join(browserMode.home, 'notes.sqlite');
  writeFileSync(notes, 'just some notes, long enough to be more than a SQLite header would need. '.repeat(3));
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('textbox', { name: 'Project file' }).fill(notes);
  await page.getByRole('button', { name: 'Open project', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('is not a Tributary project: it is not a SQLite database');
  await expect(page.getByRole('heading', { name: 'Recent projects' })).toBeVisible();
});

test('the theme follows the system until the user picks one, and is remembered', async ({ page, browserMode }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  const root = page.locator('html');
  const theme = page.getByRole('combobox', { name: 'Theme' });
  await expect(theme).toHaveValue('system');
  await expect(root).toHaveCSS('background-color', 'rgb(16, 20, 24)');

  await theme.selectOption('light');
  await expect(root).toHaveCSS('background-color', 'rgb(247, 248, 250)');
  // Remembered in the user-data folder: a reload (or another run of browser mode) comes back light.
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Theme' })).toHaveValue('light');
  await expect(root).toHaveCSS('background-color', 'rgb(247, 248, 250)');
});

test('the app icon is served, to the page and to a bare /favicon.ico, and the first load logs no errors', async ({
  page,
  browserMode,
}) => {
  // Browsers ask for /favicon.ico by themselves, without the token: it answers the app icon and nothing else does.
  const origin = new URL(browserMode.url).origin;
  const bare = await fetch(`${origin}/favicon.ico`);
  expect(bare.status).toBe(200);
  expect(bare.headers.get('content-type')).toBe('image/png');
  const appIcon = readFileSync(resolve(import.meta.dirname, '../../resources/icon.png'));
  expect(Buffer.from(await bare.arrayBuffer()).equals(appIcon), 'the icon is the app icon').toBe(true);
  expect((await fetch(`${origin}/`)).status).toBe(401);

  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  const icon = page.waitForResponse((response) => new URL(response.url()).pathname === '/icon.png');
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  expect((await icon).status()).toBe(200);
  expect(errors).toEqual([]);
});
