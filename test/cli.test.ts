import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../src/main/cli/main';
import { resolveUserDataDir } from '../src/main/session/userData';
import { APP_VERSION } from '../src/shared/version';
import { runTributary, tributaryBin, type Finished } from './helpers/cli';
import { captureCliIo, runCliCaptured } from './helpers/cliIo';
import { execAsAnotherProgram, keepsSnapshot } from './helpers/files';

let dir: string;
let home: string;
let rendererDir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tributary-cli-'));
  home = join(dir, 'home');
  rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>stub UI</title>');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** The environment every child gets: its own user-data folder and the stub UI, never the developer's. */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, TRIBUTARY_HOME: home, TRIBUTARY_RENDERER_DIR: rendererDir, ...extra };
}

function cli(args: string[], extraEnv: Record<string, string> = {}): Promise<Finished> {
  return runTributary(args, childEnv(extraEnv));
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function countIn(checkOutput: string, label: string): number {
  const match = new RegExp(`^\\s+${label}:\\s+(\\d+)$`, 'm').exec(checkOutput);
  if (!match) throw new Error(`no ${label} in:\n${checkOutput}`);
  return Number(match[1]);
}

describe('tributary new', () => {
  it('creates an empty project that passes check, and refuses to overwrite it', async () => {
    const path = join(dir, 'empty.sqlite');
    const created = await cli(['new', path, '--name', 'Q3 review', '--currency', 'EUR']);
    expect(created).toMatchObject({ code: 0, stderr: '' });
    expect(created.stdout).toContain(path);

    const before = sha256(path);
    const again = await cli(['new', path]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${path} already exists`);
    expect(sha256(path)).toBe(before);

    const checked = await cli(['check', path]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^ok /);
    expect(checked.stdout).toMatch(/name:\s+Q3 review/);
    expect(checked.stdout).toMatch(/currency:\s+EUR/);
    expect(countIn(checked.stdout, 'touchpoints')).toBe(0);
    expect(sha256(path)).toBe(before);
  });
});

describe('tributary demo', () => {
  it('fills a new project that check then reports, unchanged', async () => {
    const path = join(dir, 'demo.sqlite');
    const demo = await cli(['demo', path, '--scale', '2000', '--seed', '7']);
    expect(demo.stderr).toBe(''); // not a terminal: no progress line
    expect(demo.code).toBe(0);
    const touches = /(\d+) touchpoints/.exec(demo.stdout);
    expect(touches).not.toBeNull();
    expect(demo.stdout).toMatch(/ in \d+\.\d s\.\n$/);

    const before = sha256(path);
    const checked = await cli(['check', path]);
    expect(checked.code).toBe(0);
    expect(checked.stdout).toMatch(/^ok /);
    expect(checked.stdout).toMatch(/schema version:\s+\d+/);
    expect(countIn(checked.stdout, 'touchpoints')).toBe(Number(touches?.[1]));
    expect(countIn(checked.stdout, 'accounts')).toBeGreaterThan(0);
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`) || existsSync(`${path}-shm`)).toBe(false);
  });

  it('keeps the engine snapshot in the project, which car then reads instead of the tables, writing nothing', async () => {
    const path = join(dir, 'demo-snapshot.sqlite');
    expect((await cli(['demo', path, '--scale', '2000', '--seed', '3'])).code).toBe(0);
    expect(keepsSnapshot(path)).toBe(true);
    const before = sha256(path);
    const car = await cli(['car', path, '--json']);
    expect(car.code).toBe(0);
    expect(JSON.parse(car.stdout).revenue).toBeGreaterThan(0);
    expect(sha256(path)).toBe(before);

    // A copy whose deals are deleted, then whose data revision is set back by hand: only the snapshot still holds
    // the deals, so the same figures prove it was read.
    const emptied = join(dir, 'demo-emptied.sqlite');
    copyFileSync(path, emptied);
    const db = new Database(emptied);
    const revision = db.prepare('SELECT token FROM data_revision').pluck().get();
    db.exec('DELETE FROM opportunity_features; DELETE FROM opportunities');
    db.prepare('UPDATE data_revision SET token = ?').run(revision);
    db.close();
    expect((await cli(['car', emptied, '--json'])).stdout).toBe(car.stdout);
    // Without the snapshot, the tables are read: no deals, no revenue.
    execAsAnotherProgram(emptied, 'DELETE FROM engine_snapshot');
    expect(JSON.parse((await cli(['car', emptied, '--json'])).stdout).revenue).toBe(0);
  });

  it('rejects a scale that is not a positive whole number, creating nothing', async () => {
    const path = join(dir, 'bad-scale.sqlite');
    const result = await cli(['demo', path, '--scale', '0']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--scale must be a positive whole number');
    expect(result.stderr).toContain('Usage: tributary demo');
    expect(existsSync(path)).toBe(false);
  });
});

describe('tributary check on files that are not projects', () => {
  it('refuses a text file and leaves its bytes alone', async () => {
    const path = join(dir, 'notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database\n'.repeat(20));
    const before = sha256(path);
    const result = await cli(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Tributary project: it is not a SQLite database');
    expect(sha256(path)).toBe(before);
  });

  it('refuses another application’s SQLite database and leaves its bytes alone', async () => {
    const path = join(dir, 'foreign.sqlite');
    execAsAnotherProgram(path, "CREATE TABLE songs (title TEXT); INSERT INTO songs VALUES ('Blue in Green');");
    const before = sha256(path);
    const result = await cli(['check', path]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is a SQLite database but not a Tributary project');
    expect(sha256(path)).toBe(before);
    expect(existsSync(`${path}-wal`)).toBe(false);
  });

  it('says when the file is missing', async () => {
    const result = await cli(['check', join(dir, 'nowhere.sqlite')]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('No project file at');
  });
});

describe('bad usage and commands still to come', () => {
  it('exits 2 with the usage for an unknown option or command', async () => {
    const option = await cli(['new', join(dir, 'x.sqlite'), '--bogus']);
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('unknown option --bogus');
    expect(option.stderr).toContain('Usage: tributary new');
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
  });
});

describe('tributary serve', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)('serves a project until %s, then closes it cleanly', async (signal) => {
    const path = join(dir, `served-${signal}.sqlite`);
    expect((await cli(['new', path])).code).toBe(0);

    const child = spawn(process.execPath, [tributaryBin(), 'serve', path], { env: childEnv() });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    const lines = createInterface({ input: child.stdout });
    const first = await new Promise<string>((resolve, reject) => {
      lines.once('line', resolve);
      child.once('close', () => reject(new Error(`serve exited early: ${stderr}`)));
    });
    const match = /^Tributary is running at (http:\/\/127\.0\.0\.1:\d+\/\?token=(\S+))$/.exec(first);
    expect(match, first).not.toBeNull();
    const url = new URL(match?.[1] ?? '');

    const response = await fetch(new URL('/api/project:summary', url), {
      method: 'POST',
      headers: { 'x-tributary-token': match?.[2] ?? '', 'content-type': 'application/json' },
      body: '{}',
    });
    const envelope = (await response.json()) as { ok: boolean; result: { path: string; counts: object } };
    expect(envelope.ok).toBe(true);
    expect(envelope.result.path).toBe(path);
    expect(envelope.result.counts).toMatchObject({ accounts: 0, touchpoints: 0 });

    child.kill(signal);
    expect(await exited).toBe(0);
    expect(existsSync(`${path}-wal`)).toBe(false);
    expect(readFileSync(join(home, 'recent-projects.json'), 'utf8')).toContain(path);
    expect((await cli(['check', path])).code).toBe(0);
  });

  it('does not start when the project cannot be opened', async () => {
    const path = join(dir, 'not-a-project.sqlite');
    writeFileSync(path, 'plain text');
    const result = await cli(['serve', path]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('is not a Tributary project');
  });

  it('does not start without a built UI', async () => {
    const empty = join(dir, 'no-ui');
    mkdirSync(empty);
    const result = await cli(['serve'], { TRIBUTARY_RENDERER_DIR: empty });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('holds no index.html');
  });
});

describe('in-process', () => {
  /** Its own user-data folder and the stub UI, as the children get. */
  const env = () => ({ TRIBUTARY_HOME: home, TRIBUTARY_RENDERER_DIR: rendererDir });

  it('prints help on stdout, usage errors on stderr, and the version', async () => {
    const help = await runCliCaptured(['--help'], env());
    expect(help.code).toBe(0);
    expect(help.out).toContain('Usage: tributary <command>');
    for (const command of ['new', 'demo', 'import', 'attribute', 'car', 'check', 'serve']) {
      expect(help.out).toMatch(new RegExp(`^ {2}${command} `, 'm'));
    }

    const none = await runCliCaptured([], env());
    expect(none.code).toBe(2);
    expect(none.err).toContain('Usage: tributary <command>');

    const demoHelp = await runCliCaptured(['demo', '--help'], env());
    expect(demoHelp.code).toBe(0);
    expect(demoHelp.out).toContain('--scale N');

    const unknown = await runCliCaptured(['frobnicate'], env());
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('unknown command "frobnicate"');

    const version = await runCliCaptured(['--version'], env());
    expect(version.code).toBe(0);
    expect(version.out).toBe(`${APP_VERSION}\n`);
  });

  it('runs serve until its signal aborts, then closes the project', async () => {
    const path = join(dir, 'in-process.sqlite');
    expect((await runCliCaptured(['new', path], env())).code).toBe(0);
    const stop = new AbortController();
    const serve = captureCliIo(env(), stop.signal);
    const running = runCli(['serve', path, '--port', '0'], serve.io);
    await expect.poll(() => serve.out()).toMatch(/^Tributary is running at http:\/\/127\.0\.0\.1:\d+\//);
    stop.abort();
    expect(await running).toBe(0);
    expect((await runCliCaptured(['check', path], env())).code).toBe(0);
  });

  it('finds the user-data folder from TRIBUTARY_HOME, then XDG, then ~/.config', () => {
    expect(resolveUserDataDir({ TRIBUTARY_HOME: '/data/t', XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/data/t');
    expect(resolveUserDataDir({ XDG_CONFIG_HOME: '/x' }, '/home/u')).toBe('/x/Tributary');
    expect(resolveUserDataDir({ XDG_CONFIG_HOME: 'relative' }, '/home/u')).toBe('/home/u/.config/Tributary');
    expect(resolveUserDataDir({}, '/home/u')).toBe('/home/u/.config/Tributary');
  });
});
