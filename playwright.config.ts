import { defineConfig } from '@playwright/test';
import { CHROMIUM_LAUNCH } from './test/chromium';

/**
 * End-to-end tests drive Debian's Chromium (never a downloaded browser) against browser mode: the real server and
 * a real project file per test. The Electron smoke test runs wherever the Electron binary is installed.
 */
export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  outputDir: 'test-results',
  projects: [
    {
      name: 'chromium',
      testDir: 'test/e2e',
      use: {
        browserName: 'chromium',
        locale: 'en-US',
        timezoneId: 'UTC',
        viewport: { width: 1280, height: 800 },
        screenshot: 'only-on-failure',
        trace: 'retain-on-failure',
        launchOptions: CHROMIUM_LAUNCH,
      },
    },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
