import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const ROOT = resolve(import.meta.dirname, '../..');

/**
 * Where the Electron binary is, or why it is not there. It is looked up the way the electron package does
 * (path.txt names it under dist/) without calling the package, which would try to download it.
 */
function electronBinary(): { path: string } | { missing: string } {
  const pkg = join(ROOT, 'node_modules/electron');
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) {
    return { missing: 'the Electron binary was never downloaded (node_modules/electron/path.txt is missing)' };
  }
  const path = join(pkg, 'dist', readFileSync(pathFile, 'utf8'));
  return existsSync(path) ? { path } : { missing: `the Electron binary is not installed (${path} is missing)` };
}

const binary = electronBinary();
const nativeBinding = join(ROOT, '.electron-native/better_sqlite3.node');

test('the desktop app starts, opens the demo project on first start and shows its dashboard', async () => {
  const reason =
    'missing' in binary
      ? binary.missing
      : existsSync(nativeBinding)
        ? null
        : `no Electron build of better-sqlite3 at ${nativeBinding} (npm start makes it)`;
  if (reason) console.log(`Electron smoke test skipped: ${reason}.`);
  test.skip(reason !== null, `Electron smoke test skipped: ${reason}.`);
  const home = mkdtempSync(join(tmpdir(), 'tributary-electron-'));
  const app = await electron.launch({
    executablePath: (binary as { path: string }).path,
    args: [join(ROOT, 'out/main/index.js')],
    env: { ...process.env, TRIBUTARY_HOME: home, TRIBUTARY_NATIVE_BINDING: nativeBinding },
  });
  try {
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
    const sandboxed = await window.evaluate(() => typeof (globalThis as { require?: unknown }).require);
    expect(sandboxed).toBe('undefined');

    // The security checklist, as the page sees it: no Node, only the bridge, no new windows,
    // no navigation away from the app's own content, no permissions.
    const page = await window.evaluate(async () => {
      const scope = globalThis as unknown as {
        process?: unknown;
        tributary?: Record<string, unknown>;
        open(url: string): unknown;
        location: { href: string };
        navigator: { permissions: { query(q: { name: string }): Promise<{ state: string }> } };
      };
      return {
        process: typeof scope.process,
        bridge: typeof scope.tributary,
        popup: scope.open('https://example.com') === null,
        origin: scope.location.href.split('/').slice(0, 3).join('/'),
        geolocation: (await scope.navigator.permissions.query({ name: 'geolocation' })).state,
      };
    });
    expect(page.process).toBe('undefined');
    expect(page.bridge).toBe('object');
    expect(page.popup).toBe(true);
    expect(page.origin).toBe('tributary://app');
    expect(page.geolocation).not.toBe('granted');
    await window.evaluate(() => {
      (globalThis as unknown as { location: { href: string } }).location.href = 'https://example.com/';
    });
    await expect(window.getByRole('heading', { level: 1, name: 'Tributary Demo' })).toBeVisible();
    expect(window.url()).toMatch(/^tributary:\/\/app\//);
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
});
