#!/usr/bin/env node
/**
 * `npm run audit:electron`: Electronegativity over the built app (out/: main, preload, renderer), as issue 7 asks.
 * Prints every finding and fails on any of high or critical severity. Run after `npm run build`; `npm test` does.
 * Electronegativity also looks up Electron's releases online; offline it says so and the other checks still run.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'out');
if (!existsSync(join(out, 'main/index.js'))) {
  console.error('audit:electron: the app is not built; run `npm run build` first.');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const electronVersion = require('electron/package.json').version;
const cli = join(dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist/index.js');
const dir = mkdtempSync(join(tmpdir(), 'tributary-electronegativity-'));
try {
  const report = join(dir, 'findings.csv');
  execFileSync(process.execPath, [cli, '-i', out, '-r', '-e', electronVersion, '-o', report], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const findings = readFileSync(report, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [check, severity, confidence, file, location] = line.split(',').map((cell) => cell.replaceAll('"', ''));
      return { check, severity, confidence, where: `${file}:${location}` };
    });
  for (const finding of findings) {
    console.log(`${finding.severity.padEnd(8)} ${finding.confidence.padEnd(9)} ${finding.check}  ${finding.where}`);
  }
  const blocking = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'CRITICAL');
  console.log(
    `audit:electron: ${findings.length} finding(s) on Electron ${electronVersion}, ${blocking.length} of high or critical severity.`,
  );
  process.exit(blocking.length > 0 ? 1 : 0);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
