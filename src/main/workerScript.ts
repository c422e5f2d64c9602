import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The script a worker thread runs. In a build every main-process module is bundled into `out/main`, beside the
 * workers' own bundles (electron.vite.config.ts names them), so a module finds `<bundle>.js` next to itself and the
 * thread starts as fast as the CLI does. From the sources (tests, `npm run cli:dev`) there is no such file, and
 * the boot file beside the module (`workerBoot.mjs` unless named) starts the worker through tsx.
 */
export function workerScript(
  bundle: 'importThread' | 'engineThread' | 'parseThread' | 'demoThread',
  moduleUrl: string,
  boot = './workerBoot.mjs',
): URL {
  const bundled = new URL(`./${bundle}.js`, moduleUrl);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL(boot, moduleUrl);
}
