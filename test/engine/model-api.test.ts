import { afterEach, describe, expect, it } from 'vitest';
import type { Method, Results } from '../../src/shared/api';
import { generateDemo } from '../../src/main/demo/generate';
import { dispatch } from '../../src/main/handlers/dispatch';
import { createHandlers } from '../../src/main/handlers/index';
import { ImportJobs } from '../../src/main/import/jobs';
import { Session } from '../../src/main/session/session';
import { useTempDir } from '../helpers/files';
import { writeFixture } from '../import/fixtures';

const tempDir = useTempDir();
const sessions: Session[] = [];
afterEach(() => sessions.splice(0).forEach((session) => session.close()));

async function demoSession() {
  const dir = tempDir();
  const session = new Session({ userDataDir: dir });
  sessions.push(session);
  const jobs = new ImportJobs();
  const handlers = createHandlers({ session, mode: 'browser', jobs });
  async function call<M extends Method>(method: M, args: unknown): Promise<Results[M]> {
    const envelope = await dispatch(handlers, method, args);
    if (!envelope.ok) throw new Error(`${envelope.error.code}: ${envelope.error.message}`);
    return envelope.result as Results[M];
  }
  await call('project:create', { name: 'Models' });
  generateDemo(session.require().db, { scale: 5000, seed: 3 });
  return { dir, call, jobs };
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
