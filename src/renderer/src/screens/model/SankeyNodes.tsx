import { useInheritedColor, type InheritedColorConfig } from '@nivo/colors';
import type { CustomSankeyLayerProps } from '@nivo/sankey';
import { useTheme } from '@nivo/theming';
import { useTooltip } from '@nivo/tooltip';
import { Fragment, useContext } from 'react';
import type { FlowLink, FlowNode } from '../../model/sankeyData';
import { hoverHandlers, SankeyStyleContext, type FlowNodeDatum } from './sankeyStyle';

/** @nivo/sankey's defaults for what the chart does not set. */
const NODE_OPACITY = 0.75;
const NODE_HOVER_OPACITY = 1;
const NODE_HOVER_OTHERS_OPACITY = 0.15;
const NODE_BORDER_WIDTH = 0;
const NODE_BORDER_COLOR: InheritedColorConfig<FlowNodeDatum> = { from: 'color', modifiers: [['darker', 0.5]] };

/**
 * The Sankey's nodes as plain SVG, in place of @nivo/sankey's own layer: the same rectangles, opacities, tooltips
 * and clicks, without a spring per node on every run (the chart is not animated).
 */
export function SankeyNodes({
  nodes,
  currentNode,
  currentLink,
  isCurrentNode,
  setCurrentNode,
  isInteractive,
}: CustomSankeyLayerProps<FlowNode, FlowLink>) {
  const { showTooltipFromEvent, hideTooltip } = useTooltip();
  const theme = useTheme();
  const borderColor = useInheritedColor<FlowNodeDatum>(NODE_BORDER_COLOR, theme);
  const style = useContext(SankeyStyleContext);
  if (!style) return null;
  const hovering = currentNode !== null || currentLink !== null;
  return (
    <>
      {nodes.map((node) => {
        const opacity = hovering
          ? isCurrentNode(node)
            ? NODE_HOVER_OPACITY
            : NODE_HOVER_OTHERS_OPACITY
          : NODE_OPACITY;
        const show = (event: React.MouseEvent) => showTooltipFromEvent(style.nodeTooltip(node), event, 'left');
        return (
          <rect
            key={node.id}
            x={node.x}
            y={node.y}
            rx={style.nodeBorderRadius}
            ry={style.nodeBorderRadius}
            width={Math.max(node.width, 0)}
            height={Math.max(node.height, 0)}
            fill={node.color}
            fillOpacity={opacity}
            strokeWidth={NODE_BORDER_WIDTH}
            stroke={borderColor(node) as string}
            strokeOpacity={opacity}
            {...hoverHandlers(node, isInteractive, setCurrentNode, show, hideTooltip)}
            onClick={isInteractive ? () => style.onNodeClick(node) : undefined}
          />
        );
      })}
    </>
  );
}

/** The nodes' labels outside the chart's columns, as @nivo/sankey places them (horizontal layout), unanimated. */
export function SankeyLabels({ nodes, width }: CustomSankeyLayerProps<FlowNode, FlowLink>) {
  const theme = useTheme();
  const style = useContext(SankeyStyleContext);
  if (!style) return null;
  const { outlineWidth, outlineColor, outlineOpacity, ...text } = theme.labels.text;
  return (
    <>
      {nodes.map((node) => {
        const left = node.x < width / 2;
        const props = {
          dominantBaseline: 'central',
          textAnchor: left ? 'end' : 'start',
          transform: `translate(${left ? node.x - style.labelPadding : node.x1 + style.labelPadding}, ${node.y + node.height / 2}) rotate(0)`,
        } as const;
        const fill = { ...text, fill: style.labelColor, pointerEvents: 'none' } as const;
        return (
          <Fragment key={node.id}>
            {outlineWidth > 0 && (
              <text
                {...props}
                style={{
                  ...fill,
                  strokeWidth: outlineWidth * 2,
                  stroke: outlineColor,
                  strokeOpacity: outlineOpacity,
                  strokeLinejoin: 'round',
                }}
              >
                {node.label}
              </text>
            )}
            <text {...props} style={fill}>
              {node.label}
            </text>
          </Fragment>
        );
      })}
    </>
  );
}
