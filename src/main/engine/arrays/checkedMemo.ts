import { z } from 'zod';
import type { ChurnReduction, RoadmapCar } from '../../../shared/results';
import type { MemoEntries } from './engineFile';

const isRoadmapKey = (key: string): boolean => /^car:roadmap:/.test(key);

/**
 * The memoised results a snapshot may carry (engine/models/car.ts: roadmap and churn), each checked against its shape;
 * an entry of another name or shape is dropped and computed again when needed. The roadmap comes in the form
 * packedMemo gave it, and is given back whole.
 */
export function checkedMemo(memo: unknown): MemoEntries {
  if (typeof memo !== 'object' || memo === null || Array.isArray(memo)) return {};
  const kept: MemoEntries = {};
  for (const [key, entry] of Object.entries(memo)) {
    let value: unknown;
    if (isRoadmapKey(key)) {
      const parsed = packedRoadmapSchema.safeParse(entry);
      value = parsed.success ? unpackRoadmap(parsed.data) : undefined;
    } else if (/^car:churn:/.test(key)) {
      const parsed = churnSchema.safeParse(entry);
      value = parsed.success ? parsed.data : undefined;
    }
    if (value !== undefined) Object.defineProperty(kept, key, { value, enumerable: true });
  }
  return kept;
}

/**
 * The memo as a snapshot keeps it. The roadmap lists each set of requesting members once, and each opportunity points
 * to its set: the result shares one list among the deals of a set of features (models/car/roadmap.ts), and written
 * out deal by deal it passed V8's longest string at ten million touches (the memo was then dropped, after 18 s and
 * a gigabyte spent trying).
 */
export function packedMemo(memo: MemoEntries): MemoEntries {
  // Object.fromEntries defines its keys, so one named __proto__ stays an entry.
  return Object.fromEntries(
    Object.entries(memo).map(([key, entry]) => [key, isRoadmapKey(key) ? packRoadmap(entry as RoadmapCar) : entry]),
  );
}

type PackedRoadmap = Omit<RoadmapCar, 'opportunities'> & {
  memberLists: string[][];
  opportunities: { opportunityId: string; amount: number; features: string[]; members: number }[];
};

function packRoadmap(roadmap: RoadmapCar): PackedRoadmap {
  const listIndex = new Map<string[], number>();
  const memberLists: string[][] = [];
  const opportunities = roadmap.opportunities.map(({ members, ...opportunity }) => {
    let index = listIndex.get(members);
    if (index === undefined) {
      listIndex.set(members, (index = memberLists.length));
      memberLists.push(members);
    }
    return { ...opportunity, members: index };
  });
  return { ...roadmap, memberLists, opportunities };
}

/** The roadmap as roadmapCar made it, its fields in the same order, so its JSON reads the same as after a load. */
function unpackRoadmap({ attributed, influenced, memberLists, opportunities, byMember }: PackedRoadmap): RoadmapCar {
  return {
    attributed,
    influenced,
    opportunities: opportunities.map(({ opportunityId, amount, features, members }) => ({
      opportunityId,
      amount,
      features,
      members: memberLists[members] as string[],
    })),
    byMember,
  };
}

const groupSchema = z.object({
  renewals: z.number(),
  won: z.number(),
  amount: z.number(),
  wonAmount: z.number(),
  retention: z.number(),
  empty: z.boolean(),
});
const comparisonShape = {
  retained: z.number(),
  interval: z.tuple([z.number(), z.number()]),
  engaged: groupSchema,
  other: groupSchema,
  resamples: z.number(),
  note: z.string().nullable(),
};
const churnSchema: z.ZodType<ChurnReduction> = z.object({
  ...comparisonShape,
  caveat: z.string(),
  bySegment: z.array(z.object({ ...comparisonShape, segment: z.string().nullable() })),
});
const packedRoadmapSchema: z.ZodType<PackedRoadmap> = z
  .object({
    attributed: z.number(),
    influenced: z.number(),
    memberLists: z.array(z.array(z.string())),
    opportunities: z.array(
      z.object({
        opportunityId: z.string(),
        amount: z.number(),
        features: z.array(z.string()),
        members: z.number().int().nonnegative(),
      }),
    ),
    byMember: z.array(z.object({ memberId: z.string(), attributed: z.number() })),
  })
  .refine(
    ({ memberLists, opportunities }) => opportunities.every(({ members }) => members < memberLists.length),
    'an opportunity points past the member lists',
  );
