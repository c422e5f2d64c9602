import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tributaryBin } from './helpers/cli';
import { runCliCaptured } from './helpers/cliIo';
import { useTempDir } from './helpers/files';

const tempDir = useTempDir();

/** Module hooks that refuse any TypeScript source and tsx itself: what a command loads must be built JavaScript. */
const REFUSE_SOURCES = `
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/\\.tsx?$/.test(resolved.url) || /\\/node_modules\\/tsx\\//.test(resolved.url)) {
    throw new Error('a command loaded ' + resolved.url + ' instead of the build');
  }
  return resolved;
}
`;

describe('the tributary command', () => {
  it('runs the build: check and car load no TypeScript source and no tsx', async () => {
    const dir = tempDir();
    const hooks = join(dir, 'refuse-sources.mjs');
    writeFileSync(hooks, REFUSE_SOURCES);
    const register = join(dir, 'register.mjs');
    writeFileSync(
      register,
      `import { register } from 'node:module';\nregister(${JSON.stringify(pathToFileURL(hooks).href)});\n`,
    );
    const project = join(dir, 'demo.sqlite');
    expect((await runCliCaptured(['demo', project, '--scale', '500'], { TRIBUTARY_HOME: dir })).code).toBe(0);
    for (const args of [
      ['check', project],
      ['car', project, '--json'],
    ]) {
      const run = spawnSync(process.execPath, ['--import', pathToFileURL(register).href, tributaryBin(), ...args], {
        encoding: 'utf8',
        env: { ...process.env, TRIBUTARY_HOME: dir },
      });
      expect(run.stderr, args.join(' ')).toBe('');
      expect(run.status, args.join(' ')).toBe(0);
    }
  });
});
