import type { AccountContext } from './account';
import { Apportioner } from './budget';
import { ENGAGEMENT_ACTIONS, RAW_ACTION_NAMES } from './catalog';
import type { FeatureInfo } from './features';
import { firstActiveAt, writeAccountMember, writeFutureMover, writeUnresolvedMember, type Member } from './members';
import { DAY, DEMO_END, DEMO_START, wholeSecond, type Sourcing } from './plan';
import { WeightedChoice, type Random } from './random';
import type { ActionFields, DemoWriter } from './writer';

const ENGAGEMENT = new WeightedChoice(ENGAGEMENT_ACTIONS);

const SOURCING_RAW = {
  internal_referral: 'Referral - colleague',
  external_referral: 'Referral - other company',
  job_move: 'Job change',
  feature_request: 'Feature request',
} as const;

function rawActionName(platform: string, actionType: string): string {
  return RAW_ACTION_NAMES[platform]?.[actionType] ?? actionType;
}

/** When the action that sourced a new-business opportunity happened: within the referral window before it. */
function sourcingTime(random: Random, sourcing: Sourcing, createdAt: number): number {
  const daysBefore = random.float(sourcing === 'job_move' ? 14 : 5, 170);
  return wholeSecond(Math.max(DEMO_START, createdAt - daysBefore * DAY));
}

/**
 * Writes the community: members of accounts and unresolved ones, their everyday engagement, and the actions the
 * CAR categories look for (spec attribution 7): referrals and job moves shortly before a new-business opportunity,
 * colleague referrals before upgrades, feature requests before a feature ships and the deal that needed it closes,
 * and engagement in the year before an engaged account's renewal.
 */
export class Community {
  private readonly random: Random;
  private readonly writer: DemoWriter;
  private readonly features: FeatureInfo[];
  /** Members of accounts written so far, plus unresolved ones: who can refer a new account. */
  private readonly referrers: Member[] = [];
  /** Members of accounts written so far who are not their account's anchor: who can move to a new account. */
  private readonly movers: Member[] = [];
  private readonly unresolved: Member[] = [];

  constructor(random: Random, writer: DemoWriter, features: FeatureInfo[]) {
    this.random = random;
    this.writer = writer;
    this.features = features;
  }

  writeUnresolvedMembers(count: number): void {
    for (let i = 0; i < count; i++) {
      const joinedAt = wholeSecond(this.random.float(DEMO_START - 180 * DAY, DEMO_END - 14 * DAY));
      const member = writeUnresolvedMember(this.random, this.writer, joinedAt);
      this.unresolved.push(member);
      this.referrers.push(member);
    }
  }

  /** The unresolved members' activity: `count` actions, a few members doing most of it, many lurking. */
  writeUnresolvedActions(count: number): void {
    const weights = this.unresolved.map((m) => (m.activeUntil - firstActiveAt(m)) * this.random.lognormal(1, 1.2));
    let totalWeight = 0;
    for (const weight of weights) totalWeight += weight;
    const apportioner = new Apportioner(count, totalWeight, this.random.next());
    this.unresolved.forEach((member, i) => {
      const actions = apportioner.share(weights[i] as number);
      for (let k = 0; k < actions; k++) this.engage(member, firstActiveAt(member), member.activeUntil);
    });
  }

  /** Everything community-related for one account, with `engagementCount` everyday actions by its own members. */
  writeAccount(account: AccountContext, engagementCount: number): void {
    const { plan } = account;
    const random = this.random;
    const newBusiness = plan.opportunities[0];
    const activeUntil = plan.communityUntil;
    const sourcedAt = newBusiness && plan.sourcing ? sourcingTime(random, plan.sourcing, newBusiness.createdAt) : null;

    // The anchor (first member) is active before each renewal and makes any colleague referral, so it joins early.
    const latestJoin = Math.max(DEMO_START - 60 * DAY, activeUntil - 30 * DAY);
    let anchorLatestJoin = latestJoin;
    for (const renewal of plan.opportunities) {
      if (renewal.type === 'renewal' && renewal.closedAt !== null) {
        anchorLatestJoin = Math.min(anchorLatestJoin, renewal.closedAt - 60 * DAY);
      }
    }
    if (plan.sourcing === 'internal_referral' && sourcedAt !== null) {
      anchorLatestJoin = Math.min(anchorLatestJoin, sourcedAt - DAY);
    }
    const windowStart = plan.firstTouchAt - 120 * DAY;
    const members: Member[] = [];
    for (let k = 0; k < plan.memberCount; k++) {
      const latest = k === 0 ? anchorLatestJoin : latestJoin;
      const joinedAt = wholeSecond(random.float(Math.min(windowStart, latest - 60 * DAY), latest));
      members.push(writeAccountMember(random, this.writer, account, k, joinedAt, activeUntil));
    }

    if (newBusiness && sourcedAt !== null) this.writeSourcing(account, members, sourcedAt, activeUntil);
    this.writeRenewalEngagement(account, members);
    this.writeUpgradeReferrals(account, members);
    this.writeFeatureDemand(account, members);
    this.writeEngagement(members, engagementCount);

    members.forEach((member, k) => {
      this.referrers.push(member);
      if (k > 0) this.movers.push(member);
    });
  }

  private action(member: Member, fields: Omit<ActionFields, 'memberId' | 'actionTypeRaw'>): void {
    const actionTypeRaw =
      fields.actionType in SOURCING_RAW
        ? SOURCING_RAW[fields.actionType as keyof typeof SOURCING_RAW]
        : rawActionName(member.platform, fields.actionType);
    if (fields.actionType === 'internal_referral' || fields.actionType === 'feature_request') {
      member.tiedUntil = Math.max(member.tiedUntil, fields.occurredAt);
    }
    this.writer.action({ ...fields, memberId: member.id, actionTypeRaw });
  }

  /** One everyday action at a random moment in [start, end]. */
  private engage(member: Member, start: number, end: number): void {
    const random = this.random;
    const occurredAt = wholeSecond(random.float(start, Math.max(start, end)));
    const actionType = ENGAGEMENT.draw(random);
    // A few everyday posts are requests for something still on the roadmap.
    if (random.chance(0.03)) {
      const feature = random.pick(this.features);
      if (feature.shippedAt === null || feature.shippedAt > occurredAt) {
        this.action(member, { occurredAt, actionType: 'feature_request', featureId: feature.id });
        return;
      }
    }
    let channel: string | null = null;
    if (actionType === 'event_attended' && random.chance(0.3)) channel = 'community:meetup';
    else if (random.chance(0.03)) channel = `community:${member.platform.toLowerCase()}`;
    this.action(member, { occurredAt, actionType, channel });
  }

  /**
   * A member of the pool free to act for another company at `before`: joined by then, and with no later action that
   * only makes sense at their own account. Null after a few misses.
   */
  private pickFrom(pool: Member[], before: number, remove: boolean): Member | null {
    for (let attempt = 0; attempt < 6 && pool.length > 0; attempt++) {
      const index = this.random.int(0, pool.length - 1);
      const member = pool[index] as Member;
      if (member.tiedUntil > before - DAY) continue;
      if (remove) {
        pool[index] = pool[pool.length - 1] as Member;
        pool.pop();
      }
      return member;
    }
    return null;
  }

  /** spec 7 sourcing links: the action lands within the referral window before the new-business opportunity. */
  private writeSourcing(account: AccountContext, members: Member[], at: number, activeUntil: number): void {
    const { plan, contacts } = account;
    const random = this.random;
    const opportunityId = random.chance(0.25) ? (account.opportunityIds[0] ?? null) : null;
    if (plan.sourcing === 'internal_referral') {
      const anchor = members[0];
      if (!anchor) return;
      const anchorEmail = anchor.email?.toLowerCase();
      const colleague = contacts.find((contact) => contact.email !== anchorEmail) ?? contacts[0];
      this.action(anchor, {
        occurredAt: at,
        actionType: 'internal_referral',
        targetEmail: colleague?.email ?? null,
        opportunityId,
      });
    } else if (plan.sourcing === 'external_referral') {
      let referrer = this.pickFrom(this.referrers, at, false);
      if (!referrer) {
        referrer = writeUnresolvedMember(random, this.writer, wholeSecond(at - random.float(30, 400) * DAY));
        this.unresolved.push(referrer);
        this.referrers.push(referrer);
      }
      const byEmail = random.chance(0.6);
      this.action(referrer, {
        occurredAt: at,
        actionType: 'external_referral',
        targetEmail: byEmail ? (contacts[0]?.email ?? null) : null,
        targetDomain: byEmail ? null : account.domain,
        opportunityId,
      });
    } else if (plan.sourcing === 'job_move') {
      let mover = this.pickFrom(this.movers, at, true);
      if (!mover) {
        mover = writeFutureMover(random, this.writer, at);
        const before = random.int(0, 2);
        for (let k = 0; k < before; k++) this.engage(mover, firstActiveAt(mover), at - DAY);
      }
      this.action(mover, { occurredAt: at, actionType: 'job_move', targetDomain: account.domain });
      const after = random.int(1, 4);
      for (let k = 0; k < after; k++) this.engage(mover, at + 3_600_000, activeUntil);
    }
  }

  /** spec 7 churn_reduction: an engaged account's member acts within the year before each renewal closes. */
  private writeRenewalEngagement(account: AccountContext, members: Member[]): void {
    const anchor = members[0];
    if (!anchor) return;
    for (const renewal of account.plan.opportunities) {
      if (renewal.type !== 'renewal' || renewal.closedAt === null) continue;
      const start = Math.max(firstActiveAt(anchor), renewal.closedAt - 330 * DAY);
      const end = renewal.closedAt - 2 * DAY;
      if (end > start) this.engage(anchor, start, end);
    }
  }

  /** A member refers a colleague in another function shortly before an upgrade opens. */
  private writeUpgradeReferrals(account: AccountContext, members: Member[]): void {
    const { plan, contacts } = account;
    const random = this.random;
    plan.opportunities.forEach((upgrade, j) => {
      if (upgrade.type !== 'upgrade' || !random.chance(0.3)) return;
      const at = wholeSecond(upgrade.createdAt - random.float(3, 90) * DAY);
      const member = members.find((m) => m.joinedAt <= at - DAY);
      if (!member) return;
      // Name the upgrade when another opportunity opens in between and would otherwise be taken as the referred one.
      const ambiguous = plan.opportunities.some(
        (o, i) => i !== j && o.createdAt >= at && o.createdAt <= upgrade.createdAt,
      );
      const memberEmail = member.email?.toLowerCase();
      const colleagues = contacts.filter((c) => c.email !== memberEmail);
      const colleague = random.pick(colleagues.length > 0 ? colleagues : contacts);
      this.action(member, {
        occurredAt: at,
        actionType: 'internal_referral',
        targetEmail: colleague.email,
        opportunityId: ambiguous || random.chance(0.4) ? (account.opportunityIds[j] ?? null) : null,
      });
    });
  }

  /**
   * spec 7 roadmap: some won deals needed a feature one of the account's members asked for before it shipped, and
   * closed after it did; other deals list a feature nobody asked for, and some ask for what never shipped.
   */
  private writeFeatureDemand(account: AccountContext, members: Member[]): void {
    const random = this.random;
    const linked = new Set<string>();
    const link = (opportunityId: string, featureId: string): void => {
      if (linked.has(featureId + opportunityId)) return;
      linked.add(featureId + opportunityId);
      this.writer.opportunityFeature(opportunityId, featureId);
    };
    account.plan.opportunities.forEach((opportunity, i) => {
      const opportunityId = account.opportunityIds[i] as string;
      const closedAt = opportunity.closedAt;
      if (opportunity.stage === 'won' && closedAt !== null && members.length > 0 && random.chance(0.35)) {
        const candidates = this.features.filter(
          (f) =>
            f.shippedAt !== null &&
            f.shippedAt < closedAt - DAY &&
            f.shippedAt > closedAt - 300 * DAY &&
            members.some((m) => firstActiveAt(m) < (f.shippedAt as number) - 10 * DAY),
        );
        if (candidates.length > 0) {
          const feature = random.pick(candidates);
          const shippedAt = feature.shippedAt as number;
          const member = members.find((m) => firstActiveAt(m) < shippedAt - 10 * DAY) as Member;
          const start = Math.max(firstActiveAt(member), shippedAt - 240 * DAY);
          const occurredAt = wholeSecond(random.float(start, shippedAt - DAY));
          this.action(member, { occurredAt, actionType: 'feature_request', featureId: feature.id });
          link(opportunityId, feature.id);
        }
      }
      if (opportunity.type !== 'renewal' && random.chance(0.08)) link(opportunityId, random.pick(this.features).id);
    });
  }

  /** The account's everyday activity, spread unevenly over its members. */
  private writeEngagement(members: Member[], count: number): void {
    if (members.length === 0) return;
    const random = this.random;
    const weights = members.map(
      (m, k) => (m.activeUntil - firstActiveAt(m) + DAY) * random.lognormal(1, 0.8) * (k === 0 ? 1.5 : 1),
    );
    let totalWeight = 0;
    for (const weight of weights) totalWeight += weight;
    for (let n = 0; n < count; n++) {
      let target = random.next() * totalWeight;
      let chosen = members[members.length - 1] as Member;
      for (let k = 0; k < members.length; k++) {
        target -= weights[k] as number;
        if (target < 0) {
          chosen = members[k] as Member;
          break;
        }
      }
      this.engage(chosen, firstActiveAt(chosen), chosen.activeUntil);
    }
  }
}
