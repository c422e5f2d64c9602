import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const pkg = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(resolve(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: unknown } }>;
};

/**
 * Electron 45's download and native-rebuild tools declare Node 22.12+; npm warns EBADENGINE for them on Node 20.
 * They serve only `npm start`'s desktop app and `npm run package`, which the README sends to Node 22.13+.
 */
const ELECTRON_TOOLCHAIN = [
  '@electron-internal/extract-zip',
  '@electron/get',
  '@electron/rebuild',
  'electron',
  'node-abi',
];

/** Every installed package whose declared Node range leaves out `version`. */
function packagesRefusing(version: string): string[] {
  const refusing = new Set<string>();
  for (const [path, entry] of Object.entries(lock.packages)) {
    const range = entry.engines?.node;
    if (path === '' || typeof range !== 'string' || !semver.validRange(range)) continue;
    if (!semver.satisfies(version, range)) refusing.add(path.slice(path.lastIndexOf('node_modules/') + 13));
  }
  return [...refusing].sort();
}

/** The lowest version of each Node major that package.json's engines admits. */
function lowestPerMajor(): string[] {
  return [20, 22, 24].flatMap((major) => {
    const lowest = semver.minSatisfying(
      Array.from({ length: 40 }, (_, minor) => `${major}.${minor}.0`),
      pkg.engines.node,
    );
    return lowest ? [lowest] : [];
  });
}

describe('the Node versions the README promises', () => {
  it('are the ones every installed package accepts, but for Electron’s own toolchain on Node 20', () => {
    const [node20, node22] = lowestPerMajor();
    expect(node20).toBe('20.19.0');
    expect(node22).toBe('22.13.0');
    expect(packagesRefusing(node20 as string)).toEqual([...ELECTRON_TOOLCHAIN].sort());
    expect(packagesRefusing(node22 as string)).toEqual([]);
    expect(packagesRefusing('24.0.0')).toEqual([]);
  });

  it('include the Node running these tests, and the README says which they are', () => {
    expect(semver.satisfies(process.versions.node, pkg.engines.node)).toBe(true);
    const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain('Node 20.19+');
    expect(readme).toContain('Node 22.13+');
    expect(readme).not.toMatch(/Node 20\.11/);
  });
});
