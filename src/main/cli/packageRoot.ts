import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TributaryError } from '../../shared/errors';

/** The folder holding package.json above `from`: the checkout or the installed package, wherever it runs from. */
export function findPackageRoot(from: string = fileURLToPath(import.meta.url)): string {
  let dir = resolve(from);
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new TributaryError('internal', `No package.json above ${from}.`);
    dir = parent;
  }
}

/**
 * The built renderer that browser mode serves. `TRIBUTARY_RENDERER_DIR` points elsewhere: tests use it for a stub
 * UI, and a package that places the renderer outside `out/renderer` can use it too.
 */
export function resolveRendererDir(env: Readonly<Record<string, string | undefined>>): string {
  const override = env['TRIBUTARY_RENDERER_DIR'];
  const dir = override ? resolve(override) : join(findPackageRoot(), 'out', 'renderer');
  if (existsSync(join(dir, 'index.html'))) return dir;
  throw new TributaryError(
    'not_found',
    override
      ? `TRIBUTARY_RENDERER_DIR is ${dir}, which holds no index.html.`
      : 'The UI is not built: run `npm run build` first (npm run serve does it for you).',
  );
}
