import type { SankeyFlows, SankeyNode } from '../../../shared/results';

export interface FlowNode {
  id: string;
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
    .map((node) => ({ id: node.id, label: node.label || node.id, layer: node.layer, value: node.value }));
  return { nodes, links: links.map(({ source, target, value }) => ({ source, target, value })), total: flows.total };
}

/** A link's or node's part of the attributed revenue in scope, as the tooltips show it. */
export function shareOfTotal(value: number, total: number): number {
  return total > 0 ? value / total : 0;
}

/** Node colours by what a node is (its id says its layer and, for sources, whether it is the community). */
export function nodeColor(id: string): string {
  if (id.startsWith('src:community:')) return '#2e9d6a';
  if (id === 'src:other') return '#8a94a3';
  if (id.startsWith('src:')) return '#4c7fd9';
  if (id.startsWith('pos:')) return '#8b63c9';
  if (id.startsWith('type:')) return '#d0862f';
  return '#1f8a5b';
}
