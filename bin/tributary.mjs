#!/usr/bin/env node
// The `tributary` command: runs the TypeScript sources through tsx, so a checkout needs no build for the CLI.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main/cli/main.ts');

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Spec cli.md: progress only on a terminal, quiet when stdout is not one. It is drawn on stderr, so both.
  isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  env: process.env,
});
