import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attribute } from '../../src/main/engine/models/attribute';
import { breakdowns } from '../../src/main/engine/models/breakdowns';
import { sankeyFlows, type SankeyFlows } from '../../src/main/engine/models/flows';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import { rowsArbitrary, TWO_DEALS } from './arbitraries';
import { datasetOf } from './build';

const FULL_PATH = modelOptionsSchema.parse({ model: 'full-path' });
const close = (actual: number, expected: number) =>
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));

const links = (flows: SankeyFlows) => flows.links.map((l) => [l.source, l.target, l.value]);

/**
 * The shape every Sankey must have: unique ids, links only from one layer to the next (so no cycle), no zero
 * node or link, value conserved at every middle node, and the links into "Won revenue" summing to the total.
 */
function expectWellFormed(flows: SankeyFlows): void {
  const layer = new Map(flows.nodes.map((n) => [n.id, n.layer]));
  expect(layer.size).toBe(flows.nodes.length);
  const into = new Map<string, number>();
  const out = new Map<string, number>();
  for (const link of flows.links) {
    expect(link.value).toBeGreaterThan(0);
    expect((layer.get(link.target) ?? NaN) - (layer.get(link.source) ?? NaN)).toBe(1);
    into.set(link.target, (into.get(link.target) ?? 0) + link.value);
    out.set(link.source, (out.get(link.source) ?? 0) + link.value);
  }
  for (const node of flows.nodes) {
    expect(node.value).toBeGreaterThan(0);
    if (node.layer > 0) close(into.get(node.id) ?? 0, node.value);
    if (node.layer < 3) close(out.get(node.id) ?? 0, node.value);
  }
  expect(flows.nodes.filter((n) => n.layer === 3).length).toBe(flows.total > 0 ? 1 : 0);
  close(into.get('won') ?? 0, flows.total);
  expect([...layer.values()]).toEqual([...layer.values()].sort());
}

describe('Sankey flows of the hand-computed two-deal project under full path', () => {
  const data = datasetOf(TWO_DEALS);
  const run = attribute(data, FULL_PATH);

  it('flows every attributed dollar from source to position to deal type to won revenue', () => {
    const flows = sankeyFlows(data, run, { scope: 'all' });
    expectWellFormed(flows);
    expect(flows.total).toBe(1400);
    expect(flows.nodes).toEqual([
      { id: 'src:channel:ads', kind: 'channel', label: 'ads', layer: 0, value: 425 },
      { id: 'src:channel:email', kind: 'channel', label: 'email', layer: 0, value: 275 },
      { id: 'src:community:post', kind: 'community', label: 'Community: post', layer: 0, value: 250 },
      {
        id: 'src:community:internal_referral',
        kind: 'community',
        label: 'Community: internal referral',
        layer: 0,
        value: 225,
      },
      { id: 'src:community:reply', kind: 'community', label: 'Community: reply', layer: 0, value: 225 },
      { id: 'pos:FT', kind: 'position', label: 'First touch', layer: 1, value: 225 },
      { id: 'pos:LC', kind: 'position', label: 'Lead creation', layer: 1, value: 225 },
      { id: 'pos:OC', kind: 'position', label: 'Opportunity creation', layer: 1, value: 425 },
      { id: 'pos:CW', kind: 'position', label: 'Closed won', layer: 1, value: 425 },
      { id: 'pos:MID', kind: 'position', label: 'Middle', layer: 1, value: 100 },
      { id: 'type:new_business', kind: 'opportunityType', label: 'New business', layer: 2, value: 1000 },
      { id: 'type:upgrade', kind: 'opportunityType', label: 'Upgrade', layer: 2, value: 400 },
      { id: 'won', kind: 'won', label: 'Won revenue', layer: 3, value: 1400 },
    ]);
    expect(links(flows)).toEqual([
      ['src:channel:ads', 'pos:LC', 225],
      ['src:channel:ads', 'pos:CW', 200],
      ['src:channel:email', 'pos:OC', 225],
      ['src:channel:email', 'pos:MID', 50],
      ['src:community:post', 'pos:OC', 200],
      ['src:community:post', 'pos:MID', 50],
      ['src:community:internal_referral', 'pos:FT', 225],
      ['src:community:reply', 'pos:CW', 225],
      ['pos:FT', 'type:new_business', 225],
      ['pos:LC', 'type:new_business', 225],
      ['pos:OC', 'type:new_business', 225],
      ['pos:OC', 'type:upgrade', 200],
      ['pos:CW', 'type:new_business', 225],
      ['pos:CW', 'type:upgrade', 200],
      ['pos:MID', 'type:new_business', 100],
      ['type:new_business', 'won', 1000],
      ['type:upgrade', 'won', 400],
    ]);
  });

  it('flows only community touches in community scope', () => {
    const flows = sankeyFlows(data, run, { scope: 'community' });
    expectWellFormed(flows);
    expect(flows.total).toBe(700);
    expect(flows.total).toBe(breakdowns(data, run).byTouchKind.find((e) => e.key === 'community')?.credit);
    const sources = flows.nodes.filter((n) => n.layer === 0).map((n) => n.id);
    expect(sources).toEqual(['src:community:post', 'src:community:internal_referral', 'src:community:reply']);
    expect(flows.nodes.filter((n) => n.layer === 1).map((n) => [n.id, n.value])).toEqual([
      ['pos:FT', 225],
      ['pos:OC', 200],
      ['pos:CW', 225],
      ['pos:MID', 50],
    ]);
  });

  it('folds every source past the top N into "Other sources", and no other layer', () => {
    const flows = sankeyFlows(data, run, { scope: 'all', topN: 1 });
    expectWellFormed(flows);
    expect(flows.total).toBe(1400);
    expect(flows.nodes.filter((n) => n.layer === 0)).toEqual([
      { id: 'src:channel:ads', kind: 'channel', label: 'ads', layer: 0, value: 425 },
      { id: 'src:other', kind: 'otherSources', label: 'Other sources', layer: 0, value: 975 },
    ]);
    expect(links(flows).filter(([source]) => source === 'src:other')).toEqual([
      ['src:other', 'pos:FT', 225],
      ['src:other', 'pos:OC', 425],
      ['src:other', 'pos:CW', 225],
      ['src:other', 'pos:MID', 100],
    ]);
    expect(flows.nodes.filter((n) => n.layer > 0)).toEqual(
      sankeyFlows(data, run, { scope: 'all' }).nodes.filter((n) => n.layer > 0),
    );
    // A minimum share folds small sources too: only ads and email carry 19% of 1,400 (266) or more.
    const shares = sankeyFlows(data, run, { scope: 'all', minShare: 0.19 });
    expect(shares.nodes.filter((n) => n.layer === 0).map((n) => [n.id, n.value])).toEqual([
      ['src:channel:ads', 425],
      ['src:channel:email', 275],
      ['src:other', 700],
    ]);
  });

  it('drops positions that carry nothing: first touch leaves only FT', () => {
    const flows = sankeyFlows(data, attribute(data, modelOptionsSchema.parse({ model: 'first-touch' })), {
      scope: 'all',
    });
    expectWellFormed(flows);
    // The upgrade has no FT: first-touch splits it equally over X4 (OC) and T4 (CW).
    expect(flows.nodes.filter((n) => n.layer === 1).map((n) => [n.id, n.value])).toEqual([
      ['pos:FT', 1000],
      ['pos:OC', 200],
      ['pos:CW', 200],
    ]);
  });
});

describe('Sankey flows of an empty project', () => {
  it('has no nodes, no links and a total of 0', () => {
    const data = datasetOf({});
    for (const scope of ['all', 'community'] as const) {
      expect(sankeyFlows(data, attribute(data, FULL_PATH), { scope })).toEqual({ nodes: [], links: [], total: 0 });
    }
  });
});

describe('Sankey flow properties', () => {
  const models: ModelOptionsInput[] = [
    { model: 'full-path' },
    { model: 'first-touch' },
    { model: 'u-shaped' },
    { model: 'linear' },
    { model: 'time-decay' },
    { model: 'markov' },
    { model: 'shapley' },
  ];

  it('conserves the attributed revenue, all of it or the community part, whatever the folding', () => {
    fc.assert(
      fc.property(
        rowsArbitrary,
        fc.option(fc.nat(4), { nil: undefined }),
        fc.constantFrom(0, 0.1, 0.5),
        (rows, topN, minShare) => {
          const data = datasetOf(rows);
          for (const model of models) {
            const run = attribute(data, modelOptionsSchema.parse(model));
            const all = sankeyFlows(data, run, { scope: 'all', topN, minShare });
            expectWellFormed(all);
            close(all.total, run.attributed);
            expect(all.nodes.filter((n) => n.layer === 0).length).toBeLessThanOrEqual((topN ?? 12) + 1);
            const community = sankeyFlows(data, run, { scope: 'community', topN, minShare });
            expectWellFormed(community);
            close(community.total, breakdowns(data, run).byTouchKind.find((e) => e.key === 'community')?.credit ?? 0);
            for (const node of community.nodes.filter((n) => n.layer === 0)) {
              expect(node.id.startsWith('src:community:') || node.id === 'src:other').toBe(true);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
