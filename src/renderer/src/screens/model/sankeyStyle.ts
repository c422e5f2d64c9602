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

/**
 * The mouse handlers a node or link of the Sankey's own layers takes: hovering marks it current and shows its
 * tooltip, leaving clears both; none when the chart is not interactive.
 */
export function hoverHandlers<T>(
  item: T,
  isInteractive: boolean,
  setCurrent: (item: T | null) => void,
  show: (event: React.MouseEvent) => void,
  hide: () => void,
): Pick<React.SVGProps<SVGElement>, 'onMouseEnter' | 'onMouseMove' | 'onMouseLeave'> {
  if (!isInteractive) return {};
  return {
    onMouseEnter: (event) => {
      setCurrent(item);
      show(event);
    },
    onMouseMove: show,
    onMouseLeave: () => {
      setCurrent(null);
      hide();
    },
  };
}
