import type { CarView, RoadmapView } from '../../../shared/modelApi';
import type { CarResult, RoadmapCar } from '../../../shared/results';

/** Roadmap opportunities the Model tab lists, largest first; the rest are counted. */
export const ROADMAP_ROWS = 100;
/** Requesting members named per opportunity; the rest are counted. */
export const ROADMAP_MEMBERS = 12;

/**
 * CAR as the Model tab shows it: every total and category, with the long lists cut to what a screen can show
 * (STYLE: large results go as aggregates or pages). At a million touches the full lists are megabytes per slider
 * move; the CLI's `car --json` and the exports keep them whole.
 */
export function carView(car: CarResult): CarView {
  const { sourcedOpportunities, linkedNotWon, byCategory, ...totals } = car;
  return {
    ...totals,
    byCategory: { ...byCategory, roadmap: roadmapView(byCategory.roadmap) },
    sourcedCount: sourcedOpportunities.length,
    linkedNotWonCount: linkedNotWon.length,
  };
}

/** Kept per roadmap result: the roadmap is memoised per data and scope (weights never change it), so is its view. */
const roadmapViews = new WeakMap<RoadmapCar, RoadmapView>();

function roadmapView(roadmap: RoadmapCar): RoadmapView {
  let view = roadmapViews.get(roadmap);
  if (!view) roadmapViews.set(roadmap, (view = cutRoadmap(roadmap)));
  return view;
}

function cutRoadmap(roadmap: RoadmapCar): RoadmapView {
  const largest = [...roadmap.opportunities]
    .sort((a, b) => b.amount - a.amount || (a.opportunityId < b.opportunityId ? -1 : 1))
    .slice(0, ROADMAP_ROWS);
  return {
    attributed: roadmap.attributed,
    influenced: roadmap.influenced,
    opportunityCount: roadmap.opportunities.length,
    memberCount: roadmap.byMember.length,
    opportunities: largest.map(({ members, ...rest }) => ({
      ...rest,
      members: members.slice(0, ROADMAP_MEMBERS),
      otherMembers: Math.max(0, members.length - ROADMAP_MEMBERS),
    })),
  };
}
