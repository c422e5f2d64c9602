import { describe, expect, it } from 'vitest';
import { SANKEY_NODE_KINDS, type SankeyNodeKind } from './sankeyNodes';

describe('Sankey node kinds', () => {
  it('give nodes of different kinds different ids, even for the same name', () => {
    const kinds = Object.keys(SANKEY_NODE_KINDS) as SankeyNodeKind[];
    const ids = kinds.map((kind) => SANKEY_NODE_KINDS[kind].id('upgrade'));
    expect(new Set(ids).size).toBe(kinds.length);
  });

  it('go from the sources to won revenue, one layer after another', () => {
    expect(Object.values(SANKEY_NODE_KINDS).map((kind) => kind.layer)).toEqual([0, 0, 0, 1, 2, 3]);
  });
});
