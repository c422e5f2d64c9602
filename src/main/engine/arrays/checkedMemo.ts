import { z } from 'zod';
import type { ChurnReduction, RoadmapCar } from '../../../shared/results';
import type { MemoEntries } from './engineFile';

/**
 * The memoised results a snapshot may carry (engine/models/car.ts: roadmap and churn), each checked against its shape;
 * an entry of another name or shape is dropped and computed again when needed.
 */
export function checkedMemo(memo: unknown): MemoEntries {
  if (typeof memo !== 'object' || memo === null || Array.isArray(memo)) return {};
  const kept: MemoEntries = {};
  for (const [key, entry] of Object.entries(memo)) {
    const schema = /^car:roadmap:/.test(key) ? roadmapSchema : /^car:churn:/.test(key) ? churnSchema : null;
    const parsed = schema?.safeParse(entry);
    if (parsed?.success) Object.defineProperty(kept, key, { value: parsed.data, enumerable: true });
  }
  return kept;
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
const roadmapSchema: z.ZodType<RoadmapCar> = z.object({
  attributed: z.number(),
  influenced: z.number(),
  opportunities: z.array(
    z.object({
      opportunityId: z.string(),
      amount: z.number(),
      features: z.array(z.string()),
      members: z.array(z.string()),
    }),
  ),
  byMember: z.array(z.object({ memberId: z.string(), attributed: z.number() })),
});
