import { ACTION_TYPES } from '../../../shared/importSpec';
import type { PositionWeights } from '../../../shared/modelOptions';
import { positionSplit } from './breakdowns';
import type { CarResult, LinkedNotWon, SourcedOpportunity } from '../../../shared/results';

export type { CarResult };
import { churnReduction } from './car/churn';
import { communityReach, wonDealsIn } from './car/reach';
import { roadmapCar } from './car/roadmap';
import { earliestSources, linkedOpportunities, touchSourcing } from './car/sourcing';
import type { CommunityData } from '../arrays/communityData';
import { actionTypeId, COMMUNITY, isWon, OPPORTUNITY_TYPE_IDS, STAGE_IDS, type Dataset } from '../arrays/dataset';
import { actionTypeDimension, communityPositionDimension, communityUpgradeDimension } from './dimensions';
import { runSums } from './patterns';
import { journeyRange, POSITION_BITS, POSITION_NAMES, type Journeys, type PositionName } from './journeys';
import { stringAt } from '../arrays/packed';
import { float64At, int32At, int8At, uint8At } from '../arrays/read';

export interface CarOptions {
  referralWindowDays: number;
  roadmapShare: number;
  seed: number;
  /**
   * The position weights the credits were computed with, if a position model ran: a community touch holding several
   * milestones then splits its credit over them in proportion to their weights (spec 5). Without them (or when the
   * touch's positions all weigh 0) its credit is split equally over the positions it holds.
   */
  weights?: PositionWeights;
  /**
   * Keeps what does not depend on the credits (links, roadmap, churn) between runs over the same data: a weight
   * slider then recomputes only the credit sums (spec 8: recompute from arrays, interactively).
   */
  memo?: Memo;
  /**
   * The in-scope opportunities (spec 9) when a scope selects some: `journeys` are then theirs, and the parts of CAR
   * that go over opportunities (sourcing links, roadmap, churn) keep to them too.
   */
  inScope?: Uint8Array | null;
}

/** Returns the value kept under `key`, computing and keeping it the first time. */
export type Memo = <T>(key: string, compute: () => T) => T;
const noMemo: Memo = (_key, compute) => compute();

type LinkType = 'internal_referral' | 'external_referral' | 'job_move';
/** spec 7, engagement: the action types whose credit the engagement category sums. */
export const ENGAGEMENT_TYPES = new Set(
  (['post', 'reply', 'reaction', 'event_attended', 'answer', 'other'] as const).map(actionTypeId),
);

/** What CAR reads of a model run: its journeys and credits (a position model's as presence-pattern sums too). */
export interface CreditedJourneys {
  journeys: Journeys;
  credits: Float64Array;
  linear?: { factors: Float64Array };
}

/**
 * Computes CAR from the journeys and the credits of one model run (`credits` aligned with `journeys.touch`; only won
 * journeys carry credit). Categories overlap, so they are not summed (spec 7). A position model's credit sums come
 * from its presence-pattern sums (spec 8) without reading its per-touch credits.
 */
export function computeCar(
  data: Dataset,
  community: CommunityData,
  run: CreditedJourneys,
  options: CarOptions,
): CarResult {
  const opps = data.opportunities;
  const { journeys } = run;
  const credit = communityCredit(data, run, options.weights ?? null);
  const { byActionType, byPosition } = credit;
  const { influenced, upgradeInfluenced, communityTouches } = communityReach(data, journeys);
  const attributed = byActionType.reduce((sum, value) => sum + value, 0);
  const upgrade = { attributed: credit.upgrade, influenced: upgradeInfluenced, sourced: 0 };

  const memo = options.memo ?? noMemo;
  const inScope = options.inScope ?? null;
  const sourcing = sourcingOf(data, community, journeys, options.referralWindowDays, inScope);
  upgrade.sourced = sourcing.upgradeSourced;
  const linkCategory = (type: LinkType) => ({
    attributed: float64At(byActionType, actionTypeId(type)),
    sourced: sourcing.byLinkType[type],
  });

  let engagement = 0;
  for (const type of ENGAGEMENT_TYPES) engagement += float64At(byActionType, type);
  const wonCount = wonDealsIn(opps, inScope);

  return {
    attributed,
    influenced,
    sourced: sourcing.sourced,
    byCategory: {
      internal_referral: linkCategory('internal_referral'),
      external_referral: linkCategory('external_referral'),
      job_move: linkCategory('job_move'),
      upgrade,
      // Memoised results are also kept in the project's snapshot with the arrays (engine/arrays/projectSnapshot.ts): a
      // change to either must bump ENGINE_FILE_FORMAT, and to their shape, the schemas in
      // engine/arrays/checkEngineData.ts.
      roadmap: memo(roadmapMemoKey(options.roadmapShare), () =>
        roadmapCar(data, community, options.roadmapShare, inScope),
      ),
      churn_reduction: memo(churnMemoKey(options.seed), () => churnReduction(data, options.seed, inScope)),
      engagement: { attributed: engagement },
    },
    communityTouchesPerWonDeal: wonCount > 0 ? communityTouches / wonCount : 0,
    attributedByPosition: Object.fromEntries(POSITION_NAMES.map((name, p) => [name, byPosition[p]])) as Record<
      PositionName,
      number
    >,
    sourcedOpportunities: sourcing.sourcedOpportunities,
    linkedNotWon: sourcing.linkedNotWon,
  };
}

/** Community credit by action type and by position held, and that of upgrade opportunities (spec 7). */
interface CommunityCredit {
  byActionType: Float64Array;
  byPosition: Float64Array;
  upgrade: number;
}

function communityCredit(data: Dataset, run: CreditedJourneys, weights: PositionWeights | null): CommunityCredit {
  const byActionType = runSums(data, run, actionTypeDimension(data));
  const byPosition = runSums(data, run, communityPositionDimension(data));
  const upgrade = runSums(data, run, communityUpgradeDimension(data));
  if (byActionType && byPosition && upgrade) {
    return { byActionType: byActionType.credit, byPosition: byPosition.credit, upgrade: float64At(upgrade.credit, 0) };
  }
  const { journeys, credits } = run;
  const { touches, opportunities: opps } = data;
  const sums: CommunityCredit = {
    byActionType: new Float64Array(ACTION_TYPES.length),
    byPosition: new Float64Array(POSITION_NAMES.length),
    upgrade: 0,
  };
  const split = positionSplit(weights);
  for (let j = 0; j < journeys.count; j++) {
    const o = int32At(journeys.opportunity, j);
    if (!isWon(opps, o)) continue;
    const isUpgrade = opps.type[o] === OPPORTUNITY_TYPE_IDS.upgrade;
    const { start, end } = journeyRange(journeys, j);
    for (let k = start; k < end; k++) {
      const touch = int32At(journeys.touch, k);
      if (touches.kind[touch] !== COMMUNITY) continue;
      const credit = float64At(credits, k);
      const type = int8At(touches.actionType, touch);
      sums.byActionType[type] = float64At(sums.byActionType, type) + credit;
      // Upgrade category: opportunities of type upgrade; renewals have churn_reduction (choice, spec 7).
      if (isUpgrade) sums.upgrade += credit;
      // spec 7: attributed CAR per position; a touch holding several milestones splits its credit over them.
      const bits = uint8At(journeys.positions, k);
      for (let p = 0; p < POSITION_NAMES.length; p++) {
        if (bits & (POSITION_BITS[p] as number)) {
          sums.byPosition[p] =
            float64At(sums.byPosition, p) + credit * float64At(split, bits * POSITION_NAMES.length + p);
        }
      }
    }
  }
  return sums;
}

interface Sourcing {
  sourced: number;
  upgradeSourced: number;
  byLinkType: Record<LinkType, number>;
  sourcedOpportunities: SourcedOpportunity[];
  linkedNotWon: LinkedNotWon[];
}

/**
 * Sourced CAR depends on the journeys and the referral window, never on the credits: it is kept per journeys object
 * (which belongs to one loaded dataset) and window, so a weight change does not recompute it. A WeakMap, so it goes
 * when the journeys do.
 */
const sourcingCache = new WeakMap<Journeys, Map<number, Sourcing>>();

function sourcingOf(
  data: Dataset,
  community: CommunityData,
  journeys: Journeys,
  windowDays: number,
  inScope: Uint8Array | null,
): Sourcing {
  // Scoped journeys are made per scope (engine/scope), so the journeys object also stands for its scope.
  let byWindow = sourcingCache.get(journeys);
  if (!byWindow) sourcingCache.set(journeys, (byWindow = new Map()));
  let sourcing = byWindow.get(windowDays);
  if (!sourcing) {
    byWindow.set(windowDays, (sourcing = computeSourcing(data, community, journeys, windowDays, inScope)));
  }
  return sourcing;
}

function computeSourcing(
  data: Dataset,
  community: CommunityData,
  journeys: Journeys,
  windowDays: number,
  inScope: Uint8Array | null,
): Sourcing {
  const opps = data.opportunities;
  const isUpgrade = (o: number): boolean => opps.type[o] === OPPORTUNITY_TYPE_IDS.upgrade;
  // spec 7, sourced: FT/OC community touches and links; each opportunity once, from its earliest action.
  // spec 9: which deal a link names is decided over all of them; it then counts when that deal is in scope, even
  // when its action happened before the period.
  const links = linkedOpportunities(data, community, windowDays).filter(
    (link) => inScope === null || inScope[link.opportunity] === 1,
  );
  // Lost journeys' FT/OC touches source nothing; a link to a lost or open opportunity is listed, not counted.
  const touchSources = touchSourcing(data, journeys, (o) => isWon(opps, o));
  const earliest = earliestSources([...touchSources, ...links]);
  const sourcedOpportunities: SourcedOpportunity[] = [];
  const linkedNotWon: LinkedNotWon[] = [];
  let sourced = 0;
  let upgradeSourced = 0;
  for (const [o, link] of earliest) {
    const entry = { opportunityId: stringAt(opps, 'id', o) as string, amount: float64At(opps.amount, o) };
    const rest = { source: link.source, actionId: link.action, at: link.at };
    if (isWon(opps, o)) {
      sourced += entry.amount;
      if (isUpgrade(o)) upgradeSourced += entry.amount;
      sourcedOpportunities.push({ ...entry, ...rest });
    } else {
      linkedNotWon.push({ ...entry, stage: opps.stage[o] === STAGE_IDS.lost ? 'lost' : 'open', ...rest });
    }
  }
  sourcedOpportunities.sort((a, b) => byId(a.opportunityId, b.opportunityId));
  linkedNotWon.sort((a, b) => byId(a.opportunityId, b.opportunityId));

  // Link categories: a won opportunity counts once in each link type that names it (categories overlap, spec 7).
  const linkSourced = (type: LinkType): number => {
    const named = new Set(
      links.filter((l) => l.source === type && isWon(opps, l.opportunity)).map((l) => l.opportunity),
    );
    let sum = 0;
    for (const o of named) sum += float64At(opps.amount, o);
    return sum;
  };

  return {
    sourced,
    upgradeSourced,
    byLinkType: {
      internal_referral: linkSourced('internal_referral'),
      external_referral: linkSourced('external_referral'),
      job_move: linkSourced('job_move'),
    },
    sourcedOpportunities,
    linkedNotWon,
  };
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The memo keys of the two CAR parts that depend on the data and one option only (churn bootstrap, roadmap). */
export const roadmapMemoKey = (roadmapShare: number): string => `car:roadmap:${roadmapShare}`;
export const churnMemoKey = (seed: number): string => `car:churn:${seed}`;
