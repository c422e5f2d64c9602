import { WeightedChoice, type Random } from './random';

/** The demo covers two calendar years and never depends on today's date. */
export const DAY = 86_400_000;
export const DEMO_START = Date.UTC(2024, 0, 1);
export const DEMO_END = Date.UTC(2025, 11, 31, 23, 59, 59, 999);

/** Milestone dates come from CRM date-only fields, stored as the end of that day (spec attribution 1). */
export function endOfDay(time: number): number {
  return Math.floor(time / DAY) * DAY + DAY - 1;
}

export function wholeSecond(time: number): number {
  return Math.floor(time / 1000) * 1000;
}

export type Segment = 'SMB' | 'Mid-Market' | 'Enterprise';
export type OpportunityType = 'new_business' | 'upgrade' | 'renewal';
export type Stage = 'won' | 'lost' | 'open';
export type Sourcing = 'external_referral' | 'job_move' | 'internal_referral';

interface SegmentProfile {
  employees: readonly [number, number];
  contacts: readonly [number, number];
  members: readonly [number, number];
  cycleDays: readonly [number, number];
  medianAmount: number;
  engagedRate: number;
  touchFactor: number;
}

const SEGMENTS: Record<Segment, SegmentProfile> = {
  SMB: {
    employees: [10, 199],
    contacts: [2, 4],
    members: [1, 2],
    cycleDays: [14, 60],
    medianAmount: 9_000,
    engagedRate: 0.28,
    touchFactor: 0.7,
  },
  'Mid-Market': {
    employees: [200, 1_999],
    contacts: [3, 6],
    members: [1, 3],
    cycleDays: [30, 120],
    medianAmount: 38_000,
    engagedRate: 0.32,
    touchFactor: 1,
  },
  Enterprise: {
    employees: [2_000, 60_000],
    contacts: [4, 8],
    members: [2, 5],
    cycleDays: [60, 200],
    medianAmount: 150_000,
    engagedRate: 0.38,
    touchFactor: 1.6,
  },
};

const SEGMENT_CHOICE = new WeightedChoice<Segment>([
  ['SMB', 55],
  ['Mid-Market', 30],
  ['Enterprise', 15],
]);

const NEW_BUSINESS_RAW = new WeightedChoice([
  ['New Business', 85],
  ['New Customer', 15],
]);
const UPGRADE_RAW = new WeightedChoice([
  ['Existing Customer - Upgrade', 60],
  ['Expansion', 20],
  ['Add-on', 10],
  ['Cross-sell', 10],
]);
const OPEN_STAGE_RAW = new WeightedChoice([
  ['Prospecting', 2],
  ['Qualification', 3],
  ['Discovery', 3],
  ['Proposal', 3],
  ['Negotiation', 2],
]);
const CLOSED_STAGE_RAW = { won: 'Closed Won', lost: 'Closed Lost' } as const;

export interface OpportunityPlan {
  type: OpportunityType;
  typeRaw: string;
  stage: Stage;
  stageRaw: string;
  amount: number;
  createdAt: number;
  closedAt: number | null;
}

export interface AccountPlan {
  segment: Segment;
  employees: number;
  contactCount: number;
  /** Members of the account's own staff in the community; 0 for accounts that are not community-engaged. */
  memberCount: number;
  firstTouchAt: number;
  /** Lead creation of the account's first contact; null when no contact ever became a lead. */
  leadCreatedAt: number | null;
  /** End of the account's marketing journey: the last close, churn, or the end of the demo. */
  activeUntil: number;
  /** End of its members' community activity: churn, or the end of the demo. */
  communityUntil: number;
  /** New business first, then by creation. */
  opportunities: OpportunityPlan[];
  sourcing: Sourcing | null;
  marketingWeight: number;
  communityWeight: number;
}

function roundAmount(amount: number, step: number): number {
  return Math.max(step * 5, Math.round(amount / step) * step);
}

function closedStage(random: Random, winRate: number): Stage {
  return random.chance(winRate) ? 'won' : 'lost';
}

function stageRaw(random: Random, stage: Stage): string {
  return stage === 'open' ? OPEN_STAGE_RAW.draw(random) : CLOSED_STAGE_RAW[stage];
}

function planNewBusiness(random: Random, profile: SegmentProfile, engaged: boolean): OpportunityPlan {
  const outcome = random.next();
  const stage: Stage = outcome < (engaged ? 0.4 : 0.33) ? 'won' : outcome < 0.8 ? 'lost' : 'open';
  const cycle = random.int(profile.cycleDays[0], profile.cycleDays[1]) * DAY;
  let createdAt: number;
  let closedAt: number | null = null;
  if (stage === 'open') {
    // Open pipeline is younger than a sales cycle and a half, so it spreads over the last months, not the last weeks.
    createdAt = wholeSecond(DEMO_END - random.float(2 * DAY, Math.min(1.5 * cycle + 30 * DAY, 200 * DAY)));
  } else {
    createdAt = wholeSecond(random.float(DEMO_START + 45 * DAY, DEMO_END - cycle - DAY));
    closedAt = endOfDay(createdAt + cycle);
  }
  return {
    type: 'new_business',
    typeRaw: NEW_BUSINESS_RAW.draw(random),
    stage,
    stageRaw: stageRaw(random, stage),
    amount: roundAmount(random.lognormal(profile.medianAmount, 0.55), 100),
    createdAt,
    closedAt,
  };
}

/** Upgrades and the yearly renewal of a won account; returns when the account stops being active (churn). */
function planCustomer(
  random: Random,
  segment: Segment,
  newBusiness: OpportunityPlan & { closedAt: number },
  engaged: boolean,
  into: OpportunityPlan[],
): number {
  // spec 7 churn_reduction: engaged accounts renew more often, so the comparison shows an effect to measure.
  const renewalClosedAt = newBusiness.closedAt + 365 * DAY;
  const renewalCreatedAt = wholeSecond(renewalClosedAt - random.float(45, 90) * DAY);
  let renewal: OpportunityPlan | null = null;
  if (renewalCreatedAt < DEMO_END - DAY) {
    const stage = renewalClosedAt > DEMO_END ? 'open' : closedStage(random, engaged ? 0.93 : 0.68);
    renewal = {
      type: 'renewal',
      typeRaw: 'Renewal',
      stage,
      stageRaw: stage === 'open' ? random.pick(['Negotiation', 'Contract Sent']) : CLOSED_STAGE_RAW[stage],
      amount: 0,
      createdAt: renewalCreatedAt,
      closedAt: stage === 'open' ? null : renewalClosedAt,
    };
  }
  const churned = renewal?.stage === 'lost';
  let upgrades = random.chance(engaged ? 0.55 : 0.22) ? 1 : 0;
  if (upgrades && segment === 'Enterprise' && random.chance(0.35)) upgrades = 2;
  let from = newBusiness.closedAt;
  let contractValue = newBusiness.amount;
  for (let i = 0; i < upgrades; i++) {
    const createdAt = wholeSecond(from + random.float(40, 300) * DAY);
    const closedAt = endOfDay(createdAt + random.int(10, 60) * DAY);
    if (churned ? closedAt >= (renewal as OpportunityPlan).createdAt : createdAt > DEMO_END - 2 * DAY) break;
    const stage = closedAt > DEMO_END ? 'open' : closedStage(random, engaged ? 0.7 : 0.55);
    const amount = roundAmount(random.lognormal(newBusiness.amount * 0.3, 0.5), 50);
    const upgrade: OpportunityPlan = {
      type: 'upgrade',
      typeRaw: UPGRADE_RAW.draw(random),
      stage,
      stageRaw: stageRaw(random, stage),
      amount,
      createdAt,
      closedAt: stage === 'open' ? null : closedAt,
    };
    into.push(upgrade);
    if (stage === 'won' && renewal && closedAt < renewal.createdAt) contractValue += amount;
    if (stage === 'open') break;
    from = closedAt;
  }
  if (renewal) {
    renewal.amount = roundAmount(contractValue * random.float(1, 1.08), 50);
    into.push(renewal);
  }
  into.sort((a, b) => a.createdAt - b.createdAt);
  return churned
    ? Math.min(DEMO_END, (renewal as OpportunityPlan & { closedAt: number }).closedAt + 30 * DAY)
    : DEMO_END;
}

export function planAccount(random: Random): AccountPlan {
  const segment = SEGMENT_CHOICE.draw(random);
  const profile = SEGMENTS[segment];
  let engaged = random.chance(profile.engagedRate);
  const opportunities: OpportunityPlan[] = [];
  let sourcing: Sourcing | null = null;
  let firstTouchAt: number;
  let leadCreatedAt: number | null;
  let activeUntil: number;

  if (random.chance(0.85)) {
    const draw = random.next();
    sourcing = draw < 0.06 ? 'external_referral' : draw < 0.11 ? 'job_move' : null;
    if (!sourcing && engaged && draw < 0.24) sourcing = 'internal_referral';
    // The job mover becomes one of the account's people in the community.
    if (sourcing === 'job_move') engaged = true;
    const newBusiness = planNewBusiness(random, profile, engaged);
    // Drawn inside the demo's span rather than clamped to it, so no crowd of journeys starts on its first day.
    const leadFrom = Math.max(DEMO_START + DAY, newBusiness.createdAt - 120 * DAY);
    leadCreatedAt = wholeSecond(random.float(leadFrom, Math.max(leadFrom, newBusiness.createdAt - 5 * DAY)));
    firstTouchAt = wholeSecond(random.float(Math.max(DEMO_START, leadCreatedAt - 180 * DAY), leadCreatedAt));
    opportunities.push(newBusiness);
    activeUntil = newBusiness.closedAt ?? DEMO_END;
    if (newBusiness.stage === 'won') {
      const won = newBusiness as OpportunityPlan & { closedAt: number };
      activeUntil = planCustomer(random, segment, won, engaged, opportunities);
    }
  } else {
    firstTouchAt = wholeSecond(random.float(DEMO_START, DEMO_END - 60 * DAY));
    leadCreatedAt = random.chance(0.6) ? wholeSecond(firstTouchAt + random.float(0, 50) * DAY) : null;
    activeUntil = wholeSecond(Math.min(DEMO_END, (leadCreatedAt ?? firstTouchAt) + random.float(30, 240) * DAY));
  }

  const memberCount = engaged ? random.int(profile.members[0], profile.members[1]) : 0;
  const hasNewBusiness = opportunities.length > 0;
  const churned = opportunities.some((o) => o.type === 'renewal' && o.stage === 'lost');
  const communityUntil = churned ? activeUntil : DEMO_END;
  // Members act over the years they are around, so a long-engaged account has more actions than a new one.
  const communityYears = Math.max(0.1, (communityUntil - Math.max(DEMO_START, firstTouchAt - 120 * DAY)) / (365 * DAY));
  return {
    segment,
    employees: random.logInt(profile.employees[0], profile.employees[1]),
    contactCount: random.int(profile.contacts[0], profile.contacts[1]),
    memberCount,
    firstTouchAt,
    leadCreatedAt,
    activeUntil,
    communityUntil,
    opportunities,
    sourcing,
    marketingWeight:
      profile.touchFactor *
      (hasNewBusiness ? 1 : 0.3) *
      (1 + 0.35 * Math.max(0, opportunities.length - 1)) *
      random.lognormal(1, 0.35),
    communityWeight: memberCount * communityYears * random.lognormal(1, 0.5),
  };
}
