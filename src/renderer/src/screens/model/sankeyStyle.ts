import type { SankeyLinkDatum, SankeyNodeDatum } from '@nivo/sankey';
import { createContext, type ReactElement } from 'react';
import type { FlowLink, FlowNode } from '../../model/sankeyData';

export type FlowLinkDatum = SankeyLinkDatum<FlowNode, FlowLink>;
export type FlowNodeDatum = SankeyNodeDatum<FlowNode, FlowLink>;

/** How the flows chart wants its own layers drawn: nivo passes a custom layer only the layout. */
export interface SankeyStyle {
  linkOpacity: number;
  /** Of the hovered link, or the links of the hovered node. */
  linkHoverOpacity: number;
  /** Of the other links while one link or node is hovered. */
  linkHoverOthersOpacity: number;
  blendMode: 'multiply' | 'screen';
  nodeBorderRadius: number;
  labelPadding: number;
  labelColor: string;
  linkTooltip(link: FlowLinkDatum): ReactElement;
  nodeTooltip(node: FlowNodeDatum): ReactElement;
  onNodeClick(node: FlowNodeDatum): void;
}

export const SankeyStyleContext = createContext<SankeyStyle | null>(null);
