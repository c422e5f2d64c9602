import { ACTION_TYPES, OPPORTUNITY_TYPES } from '../../../shared/importSpec';
import { COMMUNITY, OPPORTUNITY_TYPE_IDS, TOUCH_KINDS, type Dataset } from '../arrays/dataset';
import { int32At, int8At, uint8At } from '../arrays/read';
import { POSITION_NAMES } from './journeys';
import type { Dimension } from './patterns';

/**
 * The dimensions the views sum credits by (models/patterns.ts): one definition each, read by the presence-pattern
 * sums. Keys are per dataset (the cache keeps them per dataset object), so they name the dimension only.
 */

const POSITIONS = POSITION_NAMES.length;
const TYPES = OPPORTUNITY_TYPES.length;

export function channelDimension(data: Dataset): Dimension {
  const { channel } = data.touches;
  return { key: 'channel', size: data.channels.size, split: false, of: (_k, t) => int32At(channel, t) };
}

/** Campaign id + 1, so 0 is "no campaign"; a blank campaign name is no campaign too. */
export function campaignSlotOf(data: Dataset): (campaign: number) => number {
  const campaigns = data.campaigns.values;
  return (c) => (c < 0 || campaigns[c] === '' ? 0 : c + 1);
}

export function campaignDimension(data: Dataset): Dimension {
  const slot = campaignSlotOf(data);
  const { campaign } = data.touches;
  return {
    key: 'campaign',
    size: data.campaigns.values.length + 1,
    split: false,
    of: (_k, t) => slot(int32At(campaign, t)),
  };
}

export function touchKindDimension(data: Dataset): Dimension {
  const { kind } = data.touches;
  return { key: 'kind', size: TOUCH_KINDS.length, split: false, of: (_k, t) => uint8At(kind, t) };
}

/** Credit by position: a touch holding several splits its credit over them (spec 5). */
export const POSITION_DIMENSION: Dimension = {
  key: 'position',
  size: POSITIONS,
  split: true,
  of: (_k, _t, _o, p) => p,
};

export function opportunityTypeDimension(data: Dataset): Dimension {
  const { type } = data.opportunities;
  return { key: 'type', size: TYPES, split: false, of: (_k, _t, o) => uint8At(type, o) };
}

/** Community touches by action type; marketing touches are left out. */
export function actionTypeDimension(data: Dataset): Dimension {
  const { kind, actionType } = data.touches;
  return {
    key: 'action',
    size: ACTION_TYPES.length,
    split: false,
    of: (_k, t) => (uint8At(kind, t) === COMMUNITY ? int8At(actionType, t) : -1),
  };
}

/** Community touches by member; marketing touches are left out. */
export function memberDimension(data: Dataset): Dimension {
  const { kind, member } = data.touches;
  return {
    key: 'member',
    size: data.members.size,
    split: false,
    of: (_k, t) => (uint8At(kind, t) === COMMUNITY ? int32At(member, t) : -1),
  };
}

/** Community touches of upgrade opportunities (spec 7's upgrade category), as one value. */
export function communityUpgradeDimension(data: Dataset): Dimension {
  const { kind } = data.touches;
  const { type } = data.opportunities;
  return {
    key: 'community-upgrade',
    size: 1,
    split: false,
    of: (_k, t, o) => (uint8At(kind, t) === COMMUNITY && uint8At(type, o) === OPPORTUNITY_TYPE_IDS.upgrade ? 0 : -1),
  };
}

/** Community touches by position held, split as POSITION_DIMENSION (spec 7: attributed CAR per position). */
export function communityPositionDimension(data: Dataset): Dimension {
  const { kind } = data.touches;
  return {
    key: 'community-position',
    size: POSITIONS,
    split: true,
    of: (_k, t, _o, p) => (uint8At(kind, t) === COMMUNITY ? p : -1),
  };
}

/**
 * The Sankey's first links, source x position (source: a community action type, or a marketing channel after the
 * action types), value `source * POSITIONS + p`; with `communityOnly`, marketing touches are left out.
 */
export function sourcePositionDimension(data: Dataset, communityOnly: boolean): Dimension {
  const { kind, actionType, channel } = data.touches;
  return {
    key: `source-position/${communityOnly ? 'community' : 'all'}`,
    size: (ACTION_TYPES.length + data.channels.size) * POSITIONS,
    split: true,
    of: (_k, t, _o, p) => {
      if (uint8At(kind, t) === COMMUNITY) return int8At(actionType, t) * POSITIONS + p;
      return communityOnly ? -1 : (ACTION_TYPES.length + int32At(channel, t)) * POSITIONS + p;
    },
  };
}

/** The Sankey's middle links, position x opportunity type, value `p * TYPES + type`. */
export function positionTypeDimension(data: Dataset, communityOnly: boolean): Dimension {
  const { kind } = data.touches;
  const { type } = data.opportunities;
  return {
    key: `position-type/${communityOnly ? 'community' : 'all'}`,
    size: POSITIONS * TYPES,
    split: true,
    of: (_k, t, o, p) => (communityOnly && uint8At(kind, t) !== COMMUNITY ? -1 : p * TYPES + uint8At(type, o)),
  };
}

/**
 * Every dimension a model run's views sum by (attribution, breakdowns, CAR, the Sankey's two choices): summed in one
 * pass the first time a position model runs over a set of journeys (models/patterns.ts prepareSums).
 */
export function viewDimensions(data: Dataset): Dimension[] {
  return [
    channelDimension(data),
    campaignDimension(data),
    touchKindDimension(data),
    POSITION_DIMENSION,
    opportunityTypeDimension(data),
    actionTypeDimension(data),
    memberDimension(data),
    communityUpgradeDimension(data),
    communityPositionDimension(data),
    sourcePositionDimension(data, true),
    sourcePositionDimension(data, false),
    positionTypeDimension(data, true),
    positionTypeDimension(data, false),
  ];
}
