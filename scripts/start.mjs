#!/usr/bin/env node
// `npm start`: build, then run the desktop app with the demo project on first start. Electron needs its own binary
// and an Electron-ABI build of better-sqlite3 (kept in .electron-native/, so Node's build for the CLI, browser mode
// and tests is never clobbered). Where either cannot be had, say why in one line and run browser mode instead.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
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

const build = run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);
if (build.status !== 0) process.exit(build.status ?? 1);

const electron = electronBinary();
const native = electron.missing ? {} : electronNativeBinding();
const reason = electron.missing ?? native.missing;

const child = reason
  ? (console.log(`Electron is unavailable here: ${reason}; starting browser mode instead.`),
    spawn(process.execPath, [join(root, 'bin', 'tributary.mjs'), 'serve'], { cwd: root, stdio: 'inherit' }))
  : spawn(electron.binary, [join(root, 'out', 'main', 'index.js')], {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, TRIBUTARY_NATIVE_BINDING: nativeBinding },
    });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
