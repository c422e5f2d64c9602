import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    // better-sqlite3 is a native addon; forks keep each test file's connections in their own process.
    pool: 'forks',
    testTimeout: 30_000,
  },
});
