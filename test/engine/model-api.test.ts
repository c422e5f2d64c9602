import { describe, expect, it } from 'vitest';
import { useApiSession } from '../helpers/api';
import { generateDemo } from '../../src/main/demo/generate';
import { writeFixture } from '../import/fixtures';

const apiSession = useApiSession();

async function demoSession() {
  const opened = await apiSession('Models');
  generateDemo(opened.session.require().db, { scale: 5000, seed: 3 });
  return opened;
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

describe('model methods of the API', () => {
  it('attribute, car and flows agree with each other and with the project summary', async () => {
    const { call } = await demoSession();
    const summary = await call('project:summary', {});
    const attribution = await call('model:attribute', { options: { model: 'full-path' } });
    close(attribution.revenue, summary.wonRevenue);
    close(attribution.attributed + attribution.unattributed, attribution.revenue);
    close(
      attribution.breakdowns.byChannel.reduce((sum, row) => sum + row.credit, 0),
      attribution.attributed,
    );
    const car = await call('model:car', { options: { model: 'full-path' } });
    expect(car.influenced).toBeGreaterThan(0);
    expect(car.influenced).toBeLessThanOrEqual(attribution.revenue);
    const flows = await call('model:flows', { options: { model: 'full-path' }, scope: 'community' });
    close(flows.total, car.attributed);
    expect(JSON.stringify([attribution, car, flows])).not.toMatch(/NaN|Infinity/);
    const markov = await call('model:attribute', { options: { model: 'markov' } });
    expect(Object.keys(markov.removalEffects ?? {}).length).toBeGreaterThan(3);
  });

  it('sees the data an import adds, without being told', async () => {
    const { dir, call, jobs } = await demoSession();
    const before = await call('model:attribute', { options: { model: 'linear' } });
    const file = writeFixture(
      dir,
      'late-deal.csv',
      'opportunity_id,account_id,stage,amount,created_at,closed_at\nLATE-1,NEW-ACCOUNT,won,12345,2025-06-01,2025-06-30\n',
    );
    const inspection = await call('import:inspect', { path: file, kind: 'opportunities' });
    const { jobId } = await call('import:start', { path: file, mapping: inspection.mapping });
    expect((await jobs.settled(jobId)).state).toBe('done');
    const after = await call('model:attribute', { options: { model: 'linear' } });
    close(after.revenue, before.revenue + 12_345);
    close(after.unattributed, before.unattributed + 12_345);
  });
});
