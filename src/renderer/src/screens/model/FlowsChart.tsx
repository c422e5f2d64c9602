import { ResponsiveSankey, type SankeyLayer } from '@nivo/sankey';
import { useMemo, useRef } from 'react';
import type { FlowFocus, SankeyFlows } from '../../../../shared/results';
import { formatMoney } from '../../format';
import { NODE_COLORS, shareOfTotal, toSankeyData, type FlowLink, type FlowNode } from '../../model/sankeyData';
import { formatShare } from '../../model/weights';
import { useModelStore, type FlowTouches } from '../../stores/model';
import { standaloneSvg, svgToPng } from '../../export/chartImage';
import { downloadBlob } from '../../export/download';
import type { ModelFigures } from '../../stores/pipeline';
import { useProjectStore } from '../../stores/project';
import { ChoiceSwitch } from './ChoiceSwitch';
import { SankeyLinks } from './SankeyLinks';
import { SankeyLabels, SankeyNodes } from './SankeyNodes';
import { SankeyStyleContext, type SankeyStyle } from './sankeyStyle';
import { useDarkTheme } from './useDarkTheme';

/**
 * The links, nodes and labels are drawn by layers of our own, without nivo's per-element springs; nivo still lays
 * the chart out (d3-sankey) and keeps the hover state and the tooltip. One constant, so React keeps the layers'
 * elements from one run to the next.
 */
const LAYERS: SankeyLayer<FlowNode, FlowLink>[] = [SankeyLinks, SankeyNodes, SankeyLabels, 'legends'];

const FLOW_TOUCHES: { value: FlowTouches; label: string }[] = [
  { value: 'community', label: 'Community only' },
  { value: 'all', label: 'All touches' },
];

/**
 * Attributed revenue from source to journey position to opportunity type to won revenue. Clicking a node (or
 * choosing it in the filter list, for the keyboard) filters the chart and the credit tables to the revenue through it.
 */
export function FlowsChart({
  flows,
  focus,
  currency,
  figures = 'revenue',
}: {
  flows: SankeyFlows;
  focus: FlowFocus | null;
  currency: string;
  /** Whose flows: won revenue's, or the open pipeline's (spec 11), named as such everywhere. */
  figures?: ModelFigures;
}) {
  const what = figures === 'pipeline' ? 'pipeline' : 'revenue';
  const title = figures === 'pipeline' ? 'Pipeline flows' : 'Revenue flows';
  const touches = useModelStore((state) => state.flows);
  const setFlows = useModelStore((state) => state.setFlows);
  const toggleFocus = useModelStore((state) => state.toggleFocus);
  const dark = useDarkTheme();
  const data = useMemo(() => toSankeyData(flows), [flows]);
  const amount = (value: number) =>
    `${formatMoney(value, currency)} (${formatShare(shareOfTotal(value, data.total))} of the total)`;
  const labelOf = new Map(data.nodes.map((node) => [node.id, node.label]));
  const text = dark ? '#e6e9ed' : '#1b1f24';
  const sankeyStyle: SankeyStyle = {
    linkOpacity: dark ? 0.45 : 0.3,
    linkHoverOpacity: 0.6,
    linkHoverOthersOpacity: 0.08,
    // multiply darkens towards the background, which hides the links on a dark one.
    blendMode: dark ? 'screen' : 'multiply',
    nodeBorderRadius: 2,
    labelPadding: 8,
    labelColor: text,
    linkTooltip: (link) => (
      <div className="flow-tooltip">
        <strong>
          {link.source.label} → {link.target.label}
        </strong>
        <div>{amount(link.value)}</div>
      </div>
    ),
    nodeTooltip: (node) => (
      <div className="flow-tooltip">
        <strong>{node.label}</strong>
        <div>{amount(node.value)}</div>
      </div>
    ),
    onNodeClick: (node) => toggleFocus(node.id),
  };
  const chart = useRef<HTMLDivElement>(null);
  const reportError = useProjectStore((state) => state.reportError);
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');

  async function exportChart(format: 'svg' | 'png') {
    const svg = chart.current?.querySelector('svg');
    if (!svg) return;
    try {
      const markup = standaloneSvg(svg, dark ? '#101418' : '#ffffff');
      const name = `${projectName} ${title.toLowerCase()}.${format}`;
      if (format === 'svg') downloadBlob(new Blob([markup], { type: 'image/svg+xml' }), name);
      else {
        const { width, height } = svg.getBoundingClientRect();
        downloadBlob(await svgToPng(markup, width, height), name);
      }
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <section className="flows" aria-labelledby={`${figures}-flows-heading`}>
      <div className="flows-header">
        <h3 id={`${figures}-flows-heading`}>{title}</h3>
        <ChoiceSwitch
          label="Touches in the flows"
          name={`${figures}-flows-touches`}
          options={FLOW_TOUCHES}
          value={touches}
          onChange={setFlows}
        />
      </div>
      <div className="flows-filter">
        <label>
          Filter results to
          <select
            value={focus?.id ?? ''}
            onChange={(event) => toggleFocus(event.target.value === '' ? null : event.target.value)}
          >
            <option value="">All attributed {what}</option>
            {data.nodes
              .filter((node) => node.id !== focus?.id)
              .map((node) => (
                <option key={node.id} value={node.id}>
                  {node.label}
                </option>
              ))}
            {focus && <option value={focus.id}>{focus.label}</option>}
          </select>
        </label>
        {focus && (
          <p className="focus-note" role="status">
            Showing the {formatMoney(focus.attributed, currency)} that flows through <strong>{focus.label}</strong>.{' '}
            <button type="button" className="link" onClick={() => toggleFocus(null)}>
              Clear filter
            </button>
          </p>
        )}
      </div>
      <div className="sankey" role="region" aria-label={title} ref={chart}>
        {data.links.length === 0 ? (
          <p className="empty">No attributed {what} flows in this scope.</p>
        ) : (
          <SankeyStyleContext.Provider value={sankeyStyle}>
            <ResponsiveSankey<FlowNode, FlowLink>
              data={data}
              sort="input"
              animate={false}
              align="justify"
              label={(node) => labelOf.get(node.id) ?? node.id}
              valueFormat={(value) => formatMoney(value, currency)}
              margin={{ top: 12, right: 110, bottom: 12, left: 190 }}
              colors={(node) => NODE_COLORS[node.kind]}
              nodeThickness={14}
              nodeSpacing={14}
              layers={LAYERS}
              theme={{
                text: { fill: text, fontSize: 12 },
                labels: { text: { fill: text, fontSize: 12 } },
                tooltip: { container: { background: dark ? '#181d23' : '#ffffff', color: text, fontSize: 13 } },
              }}
              ariaLabel={`Sankey chart of ${title.toLowerCase()}`}
            />
          </SankeyStyleContext.Provider>
        )}
      </div>
      <div className="flows-footer">
        <p className="muted small">
          {touches === 'community' ? 'Community touches only' : 'Community and marketing touches'}:{' '}
          {formatMoney(data.total, currency)} of attributed {what}.
        </p>
        {data.links.length > 0 && (
          <div className="flows-export">
            <button type="button" className="secondary" onClick={() => void exportChart('svg')}>
              Export SVG
            </button>
            <button type="button" className="secondary" onClick={() => void exportChart('png')}>
              Export PNG
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
