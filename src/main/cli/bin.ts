import { runCli } from './main';

/**
 * The `tributary` process: runCli wired to the real stdio and exit code. Built into out/main/cli.js, which
 * bin/tributary.mjs loads, so a command starts without compiling TypeScript; `npm run cli:dev` runs this file
 * from the sources through tsx.
 */
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Spec cli.md: progress only on a terminal, quiet when stdout is not one. It is drawn on stderr, so both.
  isTTY: Boolean(process.stdout.isTTY && process.stderr.isTTY),
  env: process.env,
});
