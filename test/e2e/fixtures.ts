import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, test as base, type Page } from '@playwright/test';
import { assertCliBuilt } from '../helpers/build';

const ROOT = resolve(import.meta.dirname, '../..');

export interface BrowserMode {
  /** The URL `tributary serve` printed, token included. */
  url: string;
  /** This test's own user-data folder (recent projects, default projects folder). */
  home: string;
}

/** Starts `tributary serve` as a user would, with a fresh user-data folder, and stops it after the test. */
async function serve(
  home: string,
  args: string[] = [],
): Promise<{ url: string; child: ChildProcess; stderr: () => string }> {
  if (!existsSync(join(ROOT, 'out/renderer/index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` before the end-to-end tests (npm test does).');
  }
  assertCliBuilt();
  const child = spawn(process.execPath, [join(ROOT, 'bin/tributary.mjs'), 'serve', ...args], {
    cwd: ROOT,
    env: { ...process.env, TRIBUTARY_HOME: home },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    lines.on('line', (line) => {
      const match = /running at (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(line);
      if (match) resolveUrl(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`tributary serve exited with ${code}: ${stderr}`)));
  });
  return { url, child, stderr: () => stderr };
}

export const test = base.extend<{ browserMode: BrowserMode }>({
  browserMode: async ({ page }, use, testInfo) => {
    const home = mkdtempSync(join(tmpdir(), 'tributary-e2e-'));
    const { url, child, stderr } = await serve(home);
    try {
      await use({ url, home });
      // CI keeps only the console: a failure prints what the page showed (an error alert, a stale step) and what
      // the server wrote, since the screenshot and trace stay on the CI machine.
      if (testInfo.status !== testInfo.expectedStatus) {
        const snapshot = await page
          .locator('body')
          .ariaSnapshot({ timeout: 5_000 })
          .catch((error: unknown) => `(no snapshot: ${String(error)})`);
        console.log(`--- ${testInfo.title}: the page at the failure\n${snapshot}\n--- server stderr\n${stderr()}`);
      }
    } finally {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      rmSync(home, { recursive: true, force: true });
    }
  },
});

export { expect };

/** An amount as the app shows it ("$1,234"), as a number. */
export const money = (text: string): number => Number(text.replace(/[^\d.-]/g, ''));

/** Clicks a project tab and waits until it is the selected one. */
export async function openTab(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
}

/**
 * Opens browser mode (on the demo, as a first start does), closes the demo and creates an empty project named
 * `name`, as a user starting their own would; returns once its dashboard shows.
 */
export async function startEmptyProject(page: Page, browserMode: BrowserMode, name: string): Promise<void> {
  await page.goto(browserMode.url);
  await expect(page.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
  await page.getByRole('button', { name: 'Close project' }).click();
  await page.getByRole('textbox', { name: 'Project name' }).fill(name);
  await page.getByRole('button', { name: 'Create project' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
}

/**
 * Imports a CSV into the open project as a user would: uploaded on the Import tab, its kind recognised from its
 * headers, imported whole; returns once the summary says all `rows` came in.
 */
export async function importCsv(page: Page, name: string, text: string, rows: number): Promise<void> {
  await openTab(page, 'Import');
  await page.getByLabel('Upload CSV').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
  await expect(page.getByText(new RegExp(`^${name.replace('.', '\\.')}: \\d+ columns`))).toBeVisible();
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(
    page
      .getByRole('region', { name: 'Import summary' })
      .getByRole('heading', { name: `Imported ${rows.toLocaleString('en-US')} rows` }),
  ).toBeVisible();
}
