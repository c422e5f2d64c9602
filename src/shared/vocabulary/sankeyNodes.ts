/**
 * What a node of the revenue Sankey stands for, the layer it sits in (source, journey position, opportunity type,
 * won revenue) and how its id is built. The engine sets each node's kind, so no one reads a kind back out of an id;
 * ids only need to be unique, and the API's `focus` names a node by one.
 */
export const SANKEY_NODE_KINDS = {
  /** A community action type as a source of revenue. */
  community: { layer: 0, id: (actionType: string) => `src:community:${actionType}` },
  /** A marketing channel as a source of revenue. */
  channel: { layer: 0, id: (channel: string) => `src:channel:${channel}` },
  /** The sources folded together past the top N. */
  otherSources: { layer: 0, id: () => 'src:other' },
  position: { layer: 1, id: (position: string) => `pos:${position}` },
  opportunityType: { layer: 2, id: (type: string) => `type:${type}` },
  won: { layer: 3, id: () => 'won' },
} as const;

export type SankeyNodeKind = keyof typeof SANKEY_NODE_KINDS;

/** Kinds of the source layer that name one source (not the folded rest). */
export function isNamedSource(kind: SankeyNodeKind): boolean {
  return kind === 'community' || kind === 'channel';
}
