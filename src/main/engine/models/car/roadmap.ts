import type { RoadmapCar, RoadmapOpportunity } from '../../../../shared/results';
import type { CommunityData } from '../../arrays/communityData';
import { actionTypeId, isWon, type Dataset } from '../../arrays/dataset';
import { float64At } from '../../arrays/read';

const FEATURE_REQUEST = actionTypeId('feature_request');
const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * spec 7, roadmap: a won opportunity linked to a feature, closed after the feature's shipped_at (strictly), the
 * feature requested (a feature_request action naming it) by any member strictly before it shipped. With a scope
 * (spec 9), the in-scope won opportunities only.
 */
export function roadmapCar(
  data: Dataset,
  community: CommunityData,
  roadmapShare: number,
  inScope: Uint8Array | null = null,
): RoadmapCar {
  const requesters = new Map<string, Set<string>>();
  const { actions } = community;
  for (let i = 0; i < actions.count; i++) {
    const feature = actions.featureId[i];
    if (actions.actionType[i] !== FEATURE_REQUEST || feature === null || feature === undefined) continue;
    const shippedAt = community.featureShippedAt.get(feature);
    if (shippedAt === undefined || !(float64At(actions.occurredAt, i) < shippedAt)) continue;
    let members = requesters.get(feature);
    if (members === undefined) requesters.set(feature, (members = new Set()));
    members.add(actions.member[i] as string);
  }

  // Deals linked to the same features have the same requesters: their members are listed once per set of features
  // (and shared by the deals' rows), and the split among them is made once per set, on the set's amount. Per deal,
  // at ten million touches (42,000 deals, thousands of requesters each) this took 26 s.
  const opps = data.opportunities;
  const opportunities: RoadmapOpportunity[] = [];
  const groups = new Map<string, { members: string[]; amount: number }>();
  let influenced = 0;
  for (let o = 0; o < opps.count; o++) {
    if (!isWon(opps, o) || (inScope !== null && inScope[o] !== 1)) continue;
    const closedAt = float64At(opps.closedAt, o);
    const features: string[] = [];
    for (const feature of community.opportunityFeatures[o] ?? []) {
      if (!requesters.has(feature) || !(closedAt > (community.featureShippedAt.get(feature) as number))) continue;
      features.push(feature);
    }
    if (features.length === 0) continue;
    const key = features.join('\u0000');
    let group = groups.get(key);
    if (group === undefined) {
      const members = new Set<string>();
      for (const feature of features) for (const member of requesters.get(feature) ?? []) members.add(member);
      groups.set(key, (group = { members: [...members].sort(byId), amount: 0 }));
    }
    const amount = float64At(opps.amount, o);
    group.amount += amount;
    influenced += amount;
    opportunities.push({ opportunityId: opps.id[o] as string, amount, features, members: group.members });
  }
  const byMember = new Map<string, number>();
  for (const { members, amount } of groups.values()) {
    for (const member of members) {
      byMember.set(member, (byMember.get(member) ?? 0) + (roadmapShare * amount) / members.length);
    }
  }
  return {
    attributed: roadmapShare * influenced,
    influenced,
    opportunities,
    byMember: [...byMember.entries()]
      .sort(([a], [b]) => byId(a, b))
      .map(([memberId, attributed]) => ({ memberId, attributed })),
  };
}
