import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
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

/** Starts `tributary serve` as a user would, in the user-data folder `home`. */
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

/** Where the app keeps the demo project in its user-data folder (session.ts). */
const DEMO_IN_HOME = join('projects', 'Tributary Demo.sqlite');

/** Sends SIGTERM (the server closes its project cleanly) and waits for the process to end; returns its exit code. */
async function stop(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((done) => child.once('exit', done));
  child.kill('SIGTERM');
  return exited;
}

/**
 * The demo project as the app generates it on a first start: browser mode asked to open the demo in an empty
 * user-data folder, over its API as the page asks, then stopped, which closes the project.
 */
async function generateDemoTemplate(home: string): Promise<string> {
  const { url, child, stderr } = await serve(home);
  try {
    const { origin, searchParams } = new URL(url);
    const response = await fetch(`${origin}/api/project:openDemo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tributary-token': searchParams.get('token') ?? '' },
      body: '{}',
    });
    const envelope = (await response.json()) as { ok: boolean; error?: { message: string } };
    if (!envelope.ok) throw new Error(`project:openDemo: ${envelope.error?.message}: ${stderr()}`);
  } catch (error) {
    await stop(child);
    throw error;
  }
  // Closed cleanly, the project is the file alone: nothing of it may be left in a -wal the copy would miss.
  const code = await stop(child);
  const template = join(home, DEMO_IN_HOME);
  if (code !== 0 || existsSync(`${template}-wal`)) {
    throw new Error(`The demo template's server ended with ${code}, leaving ${template} unclosed: ${stderr()}`);
  }
  return template;
}

export const test = base.extend<
  {
    browserMode: BrowserMode;
    /**
     * Whether the test starts as the app's very first start, when it generates the demo project. Otherwise (the
     * default) the user-data folder holds the demo the app generated once for this worker, as after a first start:
     * each test then spends its time on what it tests, not on generating the same demo again (0.6-0.8 s a test).
     */
    firstStart: boolean;
  },
  { demoTemplate: string }
>({
  firstStart: [false, { option: true }],
  demoTemplate: [
    // Playwright reads a fixture's dependencies from this pattern, and requires one even when there are none.
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const home = mkdtempSync(join(tmpdir(), 'tributary-e2e-demo-'));
      try {
        await use(await generateDemoTemplate(home));
      } finally {
        rmSync(home, { recursive: true, force: true });
      }
    },
    { scope: 'worker' },
  ],
  browserMode: async ({ page, firstStart, demoTemplate }, use, testInfo) => {
    const home = mkdtempSync(join(tmpdir(), 'tributary-e2e-'));
    if (!firstStart) {
      mkdirSync(join(home, 'projects'));
      copyFileSync(demoTemplate, join(home, DEMO_IN_HOME));
    }
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
      await stop(child);
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
