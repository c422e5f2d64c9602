import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { EngineCache } from '../../src/main/engine/cache/cache';
import { createBootstrap } from '../../src/main/engine/robustness/bootstrap';
import { bootstrapIntervals, robustness } from '../../src/main/engine/robustness/robustness';
import { scopedInput } from '../../src/main/engine/robustness/scopedInput';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import type { BootstrapStatus } from '../../src/shared/robustnessApi';
import { useApiSession } from '../helpers/api';

const apiSession = useApiSession();

async function demoSession() {
  const opened = await apiSession('Robustness');
  generateDemo(opened.session.require().db, { scale: 3000, seed: 5 });
  return opened;
}

/** Polls a bootstrap's status until it leaves `running`, as the studio does. */
async function finished(
  call: (method: 'model:bootstrapStatus', args: unknown) => Promise<BootstrapStatus>,
  jobId: string,
): Promise<BootstrapStatus[]> {
  const seen: BootstrapStatus[] = [];
  for (;;) {
    const status = await call('model:bootstrapStatus', { jobId });
    seen.push(status);
    if (status.state !== 'running') return seen;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('robustness methods of the API (spec 13)', () => {
  it('answers model:robustness from the worker as the engine does in this thread', async () => {
    const { session, call } = await demoSession();
    const options = { model: 'u-shaped' as const, scope: { types: ['new_business' as const] } };
    const result = await call('model:robustness', { options, delta: 7.5 });
    const alone = robustness(new EngineCache().load(session.require().db), modelOptionsSchema.parse(options), 7.5);
    expect(result).toEqual(alone);
    expect(result.delta).toBe(7.5);
    expect(result.channels.length).toBeGreaterThan(3);
    expect(result.channels.every((row) => row.weightRange !== undefined)).toBe(true);
  });

  it('runs a bootstrap in the worker with progress, to the intervals the engine gives, and answers other calls meanwhile', async () => {
    const { session, call } = await demoSession();
    const options = { model: 'full-path' as const };
    const { jobId } = await call('model:bootstrapStart', { options, resamples: 60, seed: 9 });
    // A model run is answered while the bootstrap runs.
    const run = await call('model:run', { options });
    expect(run.attribution.revenue).toBeGreaterThan(0);
    const seen = await finished(call, jobId);
    const last = seen[seen.length - 1] as BootstrapStatus;
    expect(last.state).toBe('done');
    expect(last.done).toBe(60);
    expect(last.total).toBe(60);
    // Progress never goes back.
    for (let i = 1; i < seen.length; i++) expect(seen[i]?.done).toBeGreaterThanOrEqual(seen[i - 1]?.done ?? 0);
    const input = scopedInput(new EngineCache().load(session.require().db), modelOptionsSchema.parse(options));
    const bootstrap = createBootstrap(input, 60, 9);
    while (bootstrap.done < bootstrap.total) bootstrap.step();
    expect(last.intervals).toEqual(bootstrapIntervals(input, bootstrap, 9));
  });

  it('cancels a bootstrap, and says plainly when a job is unknown', async () => {
    const { call } = await demoSession();
    const { jobId } = await call('model:bootstrapStart', { options: { model: 'markov' }, resamples: 10_000 });
    await call('model:bootstrapCancel', { jobId });
    const seen = await finished(call, jobId);
    const last = seen[seen.length - 1] as BootstrapStatus;
    expect(last.state).toBe('cancelled');
    expect(last.done).toBeLessThan(10_000);
    expect(last.intervals).toBeNull();
    await expect(call('model:bootstrapStatus', { jobId: 'bootstrap-999' })).rejects.toThrow(/not_found: No bootstrap/);
  });

  it('puts the ranges in the summary report, with a finished bootstrap’s intervals when given its job', async () => {
    const { call } = await demoSession();
    const options = { model: 'w-shaped' as const };
    const plain = await call('export:report', { options });
    expect(plain.html).toContain('<h2>How sure is this?</h2>');
    expect(plain.html).toContain('Weights ±10 pts');
    expect(plain.html).not.toContain('95% interval</th>');
    const ranges = await call('model:robustness', { options });
    const top = ranges.channels[0];
    expect(plain.html).toContain(`<td>${top?.channel}</td>`);

    const { jobId } = await call('model:bootstrapStart', { options, resamples: 20 });
    await finished(call, jobId);
    const withIntervals = await call('export:report', { options, bootstrapJobId: jobId });
    expect(withIntervals.html).toContain('95% interval</th>');
    expect(withIntervals.html).toContain('20 bootstrap resamples');
    // Another model's report does not borrow this bootstrap.
    const other = await call('export:report', { options: { model: 'linear' }, bootstrapJobId: jobId });
    expect(other.html).not.toContain('95% interval</th>');
  });
});
