import { describe, expect, it } from 'vitest';
import type { SankeyFlows } from '../../../shared/results';
import { shareOfTotal, toSankeyData } from './sankeyData';

const flows: SankeyFlows = {
  nodes: [
    { id: 'src:a', kind: 'community', label: 'Community: referral', layer: 0, value: 300 },
    { id: 'src:b', kind: 'channel', label: 'Paid search', layer: 0, value: 200 },
    { id: 'src:idle', kind: 'channel', label: 'Idle', layer: 0, value: 0 },
    { id: 'pos:FT', kind: 'position', label: 'First touch', layer: 1, value: 350 },
    { id: 'pos:CW', kind: 'position', label: 'Closed won', layer: 1, value: 150 },
    { id: 'type:new', kind: 'opportunityType', label: 'New business', layer: 2, value: 500 },
    { id: 'won', kind: 'won', label: 'Won revenue', layer: 3, value: 500 },
  ],
  links: [
    { source: 'src:a', target: 'pos:FT', value: 250 },
    { source: 'src:a', target: 'pos:CW', value: 50 },
    { source: 'src:b', target: 'pos:FT', value: 100 },
    { source: 'src:b', target: 'pos:CW', value: 100 },
    { source: 'src:idle', target: 'pos:FT', value: 0 },
    { source: 'pos:FT', target: 'pos:FT', value: 5 },
    { source: 'pos:FT', target: 'missing', value: 5 },
    { source: 'type:new', target: 'src:a', value: 5 },
    { source: 'pos:FT', target: 'type:new', value: 350 },
    { source: 'pos:CW', target: 'type:new', value: 150 },
    { source: 'type:new', target: 'won', value: 500 },
  ],
  total: 500,
};

describe('toSankeyData', () => {
  const data = toSankeyData(flows);

  it('keeps only links between existing nodes', () => {
    const ids = new Set(data.nodes.map((node) => node.id));
    for (const link of data.links) {
      expect(ids.has(link.source), link.source).toBe(true);
      expect(ids.has(link.target), link.target).toBe(true);
    }
  });

  it('has no self-links, backward links or zero links', () => {
    const layer = new Map(data.nodes.map((node) => [node.id, node.layer]));
    for (const link of data.links) {
      expect(link.source).not.toBe(link.target);
      expect(layer.get(link.source)!).toBeLessThan(layer.get(link.target)!);
      expect(link.value).toBeGreaterThan(0);
    }
    expect(data.nodes.map((node) => node.id)).not.toContain('src:idle');
  });

  it('preserves the total: the links into won revenue sum to it', () => {
    expect(data.total).toBe(500);
    const intoWon = data.links.filter((link) => link.target === 'won').reduce((sum, link) => sum + link.value, 0);
    expect(intoWon).toBe(data.total);
    const fromSources = data.links
      .filter((link) => link.source.startsWith('src:'))
      .reduce((sum, link) => sum + link.value, 0);
    expect(fromSources).toBe(data.total);
  });

  it('keeps the engine order and labels', () => {
    expect(data.nodes.map((node) => node.label)).toEqual([
      'Community: referral',
      'Paid search',
      'First touch',
      'Closed won',
      'New business',
      'Won revenue',
    ]);
  });

  it('handles empty flows', () => {
    expect(toSankeyData({ nodes: [], links: [], total: 0 })).toEqual({ nodes: [], links: [], total: 0 });
    expect(shareOfTotal(10, 0)).toBe(0);
    expect(shareOfTotal(25, 100)).toBe(0.25);
  });
});
