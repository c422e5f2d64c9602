import type { CustomSankeyLayerProps } from '@nivo/sankey';
import { useTooltip } from '@nivo/tooltip';
import { curveMonotoneX, line } from 'd3-shape';
import { Fragment, useContext } from 'react';
import type { FlowLink, FlowNode } from '../../model/sankeyData';
import { hoverHandlers, SankeyStyleContext, type FlowLinkDatum } from './sankeyStyle';

const outline = line().curve(curveMonotoneX);

/** A horizontal link as @nivo/sankey draws it (no contraction): a band from source to target, eased at both ends. */
export function linkPath(link: FlowLinkDatum): string {
  const half = Math.max(1, link.thickness) / 2;
  const ease = 0.12 * (link.target.x0 - link.source.x1);
  const { x1 } = link.source;
  const { x0 } = link.target;
  return `${
    outline([
      [x1, link.pos0 - half],
      [x1 + ease, link.pos0 - half],
      [x0 - ease, link.pos1 - half],
      [x0, link.pos1 - half],
      [x0, link.pos1 + half],
      [x0 - ease, link.pos1 + half],
      [x1 + ease, link.pos0 + half],
      [x1, link.pos0 + half],
      [x1, link.pos0 - half],
    ]) ?? ''
  }Z`;
}

/**
 * The Sankey's links as plain SVG, in place of @nivo/sankey's own layer: the same bands, gradients, opacities and
 * tooltips (a link is not clicked: only nodes filter), without a spring and a path interpolator per link, which cost more than the engine's whole
 * answer on every weight move (the links are redrawn at once: the chart is not animated).
 */
export function SankeyLinks({
  links,
  currentLink,
  currentNode,
  isCurrentLink,
  setCurrentLink,
  isInteractive,
}: CustomSankeyLayerProps<FlowNode, FlowLink>) {
  const { showTooltipFromEvent, hideTooltip } = useTooltip();
  const style = useContext(SankeyStyleContext);
  if (!style) return null;
  const hovering = currentNode !== null || currentLink !== null;
  return (
    <>
      {links.map((link) => {
        const id = `${link.source.id}.${link.target.id}.${link.index}`;
        const opacity = hovering
          ? isCurrentLink(link)
            ? style.linkHoverOpacity
            : style.linkHoverOthersOpacity
          : style.linkOpacity;
        const show = (event: React.MouseEvent) => showTooltipFromEvent(style.linkTooltip(link), event, 'left');
        return (
          <Fragment key={id}>
            <linearGradient id={id} spreadMethod="pad" x1="0%" x2="100%" y1="0%" y2="0%">
              <stop offset="0%" stopColor={link.startColor ?? link.source.color} />
              <stop offset="100%" stopColor={link.endColor ?? link.target.color} />
            </linearGradient>
            <path
              fill={`url("#${encodeURI(id)}")`}
              d={linkPath(link)}
              fillOpacity={opacity}
              style={{ mixBlendMode: style.blendMode }}
              {...hoverHandlers(link, isInteractive, setCurrentLink, show, hideTooltip)}
            />
          </Fragment>
        );
      })}
    </>
  );
}
