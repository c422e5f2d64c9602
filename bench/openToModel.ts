/**
 * What a user meets right after opening a big project in browser mode: `tributary serve` in its own process, the
 * project opened over HTTP, the Model tab's `model:run` sent `--after` ms later (a glance at the overview), and the
 * overview's `project:summary` sent 50 ms after the open answered, while the engine is still loading. Prints, per
 * round, the time from the open to the model's answer and the summary's own latency.
 *
 *   npx tsx bench/openToModel.ts <project.sqlite> [--root <checkout>] [--after 300] [--rounds 3]
 *
 * `--root` runs another checkout's CLI (to compare with a build from before a change).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { root: { type: 'string' }, after: { type: 'string' }, rounds: { type: 'string' } },
});
const project = resolve(positionals[0] ?? '/tmp/w1m.sqlite');
const root = resolve(values.root ?? join(import.meta.dirname, '..'));
const after = Number(values.after ?? 300);
const rounds = Number(values.rounds ?? 3);

const home = mkdtempSync(join(tmpdir(), 'tributary-open-to-model-'));
const child = spawn(process.execPath, [join(root, 'bin/tributary.mjs'), 'serve'], {
  cwd: root,
  env: { ...process.env, TRIBUTARY_HOME: home },
  stdio: ['ignore', 'pipe', 'inherit'],
});
try {
  const url = await new Promise<URL>((done, fail) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /running at (\S+)/.exec(line);
      if (match) done(new URL(match[1] as string));
    });
    child.once('exit', (code) => fail(new Error(`tributary serve exited with ${code}`)));
  });
  const token = url.searchParams.get('token') ?? '';
  // A connection per request: a blocked server must not meet a kept-alive socket it is about to drop.
  const call = (method: string, args: unknown): Promise<number> =>
    new Promise((done, fail) => {
      const body = JSON.stringify(args);
      const sent = request(
        new URL(`/api/${method}`, url),
        {
          method: 'POST',
          agent: false,
          headers: { 'content-type': 'application/json', 'x-tributary-token': token },
        },
        (response) => {
          let text = '';
          response.on('data', (chunk: Buffer) => (text += chunk.toString()));
          response.on('end', () => {
            const envelope = JSON.parse(text) as { ok: boolean; error?: { message: string } };
            if (envelope.ok) done(performance.now());
            else fail(new Error(`${method}: ${envelope.error?.message}`));
          });
        },
      );
      sent.on('error', fail);
      sent.end(body);
    });
  /** The server's resident memory now and at its peak (Linux), in MiB. */
  const memory = (field: 'VmRSS' | 'VmHWM'): number => {
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    return Math.round(Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024);
  };
  const at = (ms: number) => new Promise((done) => setTimeout(done, ms));

  for (let round = 1; round <= rounds; round++) {
    await call('project:close', {});
    const start = performance.now();
    const opened = call('project:open', { path: project });
    const model = at(after).then(() => call('model:run', { options: { model: 'full-path' }, flows: 'community' }));
    const openedAt = await opened;
    await at(50);
    const summarySent = performance.now();
    const [modelAt, summaryAt] = await Promise.all([model, call('project:summary', {})]);
    const idleStart = performance.now();
    const idleSummaryAt = await call('project:summary', {});
    console.log(
      JSON.stringify({
        round,
        openSeconds: (openedAt - start) / 1000,
        openToModelSeconds: (modelAt - start) / 1000,
        summaryLatencySeconds: (summaryAt - summarySent) / 1000,
        summaryIdleSeconds: (idleSummaryAt - idleStart) / 1000,
        modelAfterMs: after,
        serverRssMiB: memory('VmRSS'),
        serverPeakRssMiB: memory('VmHWM'),
      }),
    );
  }
} finally {
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  await exited;
  rmSync(home, { recursive: true, force: true });
}
