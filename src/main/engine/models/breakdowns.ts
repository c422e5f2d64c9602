import type { BreakdownEntry, Breakdowns, FieldBreakdown, MemberBreakdown } from '../../../shared/results';
import type { OpportunityFieldValues } from '../scope/fieldValues';
import {
  actionTypeDimension,
  campaignDimension,
  campaignSlotOf,
  channelDimension,
  memberDimension,
  opportunityTypeDimension,
  POSITION_DIMENSION,
  touchKindDimension,
} from './dimensions';
import { runSums, type Dimension } from './patterns';
import { compareEntries, foldTop, Tally } from './tally';
import { ACTION_TYPES, OPPORTUNITY_TYPES } from '../../../shared/importSpec';
import { weightsOf, type PositionWeights } from '../../../shared/modelOptions';
import { POSITION_LABELS } from '../../../shared/vocabulary/positions';
import type { AttributionRun } from './attribute';
import { COMMUNITY, TOUCH_KINDS, type Dataset } from '../arrays/dataset';
import { isCredited, journeyRange, POSITION_BITS, POSITION_NAMES, type PositionName } from './journeys';
import { float64At, int32At, int8At, uint8At } from '../arrays/read';

export type { BreakdownEntry, Breakdowns, FieldBreakdown, MemberBreakdown };
export { compareEntries };

export interface BreakdownOptions {
  /** Members listed by name before the rest fold into "Other"; default 100. */
  topMembers?: number;
  /** A custom field to break the credit down by too (byField); none by default. */
  field?: OpportunityFieldValues | null;
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

export function breakdowns(data: Dataset, run: AttributionRun, options: BreakdownOptions = {}): Breakdowns {
  const { byChannel, byCampaign, byKind, byPosition, byAction, byMember, byType, attributed } =
    linearTallies(data, run) ?? touchTallies(data, run);
  const campaigns = data.campaigns.values;
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
    byField: options.field ? fieldBreakdown(data, run, options.field) : null,
    unattributed: { amount: run.unattributed, count: run.unattributedOpportunities.length },
  };
}

/** Values of a custom field listed by name before the rest fold into one "Other" entry. */
export const TOP_FIELD_VALUES = 500;

/**
 * Credit by the value of one custom field of the credited deals (the opportunity's, else its account's; spec 9's
 * breakdown by custom field): every touch of a journey counts under its deal's value, so the entries sum to the
 * run's attributed credit. Deals without a value are the entry keyed '' ("(no value)"); past the top values by
 * credit, the rest fold into one entry, as members do (a field can hold a value per deal).
 */
export function fieldBreakdown(
  data: Dataset,
  run: AttributionRun,
  values: OpportunityFieldValues,
  top = TOP_FIELD_VALUES,
): FieldBreakdown {
  const dimension: Dimension = {
    key: `field/${values.kind}/${values.field}`,
    size: values.names.length,
    split: false,
    of: (_k, _t, o) => int32At(values.ofOpportunity, o),
  };
  const sums = runSums(data, run, dimension);
  const byValue = new Tally(values.names.length, sums ?? undefined);
  if (!sums) {
    const { journeys, credits } = run;
    for (let j = 0; j < journeys.count; j++) {
      if (!isCredited(data, journeys, j)) continue;
      const value = int32At(values.ofOpportunity, int32At(journeys.opportunity, j));
      const { start, end } = journeyRange(journeys, j);
      for (let k = start; k < end; k++) byValue.add(value, float64At(credits, k));
    }
  }
  // Keyed apart from the "Other" entry's key, which a value (even '') can never be then.
  const key = (v: number): string => `value:${values.names[v] as string}`;
  const label = (v: number): string => (v === 0 ? NO_VALUE_LABEL : (values.names[v] as string));
  const other = { key: OTHER_VALUES_KEY, label: (n: number) => `Other (${n} ${n === 1 ? 'value' : 'values'})` };
  const { top: shown, other: rest, count } = foldTop(byValue, key, label, top, other);
  return { field: values.field, top: shown, other: rest, values: count };
}

export const NO_VALUE_LABEL = '(no value)';
export const OTHER_VALUES_KEY = 'other';

interface Tallies {
  byChannel: Tally;
  byCampaign: Tally;
  byKind: Tally;
  byPosition: Tally;
  byAction: Tally;
  byMember: Tally;
  byType: Tally;
  attributed: number;
}

/** A position model's tallies, from the presence-pattern sums (spec 8): no touch is read. */
function linearTallies(data: Dataset, run: AttributionRun): Tallies | null {
  const tally = (dimension: Dimension): Tally | null => {
    const sums = runSums(data, run, dimension);
    return sums && new Tally(dimension.size, sums);
  };
  const byChannel = tally(channelDimension(data));
  if (!byChannel) return null;
  let attributed = 0;
  for (let c = 0; c < byChannel.credit.length; c++) attributed += float64At(byChannel.credit, c);
  return {
    byChannel,
    byCampaign: tally(campaignDimension(data)) as Tally,
    byKind: tally(touchKindDimension(data)) as Tally,
    byPosition: tally(POSITION_DIMENSION) as Tally,
    byAction: tally(actionTypeDimension(data)) as Tally,
    byMember: tally(memberDimension(data)) as Tally,
    byType: tally(opportunityTypeDimension(data)) as Tally,
    attributed,
  };
}

/** Tallies summed from a run's per-touch credits. */
function touchTallies(data: Dataset, run: AttributionRun): Tallies {
  const { journeys, credits } = run;
  const { touches, opportunities: opps } = data;
  const split = positionSplitOf(run);
  const campaignSlot = campaignSlotOf(data);
  const byChannel = new Tally(data.channels.size);
  const byCampaign = new Tally(data.campaigns.values.length + 1);
  const byKind = new Tally(TOUCH_KINDS.length);
  const byPosition = new Tally(POSITION_NAMES.length);
  const byAction = new Tally(ACTION_TYPES.length);
  const byMember = new Tally(data.members.size);
  const byType = new Tally(OPPORTUNITY_TYPES.length);
  let attributed = 0;

  for (let j = 0; j < journeys.count; j++) {
    if (!isCredited(data, journeys, j)) continue;
    const type = uint8At(opps.type, int32At(journeys.opportunity, j));
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
  return { byChannel, byCampaign, byKind, byPosition, byAction, byMember, byType, attributed };
}

/** The members with the most credit by name, the rest summed into one "Other" entry (spec 7: CAR by member). */
function foldMembers(byMember: Tally, memberName: (m: number) => string, top: number): MemberBreakdown {
  const other = { key: OTHER_MEMBERS_KEY, label: (n: number) => `Other (${n} ${n === 1 ? 'member' : 'members'})` };
  const { top: shown, other: rest, count } = foldTop(byMember, memberName, memberName, top, other);
  return { top: shown, other: rest, members: count };
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
