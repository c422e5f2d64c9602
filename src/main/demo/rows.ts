import type { DemoBatch } from '../store/demoRows';
import { writeAccount } from './account';
import { Apportioner } from './budget';
import { Community } from './community';
import { featureCount, writeFeatures } from './features';
import { CompanyNames } from './names';
import { planAccount } from './plan';
import { Random } from './random';
import { DemoRowBuffer } from './rowBuffer';
import { writeMarketingTouches } from './touches';
import { DemoWriter, type DemoStats } from './writer';

/** Touches per account on average; the scale divided by it gives the number of accounts. */
const TOUCHES_PER_ACCOUNT = 16;
/** Marketing's part of the touches; the rest are community actions. */
const MARKETING_SHARE = 0.78;
/** The part of the community actions that is accounts' everyday engagement; the rest is sourcing and unresolved. */
const ACCOUNT_ENGAGEMENT_SHARE = 0.72;
const UNRESOLVED_MEMBERS_PER_ACCOUNT = 0.35;

export interface DemoRowsOptions {
  scale: number;
  seed: number;
}

/**
 * Makes the demo's rows, deterministic for a scale and seed, and hands them on in batches, each table's rows in the
 * order they were made: pure of any database, so it runs the same in the writing thread or in a worker beside it.
 */
export function generateDemoRows({ scale, seed }: DemoRowsOptions, onBatch: (batch: DemoBatch) => void): DemoStats {
  const random = new Random(seed);
  const accountCount = Math.max(3, Math.round(scale / TOUCHES_PER_ACCOUNT));
  // Planned up front, so touches can be shared out in proportion to each account's journey and add up exactly; the
  // plans are drawn again, from a copy of the generator as it was, when each account is written, rather than held
  // all along (issue 16: they were most of the memory the generator kept at 10M touches).
  const replay = random.clone();
  let marketingWeight = 0;
  let communityWeight = 0;
  for (let i = 0; i < accountCount; i++) {
    const plan = planAccount(random);
    marketingWeight += plan.marketingWeight;
    communityWeight += plan.communityWeight;
  }
  const marketingBudget = Math.round(scale * MARKETING_SHARE);
  const communityBudget = scale - marketingBudget;
  const marketing = new Apportioner(marketingBudget, marketingWeight, random.next());
  const engagement = new Apportioner(
    Math.round(communityBudget * ACCOUNT_ENGAGEMENT_SHARE),
    communityWeight,
    random.next(),
  );

  const rows = new DemoRowBuffer(onBatch);
  const writer = new DemoWriter(rows);
  const features = writeFeatures(random, writer, featureCount(accountCount));
  const community = new Community(random, writer, features);
  community.writeUnresolvedMembers(Math.round(accountCount * UNRESOLVED_MEMBERS_PER_ACCOUNT));
  const names = new CompanyNames(random);
  for (let i = 0; i < accountCount; i++) {
    const plan = planAccount(replay);
    const account = writeAccount(random, writer, names.next(), plan);
    community.writeAccount(account, engagement.share(plan.communityWeight));
    writeMarketingTouches(random, writer, account, marketing.share(plan.marketingWeight));
  }
  // Unresolved members take what is left, so community actions meet their budget.
  community.writeUnresolvedActions(Math.max(0, communityBudget - writer.stats.communityActions));
  rows.flush();
  return { ...writer.stats };
}
