import { ACTION_TYPES, OPPORTUNITY_TYPES } from '../../../shared/importSpec';
import type { FlowFocus } from '../../../shared/results';
import { isNamedSource, SANKEY_NODE_KINDS } from '../../../shared/vocabulary/sankeyNodes';
import { COMMUNITY, type Dataset } from '../arrays/dataset';
import type { AttributionRun } from './attribute';
import { positionSplitOf } from './breakdowns';
import { sankeyFlows, type SankeyFlows } from './flows';
import { isCredited, journeyRange, POSITION_BITS, POSITION_NAMES, type Journeys } from './journeys';
import { float64At, int32At, int8At, uint8At } from '../arrays/read';

export type { FlowFocus };

/**
 * The share of each journey touch's credit that flows through one node of the revenue Sankey: the results are
 * "filtered to" that node by computing the breakdowns and the flows over this share alone (issue 6: click a node
 * to filter). `unfocused` is the chart the node was clicked on; it tells which sources folded into "Other sources".
 *
 * Choice where the issue is silent: the filter keeps the chart's scope, so with "community only" a position or an
 * opportunity type means the community revenue through it, exactly the band the user clicked.
 * Returns null when no such node has revenue (the data changed since): the caller shows the results unfiltered.
 */
export function focusRun(
  data: Dataset,
  run: AttributionRun,
  scope: 'community' | 'all',
  nodeId: string,
  unfocused: SankeyFlows,
): { run: AttributionRun; focus: FlowFocus } | null {
  // A source folded into "Other sources" is a node too once "Other sources" is filtered to and unfolds.
  const node =
    unfocused.nodes.find((candidate) => candidate.id === nodeId) ??
    sankeyFlows(data, run, { scope, topN: Number.MAX_SAFE_INTEGER }).nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return null;
  const { journeys, credits } = run;
  const { touches, opportunities: opps } = data;
  const sourceOf = sourceIdOf(data);
  const named = new Set(unfocused.nodes.filter((n) => isNamedSource(n.kind)).map((n) => n.id));
  const position =
    node.kind === 'position' ? POSITION_NAMES.findIndex((name) => SANKEY_NODE_KINDS.position.id(name) === nodeId) : -1;
  const type =
    node.kind === 'opportunityType'
      ? OPPORTUNITY_TYPES.findIndex((name) => SANKEY_NODE_KINDS.opportunityType.id(name) === nodeId)
      : -1;
  const split = positionSplitOf(run);

  // The touches that flow through the node, as journeys of their own: the breakdowns then count only them.
  const kept = { opportunity: [] as number[], start: [0], touch: [] as number[], positions: [] as number[] };
  const restarted: number[] = [];
  const focused: number[] = [];
  let attributed = 0;
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    if (!isCredited(data, journeys, j)) continue;
    if (type >= 0 && opps.type[o] !== type) continue;
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      const credit = float64At(credits, k);
      if (!(credit > 0)) continue;
      const t = int32At(journeys.touch, k);
      if (scope === 'community' && touches.kind[t] !== COMMUNITY) continue;
      if (node.layer === 0) {
        const source = sourceOf(t);
        if (node.kind === 'otherSources' ? named.has(source) : source !== nodeId) continue;
      }
      let bits = uint8At(journeys.positions, k);
      let share = credit;
      // A position node holds only its part of a touch's credit, and the touch keeps just that position.
      if (position >= 0) {
        const bit = POSITION_BITS[position] as number;
        if (!(bits & bit)) continue;
        share = credit * float64At(split, bits * POSITION_NAMES.length + position);
        bits = bit;
      }
      kept.touch.push(t);
      kept.positions.push(bits);
      focused.push(share);
      attributed += share;
    }
    if (kept.touch.length > (kept.start.at(-1) as number)) {
      kept.opportunity.push(o);
      kept.start.push(kept.touch.length);
      restarted.push(uint8At(journeys.restarted, j));
    }
  }
  const subset: Journeys = {
    count: kept.opportunity.length,
    opportunity: Int32Array.from(kept.opportunity),
    start: Int32Array.from(kept.start),
    touch: Int32Array.from(kept.touch),
    positions: Uint8Array.from(kept.positions),
    restarted: Uint8Array.from(restarted),
    ...(journeys.pipeline ? { pipeline: journeys.pipeline } : {}),
  };
  // The focused run's credits are its own per-touch shares: the presence-pattern sums are the whole run's.
  const { linear: _wholeRun, ...rest } = run;
  return {
    run: { ...rest, journeys: subset, credits: Float64Array.from(focused), attributed },
    focus: { id: nodeId, label: node.label, attributed },
  };
}

/** The Sankey source id of a touch, as flows.ts names it. */
function sourceIdOf(data: Dataset): (touch: number) => string {
  const community = ACTION_TYPES.map((action) => SANKEY_NODE_KINDS.community.id(action));
  const channels = data.channels.values.map((channel) => SANKEY_NODE_KINDS.channel.id(channel));
  return (t) =>
    data.touches.kind[t] === COMMUNITY
      ? (community[int8At(data.touches.actionType, t)] as string)
      : (channels[int32At(data.touches.channel, t)] as string);
}
