import type { SankeyFlows, SankeyLayer, SankeyLink, SankeyNode } from '../../../shared/results';
import { ACTION_TYPES, OPPORTUNITY_TYPES } from '../../../shared/importSpec';
import { POSITION_LABELS } from '../../../shared/vocabulary/positions';
import { SANKEY_NODE_KINDS, type SankeyNodeKind } from '../../../shared/vocabulary/sankeyNodes';
import type { AttributionRun } from './attribute';
import { actionTypeWords, compareEntries, OPPORTUNITY_TYPE_LABELS, positionSplitOf } from './breakdowns';
import { COMMUNITY, type Dataset } from '../arrays/dataset';
import { positionTypeDimension, sourcePositionDimension } from './dimensions';
import { runSums } from './patterns';
import { isCredited, journeyRange, POSITION_BITS, POSITION_NAMES, type PositionName } from './journeys';
import { float64At, int32At, int8At, uint8At } from '../arrays/read';

export type { SankeyFlows, SankeyLayer, SankeyLink, SankeyNode };

export interface SankeyOptions {
  /** 'community': only community touches flow; 'all': marketing touches too, sourced by their channel. */
  scope: 'community' | 'all';
  /** Sources kept by name, largest first; the rest fold into "Other sources". Default 12. */
  topN?: number;
  /** Sources below this fraction of the total fold into "Other sources" too. Default 0. */
  minShare?: number;
}

const WON_ID = SANKEY_NODE_KINDS.won.id();
const POSITIONS = POSITION_NAMES.length;
const TYPES = OPPORTUNITY_TYPES.length;

/**
 * The flow of attributed revenue from source to journey position to opportunity type to won revenue. Each node says
 * its kind, which sets its layer and id (shared/vocabulary/sankeyNodes.ts), and links only go from one layer to the
 * next, so the graph has no cycle. A touch holding several positions splits its credit over them as the breakdowns
 * do (spec 5). Only the source layer folds; zero-value nodes and links are left out. Nodes come by layer: sources by
 * value descending then id ("Other sources" last), positions in FT, LC, OC, CW, MID order, types in new business,
 * upgrade, renewal order; links by their source node's order, then their target's.
 */
export function sankeyFlows(data: Dataset, run: AttributionRun, options: SankeyOptions): SankeyFlows {
  const { journeys } = run;
  const { sourcePosition, positionType } = linearFlows(data, run, options) ?? touchFlows(data, run, options);
  const sources = sourceNodes(data, sourcePosition, options);
  const nodes: SankeyNode[] = [];
  const links: SankeyLink[] = [];
  for (const source of sources) {
    nodes.push(node(source.kind, source.id, source.label, sum(source.flows)));
    source.flows.forEach((value, p) => {
      if (value > 0) links.push({ source: source.id, target: positionId(p), value });
    });
  }
  const typeIn = new Float64Array(TYPES);
  for (let p = 0; p < POSITIONS; p++) {
    const row = positionType.subarray(p * TYPES, (p + 1) * TYPES);
    const value = sum(row);
    if (!(value > 0)) continue;
    const name = POSITION_NAMES[p] as PositionName;
    nodes.push(node('position', positionId(p), POSITION_LABELS[name], value));
    row.forEach((flow, type) => {
      if (!(flow > 0)) return;
      links.push({ source: positionId(p), target: typeId(type), value: flow });
      typeIn[type] = float64At(typeIn, type) + flow;
    });
  }
  let total = 0;
  const typeLinks: SankeyLink[] = [];
  typeIn.forEach((value, type) => {
    if (!(value > 0)) return;
    nodes.push(node('opportunityType', typeId(type), OPPORTUNITY_TYPE_LABELS[type] as string, value));
    typeLinks.push({ source: typeId(type), target: WON_ID, value });
    total += value;
  });
  // The last layer is what the credit is of: won revenue, or the open deals' pipeline (spec 11).
  if (total > 0) nodes.push(node('won', WON_ID, journeys.pipeline ? 'Open pipeline' : 'Won revenue', total));
  links.push(...typeLinks);
  return { nodes, links, total };
}

interface FlowSums {
  /** Source x position (source: action types, then channels), and position x opportunity type. */
  sourcePosition: Float64Array;
  positionType: Float64Array;
}

/** A position model's flows, from the presence-pattern sums (spec 8): no touch is read. */
function linearFlows(data: Dataset, run: AttributionRun, options: SankeyOptions): FlowSums | null {
  const communityOnly = options.scope === 'community';
  const sourcePosition = runSums(data, run, sourcePositionDimension(data, communityOnly));
  const positionType = runSums(data, run, positionTypeDimension(data, communityOnly));
  return sourcePosition && positionType
    ? { sourcePosition: sourcePosition.credit, positionType: positionType.credit }
    : null;
}

/** Flows summed from a run's per-touch credits. */
function touchFlows(data: Dataset, run: AttributionRun, options: SankeyOptions): FlowSums {
  const { journeys, credits } = run;
  const { touches, opportunities: opps } = data;
  const split = positionSplitOf(run);
  const sourcePosition = new Float64Array((ACTION_TYPES.length + data.channels.size) * POSITIONS);
  const positionType = new Float64Array(POSITIONS * TYPES);
  for (let j = 0; j < journeys.count; j++) {
    if (!isCredited(data, journeys, j)) continue;
    const type = uint8At(opps.type, int32At(journeys.opportunity, j));
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      const credit = float64At(credits, k);
      if (!(credit > 0)) continue;
      const t = int32At(journeys.touch, k);
      const community = touches.kind[t] === COMMUNITY;
      if (!community && options.scope === 'community') continue;
      const source = community ? int8At(touches.actionType, t) : ACTION_TYPES.length + int32At(touches.channel, t);
      const bits = uint8At(journeys.positions, k);
      for (let p = 0; p < POSITIONS; p++) {
        if (!(bits & (POSITION_BITS[p] as number))) continue;
        const value = credit * float64At(split, bits * POSITIONS + p);
        if (!(value > 0)) continue;
        sourcePosition[source * POSITIONS + p] = float64At(sourcePosition, source * POSITIONS + p) + value;
        positionType[p * TYPES + type] = float64At(positionType, p * TYPES + type) + value;
      }
    }
  }
  return { sourcePosition, positionType };
}

interface SourceNode {
  kind: Extract<SankeyNodeKind, 'community' | 'channel' | 'otherSources'>;
  id: string;
  label: string;
  /** Value into each position, POSITION_NAMES order. */
  flows: number[];
}

/** The source layer: every source with a flow, the smaller ones past topN (or under minShare) folded into one. */
function sourceNodes(data: Dataset, sourcePosition: Float64Array, options: SankeyOptions): SourceNode[] {
  const all: (SourceNode & { key: string; credit: number })[] = [];
  for (let s = 0; s < sourcePosition.length / POSITIONS; s++) {
    const flows = Array.from(sourcePosition.subarray(s * POSITIONS, (s + 1) * POSITIONS));
    const credit = sum(flows);
    if (!(credit > 0)) continue;
    const action = ACTION_TYPES[s];
    const channel = data.channels.values[s - ACTION_TYPES.length] as string;
    const kind = action ? 'community' : 'channel';
    const id = action ? SANKEY_NODE_KINDS.community.id(action) : SANKEY_NODE_KINDS.channel.id(channel);
    const label = action ? `Community: ${actionTypeWords(action)}` : channel;
    all.push({ kind, id, key: id, label, flows, credit });
  }
  all.sort(compareEntries);
  const topN = Math.max(0, Math.floor(options.topN ?? 12));
  const floor = (options.minShare ?? 0) * sum(all.map((source) => source.credit));
  const kept: SourceNode[] = [];
  const other: SourceNode = {
    kind: 'otherSources',
    id: SANKEY_NODE_KINDS.otherSources.id(),
    label: 'Other sources',
    flows: new Array<number>(POSITIONS).fill(0),
  };
  let folded = 0;
  for (const source of all) {
    if (kept.length < topN && source.credit >= floor) {
      kept.push({ kind: source.kind, id: source.id, label: source.label, flows: source.flows });
      continue;
    }
    folded++;
    source.flows.forEach((value, p) => (other.flows[p] = (other.flows[p] as number) + value));
  }
  if (folded > 0) kept.push(other);
  return kept;
}

const positionId = (p: number): string => SANKEY_NODE_KINDS.position.id(POSITION_NAMES[p] as string);
const typeId = (type: number): string => SANKEY_NODE_KINDS.opportunityType.id(OPPORTUNITY_TYPES[type] as string);

function node(kind: SankeyNodeKind, id: string, label: string, value: number): SankeyNode {
  return { id, kind, label, layer: SANKEY_NODE_KINDS[kind].layer, value };
}

function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i] as number;
  return total;
}
