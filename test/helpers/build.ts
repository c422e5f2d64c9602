import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
export const CLI_BUNDLE = join(ROOT, 'out/main/cli.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (!entry.name.includes('.test.')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

let checked = false;

/**
 * Tests that spawn `tributary` run the built CLI, as users do. A bundle older than the sources would test yesterday's
 * code and pass or fail for the wrong reason, so such a run stops here and says how to rebuild (`npm test` builds
 * first; a single test file run by hand may not).
 */
export function assertCliBuilt(): void {
  if (checked) return;
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run \`npm run build\` first.`);
  const built = statSync(CLI_BUNDLE).mtimeMs;
  const source = Math.max(newestSource(join(ROOT, 'src/main')), newestSource(join(ROOT, 'src/shared')));
  if (source > built) throw new Error('The CLI bundle is older than the sources: run `npm run build` first.');
  checked = true;
}
