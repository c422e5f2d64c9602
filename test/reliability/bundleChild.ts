import { cpSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const requireFromRoot = createRequire(join(ROOT, 'package.json'));

/** Packages stay outside the bundle, imported from the checkout's node_modules by absolute URL, wherever it lies. */
const packagesFromCheckout: Plugin = {
  name: 'packages-from-checkout',
  setup(bundle) {
    bundle.onResolve({ filter: /^[^./]/ }, ({ path }) =>
      path.startsWith('node:')
        ? { path, external: true }
        : { path: pathToFileURL(requireFromRoot.resolve(path)).href, external: true },
    );
  },
};

/**
 * Bundles a child-process script of the tests into `<dir>/child.mjs`, with the store's migrations beside it as the
 * app's build has them. Node starts it in a tenth of a second, where loading the sources through tsx took about a
 * second of each killed child's life.
 */
export async function bundleChild(source: string, dir: string): Promise<string> {
  const outfile = join(dir, 'child.mjs');
  await build({
    entryPoints: [source],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    plugins: [packagesFromCheckout],
    logLevel: 'warning',
  });
  cpSync(join(ROOT, 'src/main/store/migrations'), join(dir, 'migrations'), { recursive: true });
  return outfile;
}
