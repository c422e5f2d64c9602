import { describe, expect, it } from 'vitest';
import type { CarResult, RoadmapOpportunity } from '../../../shared/results';
import { carView, ROADMAP_MEMBERS, ROADMAP_ROWS } from './carView';

function car(opportunities: RoadmapOpportunity[]): CarResult {
  const empty = { attributed: 0, sourced: 0 };
  return {
    attributed: 10,
    influenced: 20,
    sourced: 5,
    byCategory: {
      internal_referral: empty,
      external_referral: empty,
      job_move: empty,
      upgrade: { attributed: 0, influenced: 0, sourced: 0 },
      roadmap: {
        attributed: 1,
        influenced: 2,
        opportunities,
        byMember: [
          { memberId: 'M1', attributed: 0.5 },
          { memberId: 'M2', attributed: 0.5 },
        ],
      },
      churn_reduction: null as unknown as CarResult['byCategory']['churn_reduction'],
      engagement: { attributed: 0 },
    },
    communityTouchesPerWonDeal: 1,
    attributedByPosition: { FT: 0, LC: 0, OC: 0, CW: 0, MID: 0 },
    sourcedOpportunities: [{ opportunityId: 'O1', amount: 5, source: 'first_touch', actionId: 'A1', at: 0 }],
    linkedNotWon: [],
  };
}

describe('CAR as the Model tab shows it', () => {
  it('lists the largest roadmap opportunities and counts the rest, keeping every total', () => {
    const opportunities = Array.from({ length: ROADMAP_ROWS + 5 }, (_, i) => ({
      opportunityId: `O${String(i).padStart(3, '0')}`,
      amount: i % 7,
      features: ['F1'],
      members: Array.from({ length: i % 20 }, (_, m) => `M${m}`),
    }));
    const view = carView(car(opportunities));
    const roadmap = view.byCategory.roadmap;
    expect(roadmap.opportunityCount).toBe(ROADMAP_ROWS + 5);
    expect(roadmap.memberCount).toBe(2);
    expect(roadmap.opportunities).toHaveLength(ROADMAP_ROWS);
    const amounts = roadmap.opportunities.map((row) => row.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    // Nothing left out is larger than what is listed.
    expect(Math.min(...amounts)).toBeGreaterThanOrEqual(0);
    expect(roadmap.opportunities.filter((row) => row.amount === 6)).toHaveLength(15);
    for (const row of roadmap.opportunities) {
      const whole = opportunities.find((o) => o.opportunityId === row.opportunityId);
      expect(row.members).toEqual(whole?.members.slice(0, ROADMAP_MEMBERS));
      expect(row.members.length + row.otherMembers).toBe(whole?.members.length);
    }
    expect(view).toMatchObject({ attributed: 10, influenced: 20, sourced: 5, sourcedCount: 1, linkedNotWonCount: 0 });
    expect(view).not.toHaveProperty('sourcedOpportunities');
  });
});
