import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { useApiSession } from '../helpers/api';

const apiSession = useApiSession();

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

const heavyOc = { model: 'custom', weights: { FT: 10, LC: 10, OC: 60, CW: 10, MID: 10 } };

describe('scenario and compare methods of the API', () => {
  it('saves, lists, replaces and deletes scenarios in the project', async () => {
    const { call } = await apiSession('Scenarios');
    expect(await call('scenario:list', {})).toEqual([]);
    const saved = await call('scenario:save', { name: '  Heavy OC  ', options: heavyOc });
    expect(saved).toEqual([
      {
        name: 'Heavy OC',
        updatedAt: expect.any(Number),
        options: expect.objectContaining({ ...heavyOc, halfLifeDays: 7 }),
        invalid: null,
      },
    ]);
    await call('scenario:save', { name: 'Heavy OC', options: { model: 'markov' } });
    await call('scenario:save', { name: 'A first', options: { model: 'linear' } });
    const listed = await call('scenario:list', {});
    expect(listed.map((s) => [s.name, s.options?.model])).toEqual([
      ['A first', 'linear'],
      ['Heavy OC', 'markov'],
    ]);
    expect(await call('scenario:delete', { name: 'A first' })).toHaveLength(1);
    await expect(call('scenario:delete', { name: 'A first' })).rejects.toThrow(/^not_found: /);
  });

  it('compares models over the same data: same revenue, sums of credit and deltas that add up', async () => {
    const { call, session } = await apiSession('Compare');
    generateDemo(session.require().db, { scale: 5000, seed: 3 });
    const compared = await call('model:compare', {
      entries: [
        { label: 'Heavy OC', options: heavyOc },
        { label: 'Markov', options: { model: 'markov' } },
        { label: 'Full path', options: { model: 'full-path' } },
      ],
    });
    expect(compared.map((c) => [c.label, c.model])).toEqual([
      ['Heavy OC', 'custom'],
      ['Markov', 'markov'],
      ['Full path', 'full-path'],
    ]);
    const [heavy, markov, fullPath] = compared;
    if (!heavy || !markov || !fullPath) throw new Error('three results expected');
    for (const run of compared) {
      close(run.revenue, heavy.revenue);
      close(
        run.byChannel.reduce((sum, row) => sum + row.credit, 0),
        run.revenue - run.unattributed,
      );
      close(run.attributed, run.revenue - run.unattributed);
    }
    // The two models split the same attributed revenue differently: channel deltas cancel out overall.
    const credit = (run: typeof heavy, channel: string) =>
      run.byChannel.find((r) => r.channel === channel)?.credit ?? 0;
    const channels = new Set([...heavy.byChannel, ...markov.byChannel].map((r) => r.channel));
    const deltas = [...channels].map((channel) => credit(markov, channel) - credit(heavy, channel));
    close(
      deltas.reduce((sum, delta) => sum + delta, 0),
      markov.attributed - heavy.attributed,
    );
    expect(deltas.some((delta) => Math.abs(delta) > 1)).toBe(true);

    // Each entry's CAR is the one model:car gives for the same options, without its lists.
    const car = await call('model:car', { options: { model: 'full-path' } });
    expect(fullPath.car).toEqual({
      attributed: car.attributed,
      influenced: car.influenced,
      sourced: car.sourced,
      byCategory: {
        internal_referral: car.byCategory.internal_referral,
        external_referral: car.byCategory.external_referral,
        job_move: car.byCategory.job_move,
        upgrade: car.byCategory.upgrade,
        roadmap: { attributed: car.byCategory.roadmap.attributed, influenced: car.byCategory.roadmap.influenced },
        churn_reduction: {
          retained: car.byCategory.churn_reduction.retained,
          interval: car.byCategory.churn_reduction.interval,
        },
        engagement: car.byCategory.engagement,
      },
    });
    expect(heavy.car.attributed).not.toBeCloseTo(fullPath.car.attributed, 0);
    expect(JSON.stringify(compared)).not.toMatch(/NaN|Infinity|opportunities|byMember/);
  });

  it('needs an open project', async () => {
    const { call } = await apiSession('Closed');
    await call('project:close', {});
    await expect(call('scenario:list', {})).rejects.toThrow(/^no_project: /);
    await expect(call('model:compare', { entries: [{ label: 'x', options: {} }] })).rejects.toThrow(/^no_project: /);
  });
});
