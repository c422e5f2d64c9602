import { describe, expect, it } from 'vitest';
import { useApiSession } from '../helpers/api';
import { generateDemo } from '../../src/main/demo/generate';
import { writeFixture } from '../import/fixtures';
import { attributionSummary } from '../../src/main/engine/attributionSummary';
import { EngineCache } from '../../src/main/engine/cache/cache';
import { carView } from '../../src/main/engine/models/carView';
import { sankeyFlows } from '../../src/main/engine/models/flows';
import { runModel } from '../../src/main/engine/run';
import { modelOptionsSchema } from '../../src/shared/modelOptions';

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
    const { attribution, flows } = await call('model:run', { options: { model: 'full-path' }, flows: 'community' });
    close(attribution.revenue, summary.wonRevenue);
    close(attribution.attributed + attribution.unattributed, attribution.revenue);
    close(
      attribution.breakdowns.byChannel.reduce((sum, row) => sum + row.credit, 0),
      attribution.attributed,
    );
    const car = await call('model:car', { options: { model: 'full-path' } });
    expect(car.influenced).toBeGreaterThan(0);
    expect(car.influenced).toBeLessThanOrEqual(attribution.revenue);
    close(flows.total, car.attributed);
    expect(JSON.stringify([attribution, car, flows])).not.toMatch(/NaN|Infinity/);
    const markov = (await call('model:run', { options: { model: 'markov' } })).attribution;
    expect(Object.keys(markov.removalEffects ?? {}).length).toBeGreaterThan(3);
  });

  it('runs the model once for the Model tab, with the same answers as the attribution, CAR and flows on their own', async () => {
    const { session, call } = await demoSession();
    const options = { model: 'u-shaped' as const };
    const run = await call('model:run', { options, flows: 'all', topN: 6 });
    // The engine in this thread, run apart from the worker's cache.
    const alone = runModel(new EngineCache().load(session.require().db), modelOptionsSchema.parse(options));
    expect(run.attribution).toEqual(attributionSummary(alone));
    // The tab's CAR is the whole CAR with its long lists cut (engine/models/carView.ts).
    expect(run.car).toEqual(carView(await call('model:car', { options })));
    expect(run.flows).toEqual(sankeyFlows(alone.data, alone.attribution, { scope: 'all', topN: 6 }));
    expect(run.focus).toBeNull();
  });

  it('keeps CAR parts between runs only while their options stay the same', async () => {
    const { call } = await demoSession();
    const variants = [
      { model: 'linear' as const },
      { model: 'linear' as const, referralWindowDays: 30 },
      { model: 'linear' as const, referralWindowDays: 30, roadmapShare: 0.8 },
      { model: 'u-shaped' as const, referralWindowDays: 30, roadmapShare: 0.8, seed: 9 },
    ];
    const warm = [];
    for (const options of variants) warm.push(await call('model:car', { options }));
    // Each variant again, in reverse, from a cold cache: the same answers.
    for (const [i, options] of [...variants.entries()].reverse()) {
      const { call: cold } = await demoSession();
      expect(await cold('model:car', { options })).toEqual(warm[i]);
    }
    expect(warm[1]?.byCategory.internal_referral).not.toEqual(warm[0]?.byCategory.internal_referral);
    expect(warm[2]?.byCategory.roadmap.attributed).not.toBe(warm[1]?.byCategory.roadmap.attributed);
    expect(warm[3]?.byCategory.churn_reduction).not.toEqual(warm[2]?.byCategory.churn_reduction);
  });

  it('filters the flows and the breakdowns to a clicked Sankey node, keeping the totals', async () => {
    const { call } = await demoSession();
    const options = { model: 'full-path' as const };
    const whole = await call('model:run', { options, flows: 'all', topN: 4 });
    const sources = whole.flows.nodes.filter((node) => node.layer === 0);
    const positions = whole.flows.nodes.filter((node) => node.layer === 1);
    const types = whole.flows.nodes.filter((node) => node.layer === 2);
    expect(sources.map((node) => node.id)).toContain('src:other');

    // Every node of one layer splits the total: the filtered amounts add back up to it, layer by layer.
    for (const layer of [sources, positions, types]) {
      let sum = 0;
      for (const node of layer) {
        const run = await call('model:run', { options, flows: 'all', topN: 4, focus: node.id });
        expect(run.focus?.label).toBe(node.label);
        close(run.focus?.attributed ?? NaN, node.value);
        close(run.flows.total, node.value);
        close(run.attribution.breakdowns.attributed, node.value);
        close(
          run.attribution.breakdowns.byPosition.reduce((total, row) => total + row.credit, 0),
          node.value,
        );
        // The cards keep the whole model's numbers.
        expect(run.attribution.attributed).toBe(whole.attribution.attributed);
        expect(run.car).toEqual(whole.car);
        sum += run.focus?.attributed ?? 0;
      }
      close(sum, whole.flows.total);
    }

    // A position keeps only its band: the position breakdown has that one row.
    const oc = await call('model:run', { options, flows: 'all', topN: 4, focus: 'pos:OC' });
    expect(oc.attribution.breakdowns.byPosition.map((row) => row.key)).toEqual(['OC']);
    // A channel keeps only its touches.
    const channel = sources.find((node) => node.id.startsWith('src:channel:'));
    const byChannel = await call('model:run', { options, flows: 'all', topN: 4, focus: channel?.id ?? '' });
    expect(byChannel.attribution.breakdowns.byChannel.map((row) => `src:channel:${row.key}`)).toEqual([channel?.id]);
    // Filtering to "Other sources" unfolds it; one of its sources can be filtered to in turn.
    const other = await call('model:run', { options, flows: 'all', topN: 4, focus: 'src:other' });
    const unfolded = other.flows.nodes.find((node) => node.layer === 0 && !sources.some((s) => s.id === node.id));
    const inner = await call('model:run', { options, flows: 'all', topN: 4, focus: unfolded?.id ?? '' });
    close(inner.focus?.attributed ?? NaN, unfolded?.value ?? NaN);
    // A node that is not in the chart (the data changed) leaves the results unfiltered.
    const gone = await call('model:run', { options, flows: 'all', topN: 4, focus: 'src:channel:No such channel' });
    expect(gone.focus).toBeNull();
    expect(gone.flows).toEqual(whole.flows);
  });

  it('sees the data an import adds, without being told', async () => {
    const { dir, call, jobs } = await demoSession();
    const before = (await call('model:run', { options: { model: 'linear' } })).attribution;
    const file = writeFixture(
      dir,
      'late-deal.csv',
      'opportunity_id,account_id,stage,amount,created_at,closed_at\nLATE-1,NEW-ACCOUNT,won,12345,2025-06-01,2025-06-30\n',
    );
    const inspection = await call('import:inspect', { path: file, kind: 'opportunities' });
    const { jobId } = await call('import:start', { path: file, mapping: inspection.mapping });
    expect((await jobs.settled(jobId)).state).toBe('done');
    const after = (await call('model:run', { options: { model: 'linear' } })).attribution;
    close(after.revenue, before.revenue + 12_345);
    close(after.unattributed, before.unattributed + 12_345);
  });
});
