import { ResponsiveSankey, type SankeyLayer } from '@nivo/sankey';
import { useMemo } from 'react';
import type { SankeyFlows } from '../../../../shared/results';
import { formatMoney } from '../../format';
import { NODE_COLORS, toSankeyData, type FlowLink, type FlowNode } from '../../model/sankeyData';
import { SankeyLinks } from '../model/SankeyLinks';
import { SankeyLabels, SankeyNodes } from '../model/SankeyNodes';
import { SankeyStyleContext, type SankeyStyle } from '../model/sankeyStyle';
import { useDarkTheme } from '../model/useDarkTheme';

/** The Model tab's own layers: the same bands and nodes, drawn without nivo's springs. */
const LAYERS: SankeyLayer<FlowNode, FlowLink>[] = [SankeyLinks, SankeyNodes, SankeyLabels];
const HEIGHT = 220;

/**
 * The Model tab's revenue Sankey in small on the Overview (issue 17): the same flows of the same run, not
 * interactive (no hover, no filter); the whole chart is one button that opens the Model tab, where it is.
 */
export function OverviewSankey({
  flows,
  touches,
  currency,
  onOpenModel,
}: {
  flows: SankeyFlows;
  touches: 'community' | 'all';
  currency: string;
  onOpenModel: () => void;
}) {
  const dark = useDarkTheme();
  const data = useMemo(() => toSankeyData(flows), [flows]);
  const labelOf = new Map(data.nodes.map((node) => [node.id, node.label]));
  const text = dark ? '#e6e9ed' : '#1b1f24';
  // A chart that is not interactive shows no tooltip and takes no click: these are never called.
  const style: SankeyStyle = {
    linkOpacity: dark ? 0.45 : 0.3,
    linkHoverOpacity: 0.6,
    linkHoverOthersOpacity: 0.08,
    blendMode: dark ? 'screen' : 'multiply',
    nodeBorderRadius: 2,
    labelPadding: 6,
    labelColor: text,
    linkTooltip: () => <></>,
    nodeTooltip: () => <></>,
    onNodeClick: () => undefined,
  };
  const what = touches === 'community' ? 'Community revenue flows' : 'Revenue flows';
  if (data.links.length === 0) return null;
  return (
    <button
      type="button"
      className="overview-sankey"
      onClick={onOpenModel}
      aria-label={`${what}, ${formatMoney(data.total, currency)} of attributed revenue: see them in the Model tab`}
    >
      <span className="overview-sankey-title">{what}</span>
      <span className="overview-sankey-chart" style={{ height: HEIGHT }}>
        <SankeyStyleContext.Provider value={style}>
          <ResponsiveSankey<FlowNode, FlowLink>
            data={data}
            sort="input"
            animate={false}
            isInteractive={false}
            align="justify"
            label={(node) => labelOf.get(node.id) ?? node.id}
            margin={{ top: 8, right: 96, bottom: 8, left: 150 }}
            colors={(node) => NODE_COLORS[node.kind]}
            nodeThickness={10}
            nodeSpacing={8}
            layers={LAYERS}
            theme={{ text: { fill: text, fontSize: 11 }, labels: { text: { fill: text, fontSize: 11 } } }}
            ariaLabel={what}
          />
        </SankeyStyleContext.Provider>
      </span>
    </button>
  );
}
