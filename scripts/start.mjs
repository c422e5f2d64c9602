#!/usr/bin/env node
// `npm start`: build, then run the desktop app with the demo project on first start. Electron needs its own binary
// and an Electron-ABI build of better-sqlite3 (kept in .electron-native/, so Node's build for the CLI, browser mode
// and tests is never clobbered). Where either cannot be had, say why in one line and run browser mode instead.
//
// The app runs as a child of this process. A supervisor or a closing terminal signals this process alone, so
// SIGINT, SIGTERM and SIGHUP are passed on to the child, and this process ends when the child has, the way it did.
// npm signals the script it runs (often a shell between npm and this process) and may not pass the signal on: so
// under npm the child is also stopped when the process that started this one is gone.
//
// Environment:
//   TRIBUTARY_BROWSER_MODE=1  run browser mode without trying Electron (no download, no native build).
//   TRIBUTARY_SKIP_BUILD=1    run what out/ holds without building first (tests, which build once beforehand:
//                             a build empties out/ under any other process running the CLI bundle).
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { constants } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const launcher = process.ppid;
const nativeDir = join(root, '.electron-native');
const nativeBinding = join(nativeDir, 'better_sqlite3.node');

function versionOf(pkg) {
  return JSON.parse(readFileSync(join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
}

function run(command, args, options = {}) {
  return spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
}

/** Path of the Electron executable, downloading it on first run (electron's own installer), or why it failed. */
function electronBinary() {
  const pkgDir = join(root, 'node_modules', 'electron');
  const located = () => {
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const binary = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8'));
    return existsSync(binary) ? binary : null;
  };
  if (located()) return { binary: located() };
  const install = run(process.execPath, [join(pkgDir, 'install.js')], { stdio: 'pipe', timeout: 300_000 });
  if (located()) return { binary: located() };
  const detail = `${install.stderr ?? ''}`.split('\n').find((line) => line.trim()) ?? 'no detail';
  return { missing: `the Electron binary could not be downloaded (${detail.trim()})` };
}

/** Builds better-sqlite3 for Electron's ABI into .electron-native/, once per Electron and better-sqlite3 version. */
function electronNativeBinding() {
  const stamp = join(nativeDir, 'stamp.json');
  const wanted = JSON.stringify({ electron: versionOf('electron'), betterSqlite3: versionOf('better-sqlite3') });
  if (existsSync(nativeBinding) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return {};
  const work = join(nativeDir, 'better-sqlite3');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(nativeDir, { recursive: true });
  cpSync(join(root, 'node_modules', 'better-sqlite3'), work, {
    recursive: true,
    filter: (source) => !source.includes(`${join('better-sqlite3', 'build')}`),
  });
  const env = { ...process.env };
  // npm's nodedir setting points node-gyp at Node's headers; Electron needs its own.
  for (const key of Object.keys(env)) if (key.toLowerCase() === 'npm_config_nodedir') delete env[key];
  const gyp = run(
    process.execPath,
    [
      join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js'),
      'rebuild',
      '--release',
      '--runtime=electron',
      `--target=${versionOf('electron')}`,
      '--dist-url=https://electronjs.org/headers',
    ],
    { cwd: work, env, stdio: 'pipe', timeout: 600_000 },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (gyp.status !== 0 || !existsSync(built)) {
    const detail = `${gyp.stderr ?? ''}`.split('\n').find((line) => /error/i.test(line)) ?? 'no detail';
    return { missing: `better-sqlite3 could not be built for Electron (${detail.trim()})` };
  }
  cpSync(built, nativeBinding);
  writeFileSync(stamp, wanted);
  return {};
}

if (process.env['TRIBUTARY_SKIP_BUILD'] !== '1') {
  const electronVite = join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const build = run(process.execPath, [electronVite, 'build']);
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const browserOnly = process.env['TRIBUTARY_BROWSER_MODE'] === '1';
const electron = browserOnly ? { missing: 'TRIBUTARY_BROWSER_MODE=1 asks for browser mode' } : electronBinary();
const native = electron.missing ? {} : electronNativeBinding();
const reason = electron.missing ?? native.missing;

// The child gets a process group of its own, so a signal to this process's group (Ctrl-C at a terminal) reaches it
// once, forwarded below, not twice: a second SIGINT is how a user asks the app to stop without waiting.
const child = reason
  ? (console.log(`Electron is unavailable here: ${reason}; starting browser mode instead.`),
    spawn(process.execPath, [join(root, 'bin', 'tributary.mjs'), 'serve'], {
      cwd: root,
      stdio: 'inherit',
      detached: true,
    }))
  : spawn(electron.binary, [join(root, 'out', 'main', 'index.js')], {
      cwd: root,
      stdio: 'inherit',
      detached: true,
      env: { ...process.env, TRIBUTARY_NATIVE_BINDING: nativeBinding },
    });

// Until here a signal ends this process the default way: the build and the Electron steps end on their own and
// leave nothing running. From here the child decides how to stop, and this process waits for it.
const FORWARDED_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const forward = (signal) => child.kill(signal);
for (const signal of FORWARDED_SIGNALS) process.on(signal, forward);

/** Ends this process as the child ended: with its exit code, or killed by the same signal. */
function endLike(code, signal) {
  if (code !== null) process.exit(code);
  for (const forwarded of FORWARDED_SIGNALS) process.off(forwarded, forward);
  process.kill(process.pid, signal);
  // Where that signal is ignored (a disposition inherited from the shell), the shell's own code for "killed by".
  process.exit(128 + (constants.signals[signal] ?? 0));
}

// Under npm, left behind by the script shell (reparented): stop the child as npm was asked to. Elsewhere a parent
// that exits may mean to leave the app running, so nothing is watched.
if (process.env['npm_lifecycle_event']) {
  const orphanWatch = setInterval(() => {
    if (process.ppid === launcher) return;
    clearInterval(orphanWatch);
    child.kill('SIGTERM');
  }, 500);
  orphanWatch.unref();
}

child.on('error', (error) => {
  console.error(`The app could not be started: ${error.message}`);
  process.exit(1);
});
child.on('exit', endLike);
