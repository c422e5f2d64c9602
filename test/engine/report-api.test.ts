import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { CHANNEL_GROUP_PRESET } from '../../src/shared/channelGroups';
import { useApiSession } from '../helpers/api';

const apiSession = useApiSession();

async function demoSession() {
  const opened = await apiSession('Reports');
  generateDemo(opened.session.require().db, { scale: 5000, seed: 3 });
  return opened;
}

const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThan(1e-6 * Math.max(1, Math.abs(b)));

describe('report methods of the API (spec 9-11)', () => {
  it('gives a scope’s series whose buckets sum to the Model tab’s figures', async () => {
    const { call } = await demoSession();
    const options = { model: 'markov', scope: { from: '2025-01-01', segments: ['Enterprise'] } };
    const { attribution, car } = await call('model:run', { options });
    const series = await call('model:series', { options, by: 'quarter' });
    expect(series.map((b) => b.bucket)).toEqual(['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4']);
    close(
      series.reduce((sum, b) => sum + b.revenue, 0),
      attribution.revenue,
    );
    close(
      series.reduce((sum, b) => sum + b.car.sourced, 0),
      car.sourced,
    );
  });

  it('reports the open deals as pipeline, apart from revenue, as of the data’s latest date or one given', async () => {
    const { call } = await demoSession();
    const pipeline = await call('model:pipeline', { options: {} });
    // The latest timestamp in the demo's data.
    expect(pipeline.asOf.slice(0, 10)).toBe('2025-12-31');
    expect(pipeline.openDeals).toBeGreaterThan(0);
    close(pipeline.attributed + pipeline.unattributed, pipeline.amount);
    expect(pipeline.car.influenced).toBeLessThanOrEqual(pipeline.amount);
    const earlier = await call('model:pipeline', { options: {}, asOf: '2025-06-30' });
    expect(earlier.asOf).toBe('2025-06-30T23:59:59.999Z');
    expect(earlier.openDeals).toBeLessThan(pipeline.openDeals);
  });

  it('breaks revenue and pipeline credit down by a custom field, and its flows run into "Open pipeline"', async () => {
    const { call } = await demoSession();
    const options = { model: 'w-shaped' };
    const sum = (field: { top: { credit: number }[]; other: { credit: number } | null } | null) =>
      (field?.top.reduce((total, e) => total + e.credit, 0) ?? NaN) + (field?.other?.credit ?? 0);
    // The demo's accounts have a Region; its deals a Lead Source.
    const run = await call('model:run', { options, breakdownField: 'Region' });
    expect(run.attribution.breakdowns.byField?.field).toBe('Region');
    expect(run.attribution.breakdowns.byField?.top.length).toBeGreaterThan(1);
    close(sum(run.attribution.breakdowns.byField), run.attribution.attributed);
    expect((await call('model:run', { options })).attribution.breakdowns.byField).toBeNull();

    const pipeline = await call('model:pipeline', { options, flows: 'all', breakdownField: 'Lead Source' });
    close(sum(pipeline.breakdowns.byField), pipeline.attributed);
    close(pipeline.breakdowns.attributed, pipeline.attributed);
    close(pipeline.flows.total, pipeline.attributed);
    expect(pipeline.flows.nodes.at(-1)).toMatchObject({ kind: 'won', label: 'Open pipeline' });
    // A node filters the pipeline's flows and breakdowns, as it does revenue's.
    const source = pipeline.flows.nodes[0];
    const focused = await call('model:pipeline', { options, flows: 'all', focus: source?.id ?? '' });
    expect(focused.focus?.id).toBe(source?.id);
    close(focused.breakdowns.attributed, source?.value ?? NaN);

    await expect(call('model:run', { options, breakdownField: 'Regoin' })).rejects.toThrow(
      /No custom field "Regoin" on opportunities or accounts \(did you mean Region\?\)/,
    );
  });

  it('saves channel-group rules that every figure then reports by, previews them, and refuses an unknown field', async () => {
    const { call } = await demoSession();
    expect(await call('groups:get', {})).toEqual({ rules: [], preset: CHANNEL_GROUP_PRESET, customFields: [] });
    const preview = await call('groups:preview', { rules: CHANNEL_GROUP_PRESET });
    const paid = preview.groups.find((group) => group.channel === 'Paid search');
    expect(paid?.grouped).toBe(true);
    // The demo's paid-search touches are its `paid_search` channel, medium cpc.
    expect(paid?.raw.map((row) => row.channel)).toEqual(['paid_search']);
    expect(preview.groups.reduce((sum, group) => sum + group.touches, 0)).toBeGreaterThan(4000);
    // Nothing is saved by a preview.
    expect((await call('groups:get', {})).rules).toEqual([]);

    const before = await call('model:run', { options: {} });
    const saved = await call('groups:set', { rules: CHANNEL_GROUP_PRESET });
    expect(saved.rules).toEqual(CHANNEL_GROUP_PRESET);
    const after = await call('model:run', { options: {} });
    close(after.attribution.attributed, before.attribution.attributed);
    const channels = after.attribution.byChannel.map((row) => row.channel);
    expect(channels).toContain('Community');
    expect(channels).toContain('Paid search');
    await expect(
      call('groups:set', {
        rules: [{ group: 'X', conditions: [{ field: 'mediun', operator: 'equals', value: 'cpc' }] }],
      }),
    ).rejects.toThrow(/bad_request: rule 1 \(X\), condition 1: no field "mediun"/);
    expect((await call('groups:get', {})).rules).toEqual(CHANNEL_GROUP_PRESET);
  });
});
