import type { BreakdownEntry, Breakdowns, MemberBreakdown } from '../../../shared/results';
import { ACTION_TYPES, OPPORTUNITY_TYPES } from '../../../shared/importSpec';
import { weightsOf, type PositionWeights } from '../../../shared/modelOptions';
import { POSITION_LABELS } from '../../../shared/vocabulary/positions';
import type { AttributionRun } from './attribute';
import { COMMUNITY, isWon, TOUCH_KINDS, type Dataset } from '../arrays/dataset';
import { journeyRange, POSITION_BITS, POSITION_NAMES, type PositionName } from './journeys';
import { float64At, int32At, int8At, uint8At } from '../arrays/read';

export type { BreakdownEntry, Breakdowns, MemberBreakdown };

export interface BreakdownOptions {
  /** Members listed by name before the rest fold into "Other"; default 100. */
  topMembers?: number;
}

export const NO_CAMPAIGN_LABEL = '(no campaign)';
/** No member id is empty (data.md: ids are required), so the "Other" bucket's key cannot clash with one. */
export const OTHER_MEMBERS_KEY = '';

export const OPPORTUNITY_TYPE_LABELS = ['New business', 'Upgrade', 'Renewal'] as const;
const TOUCH_KIND_LABELS = ['Community', 'Marketing'] as const;

/** "internal_referral" -> "internal referral". */
export function actionTypeWords(type: string): string {
  return type.replaceAll('_', ' ');
}

/**
 * For every set of position bits (0-31), the fraction of a touch's credit that each position (POSITION_NAMES order)
 * takes: in proportion to the model's weights when a position model ran (which reproduces what each milestone gave
 * the touch, spec 5), else, or when the positions held all weigh 0, equally over the positions held.
 */
export function positionSplit(weights: PositionWeights | null): Float64Array {
  const table = new Float64Array(32 * POSITION_NAMES.length);
  for (let bits = 1; bits < 32; bits++) {
    let total = 0;
    let held = 0;
    POSITION_BITS.forEach((bit, p) => {
      if (!(bits & bit)) return;
      held++;
      if (weights) total += weights[POSITION_NAMES[p] as PositionName];
    });
    POSITION_BITS.forEach((bit, p) => {
      if (!(bits & bit)) return;
      const weight = weights ? weights[POSITION_NAMES[p] as PositionName] : 0;
      table[bits * POSITION_NAMES.length + p] = total > 0 ? weight / total : 1 / held;
    });
  }
  return table;
}

/** The position split for a run: weighted for position models, equal otherwise. */
export function positionSplitOf(run: AttributionRun): Float64Array {
  return positionSplit(weightsOf(run.options));
}

export function compareEntries(a: { key: string; credit: number }, b: { key: string; credit: number }): number {
  return b.credit - a.credit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Credit and touch counts per dense id of one dimension. */
class Tally {
  readonly credit: Float64Array;
  readonly touches: Int32Array;
  constructor(size: number) {
    this.credit = new Float64Array(size);
    this.touches = new Int32Array(size);
  }
  add(id: number, credit: number): void {
    this.credit[id] = float64At(this.credit, id) + credit;
    this.touches[id] = int32At(this.touches, id) + 1;
  }
  /**
   * Entries for the ids that have touches, sorted. With `atLeast`, only the ids whose credit reaches it: the largest
   * few of a long list are then found without building and sorting an entry for every id.
   */
  entries(key: (id: number) => string, label: (id: number) => string, atLeast = -Infinity): BreakdownEntry[] {
    const out: BreakdownEntry[] = [];
    for (let id = 0; id < this.touches.length; id++) {
      if (this.touches[id] === 0 || float64At(this.credit, id) < atLeast) continue;
      out.push({
        key: key(id),
        label: label(id),
        credit: float64At(this.credit, id),
        touches: int32At(this.touches, id),
      });
    }
    return out.sort(compareEntries);
  }
}

export function breakdowns(data: Dataset, run: AttributionRun, options: BreakdownOptions = {}): Breakdowns {
  const { journeys, credits } = run;
  const { touches, opportunities: opps } = data;
  const split = positionSplitOf(run);
  const campaigns = data.campaigns.values;
  // Campaign id + 1, so 0 is "no campaign"; a blank campaign name is no campaign too.
  const campaignSlot = (c: number): number => (c < 0 || campaigns[c] === '' ? 0 : c + 1);
  const byChannel = new Tally(data.channels.size);
  const byCampaign = new Tally(campaigns.length + 1);
  const byKind = new Tally(TOUCH_KINDS.length);
  const byPosition = new Tally(POSITION_NAMES.length);
  const byAction = new Tally(ACTION_TYPES.length);
  const byMember = new Tally(data.members.size);
  const byType = new Tally(OPPORTUNITY_TYPES.length);
  let attributed = 0;

  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    if (!isWon(opps, o)) continue;
    const type = uint8At(opps.type, o);
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      const t = int32At(journeys.touch, k);
      const credit = float64At(credits, k);
      attributed += credit;
      byChannel.add(int32At(touches.channel, t), credit);
      byCampaign.add(campaignSlot(int32At(touches.campaign, t)), credit);
      const kind = uint8At(touches.kind, t);
      byKind.add(kind, credit);
      byType.add(type, credit);
      // A touch counts at every position it holds; its credit splits over them (spec 5).
      const bits = uint8At(journeys.positions, k);
      for (let p = 0; p < POSITION_NAMES.length; p++) {
        if (bits & (POSITION_BITS[p] as number))
          byPosition.add(p, credit * float64At(split, bits * POSITION_NAMES.length + p));
      }
      if (kind === COMMUNITY) {
        byAction.add(int8At(touches.actionType, t), credit);
        byMember.add(int32At(touches.member, t), credit);
      }
    }
  }

  const channelName = (c: number): string => data.channels.values[c] as string;
  const campaignName = (slot: number): string => (slot === 0 ? '' : (campaigns[slot - 1] as string));
  const actionName = (a: number): string => ACTION_TYPES[a] as string;
  const memberName = (m: number): string => data.members.values[m] as string;
  const positionName = (p: number): PositionName => POSITION_NAMES[p] as PositionName;
  const typeName = (o: number): string => OPPORTUNITY_TYPES[o] as string;
  return {
    attributed,
    byChannel: byChannel.entries(channelName, channelName),
    byCampaign: byCampaign.entries(campaignName, (slot) => (slot === 0 ? NO_CAMPAIGN_LABEL : campaignName(slot))),
    byTouchKind: byKind.entries(
      (kind) => TOUCH_KINDS[kind] as string,
      (kind) => TOUCH_KIND_LABELS[kind] as string,
    ),
    byPosition: byPosition.entries(positionName, (p) => POSITION_LABELS[positionName(p)]),
    byActionType: byAction.entries(actionName, (a) => capitalized(actionTypeWords(actionName(a)))),
    byMember: foldMembers(byMember, memberName, options.topMembers ?? 100),
    byOpportunityType: byType.entries(typeName, (o) => OPPORTUNITY_TYPE_LABELS[o] as string),
    unattributed: { amount: run.unattributed, count: run.unattributedOpportunities.length },
  };
}

/** The members with the most credit by name, the rest summed into one "Other" entry (spec 7: CAR by member). */
function foldMembers(byMember: Tally, memberName: (m: number) => string, top: number): MemberBreakdown {
  const keep = Math.max(0, Math.floor(top));
  const credits: number[] = [];
  for (let m = 0; m < byMember.touches.length; m++) {
    if (byMember.touches[m] !== 0) credits.push(float64At(byMember.credit, m));
  }
  const members = credits.length;
  // Only members at or above the keep-th largest credit can be among the top ones (ties included, then sorted).
  const threshold = keep === 0 ? Infinity : keep >= members ? -Infinity : kthLargest(credits, keep);
  const shown = byMember.entries(memberName, memberName, threshold).slice(0, keep);
  let other: BreakdownEntry | null = null;
  if (members > shown.length) {
    // Summed from the members it holds, not as the total minus the shown ones, which loses cents to cancellation.
    const listed = new Set(shown.map((entry) => entry.key));
    let credit = 0;
    let touches = 0;
    for (let m = 0; m < byMember.touches.length; m++) {
      if (byMember.touches[m] === 0 || listed.has(memberName(m))) continue;
      credit += float64At(byMember.credit, m);
      touches += int32At(byMember.touches, m);
    }
    other = { key: OTHER_MEMBERS_KEY, label: `Other (${members - shown.length} members)`, credit, touches };
  }
  return { top: shown, other, members };
}

/** The k-th largest value (1-based) of a list, in linear time on average (quickselect; reorders the list). */
function kthLargest(values: number[], k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        [values[i], values[j]] = [values[j] as number, values[i] as number];
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] as number;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
