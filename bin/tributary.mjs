#!/usr/bin/env node
// The `tributary` command: the CLI bundle that `npm run build` (and `npm install`'s prepare step) writes to out/main.
// From the TypeScript sources, without a build, run `npm run cli:dev -- <args>` instead.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../out/main/cli.js', import.meta.url);
if (existsSync(fileURLToPath(bundle))) {
  await import(bundle.href);
} else {
  process.stderr.write(
    `tributary: the command line is not built (no ${fileURLToPath(bundle)}): run \`npm run build\` in ${fileURLToPath(new URL('..', import.meta.url))}\n`,
  );
  process.exitCode = 1;
}
