import type { SankeyFlows, SankeyNode } from '../../../shared/results';
import type { SankeyNodeKind } from '../../../shared/vocabulary/sankeyNodes';

export interface FlowNode {
  id: string;
  kind: SankeyNodeKind;
  label: string;
  layer: number;
  value: number;
}

export interface FlowLink {
  source: string;
  target: string;
  value: number;
}

export interface FlowChartData {
  nodes: FlowNode[];
  links: FlowLink[];
  total: number;
}

/**
 * The engine's flows as @nivo/sankey draws them. d3-sankey throws on a link to an unknown node and on a cycle, and
 * draws zero links as slivers, so only positive links from one layer to a later one are kept, and only the nodes
 * they touch, in the engine's order (the chart uses `sort="input"`).
 */
export function toSankeyData(flows: SankeyFlows): FlowChartData {
  const byId = new Map<string, SankeyNode>(flows.nodes.map((node) => [node.id, node]));
  const links = flows.links.filter((link) => {
    const source = byId.get(link.source);
    const target = byId.get(link.target);
    return (
      source !== undefined &&
      target !== undefined &&
      link.source !== link.target &&
      source.layer < target.layer &&
      Number.isFinite(link.value) &&
      link.value > 0
    );
  });
  const used = new Set(links.flatMap((link) => [link.source, link.target]));
  const nodes = flows.nodes
    .filter((node) => used.has(node.id))
    .map((node) => ({
      id: node.id,
      kind: node.kind,
      label: node.label || node.id,
      layer: node.layer,
      value: node.value,
    }));
  return { nodes, links: links.map(({ source, target, value }) => ({ source, target, value })), total: flows.total };
}

/** A link's or node's part of the attributed revenue in scope, as the tooltips show it. */
export function shareOfTotal(value: number, total: number): number {
  return total > 0 ? value / total : 0;
}

/** Node colours by what a node is. */
export const NODE_COLORS: Record<SankeyNodeKind, string> = {
  community: '#2e9d6a',
  channel: '#4c7fd9',
  otherSources: '#8a94a3',
  position: '#8b63c9',
  opportunityType: '#d0862f',
  won: '#1f8a5b',
};
