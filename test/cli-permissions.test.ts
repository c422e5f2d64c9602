import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProject } from '../src/main/store/project';
import { runTributary, tributaryBin } from './helpers/cli';

/**
 * Issue 13: a file the user may not read, or a folder they may not write to or enter, is said in words, never as
 * `Internal error` and a stack. Permissions do not bind root, so as root the CLI runs as `nobody`.
 */
const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};

/** Whether that user can run the CLI at all: a checkout under a folder only root may enter leaves it nothing to run. */
const canRun = spawnSync(process.execPath, [tributaryBin(), '--version'], asUser).status === 0;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-perm-'));
  chmodSync(dir, 0o755);
  const project = join(dir, 'locked.sqlite');
  createProject(project, { name: 'Locked', currency: 'USD' }).close();
  chmodSync(project, 0o000);
  writeFileSync(join(dir, 'locked.csv'), 'account_id,name\nA1,Acme\n', { mode: 0o000 });
  const closed = join(dir, 'closed');
  mkdirSync(closed, { mode: 0o700 });
  writeFileSync(join(closed, 'p.sqlite'), '');
  mkdirSync(join(dir, 'readonly'), { mode: 0o555 });
  createProject(join(dir, 'open.sqlite'), { name: 'Open', currency: 'USD' }).close();
  chmodSync(join(dir, 'open.sqlite'), 0o644);
});

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function tributary(args: string[]) {
  const home = join(dir, 'home');
  return runTributary(args, { ...process.env, TRIBUTARY_HOME: home }, asUser);
}

describe.skipIf(!canRun)('files and folders this user may not use (skipped: nobody cannot read this checkout)', () => {
  it.each([
    [['check', '{dir}/locked.sqlite'], '{dir}/locked.sqlite cannot be read: permission denied.'],
    [['car', '{dir}/locked.sqlite'], '{dir}/locked.sqlite cannot be read: permission denied.'],
    [
      ['import', '{dir}/open.sqlite', 'accounts', '{dir}/locked.csv'],
      '{dir}/locked.csv cannot be read: permission denied.',
    ],
    [['check', '{dir}/closed/p.sqlite'], '{dir}/closed/p.sqlite cannot be read: permission denied.'],
    [
      ['new', '{dir}/readonly/p.sqlite'],
      'Cannot create {dir}/readonly/p.sqlite: the folder {dir}/readonly is not writable.',
    ],
    [
      ['new', '{dir}/closed/sub/p.sqlite'],
      'Cannot create {dir}/closed/sub/p.sqlite: the folder {dir}/closed cannot be entered (permission denied).',
    ],
    [
      ['attribute', '{dir}/open.sqlite', '--out', '{dir}/readonly/credits.csv'],
      'Cannot create {dir}/readonly/credits.csv: the folder {dir}/readonly is not writable.',
    ],
  ])('tributary %j says so in one line and exits 1', async (args, message) => {
    const fill = (text: string): string => text.replaceAll('{dir}', dir);
    const result = await tributary(args.map(fill));
    expect(result.stderr).toBe(`${fill(message)}\n`);
    expect(result.code).toBe(1);
  });
});
