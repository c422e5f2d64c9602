import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**', 'out/**'],
    // better-sqlite3 is a native addon; forks keep each test file's connections in their own process.
    pool: 'forks',
    // One test file per core: the default (one core fewer) ran the suite on one worker on a 2-core machine, 324 s
    // against 195 s; no test depends on how busy the machine is (docs/reliability.md, the kill tests).
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
  },
});
