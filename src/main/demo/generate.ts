import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { DATA_KINDS } from '../../shared/kinds';
import { inOneTransaction } from '../store/database';
import { withRevisionTriggersSuspended } from '../store/dataRevision';
import { registerCustomFields } from '../store/customFields';
import { DemoRows, firstTableWithRows } from '../store/demoRows';
import { resolveMemberIdentities } from '../store/memberIdentities';
import { writeAccount } from './account';
import { Apportioner } from './budget';
import { Community } from './community';
import { featureCount, writeFeatures } from './features';
import { CompanyNames } from './names';
import { planAccount, type AccountPlan } from './plan';
import { Random } from './random';
import { writeMarketingTouches } from './touches';
import { DEMO_CUSTOM_FIELDS, DemoWriter, type DemoStats } from './writer';

export type { DemoStats } from './writer';

export interface DemoOptions {
  /** About how many touches (marketing touchpoints plus community actions) to write. */
  scale?: number;
  seed?: number;
}

export const DEFAULT_DEMO_SCALE = 20_000;
const DEFAULT_SEED = 42;

/** Touches per account on average; the scale divided by it gives the number of accounts. */
const TOUCHES_PER_ACCOUNT = 16;
/** Marketing's part of the touches; the rest are community actions. */
const MARKETING_SHARE = 0.78;
/** The part of the community actions that is accounts' everyday engagement; the rest is sourcing and unresolved. */
const ACCOUNT_ENGAGEMENT_SHARE = 0.72;
const UNRESOLVED_MEMBERS_PER_ACCOUNT = 0.35;

function assertEmpty(db: Database.Database): void {
  const table = firstTableWithRows(db, DATA_KINDS);
  if (table !== null) {
    throw new TributaryError(
      'already_exists',
      `The project already holds ${table}; demo data goes into a new project.`,
    );
  }
}

/**
 * Fills an empty, migrated project with a deterministic B2B SaaS history over 2024-2025: accounts and their buying
 * committees, new-business, upgrade and renewal opportunities, marketing touches along each journey, and a community
 * whose actions exercise every CAR category. The same scale and seed always give the same rows. Touches total the
 * scale exactly unless the scale is tiny. Everything is written in one transaction, rows as they are made.
 */
export function generateDemo(db: Database.Database, options: DemoOptions = {}): DemoStats {
  const scale = options.scale ?? DEFAULT_DEMO_SCALE;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(scale) || scale < 1) {
    throw new TributaryError('bad_request', `The demo scale must be a positive whole number, not ${scale}.`);
  }
  if (!Number.isFinite(seed)) throw new TributaryError('bad_request', `The demo seed must be a number, not ${seed}.`);

  const random = new Random(seed);
  const accountCount = Math.max(3, Math.round(scale / TOUCHES_PER_ACCOUNT));
  // Planned up front, so touches can be shared out in proportion to each account's journey and add up exactly.
  const plans: AccountPlan[] = [];
  let marketingWeight = 0;
  let communityWeight = 0;
  for (let i = 0; i < accountCount; i++) {
    const plan = planAccount(random);
    plans.push(plan);
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

  const writer = new DemoWriter(new DemoRows(db));
  inOneTransaction(db, () => {
    assertEmpty(db);
    withRevisionTriggersSuspended(db, () => {
      const features = writeFeatures(random, writer, featureCount(accountCount));
      const community = new Community(random, writer, features);
      community.writeUnresolvedMembers(Math.round(accountCount * UNRESOLVED_MEMBERS_PER_ACCOUNT));
      const names = new CompanyNames(random);
      for (const plan of plans) {
        const account = writeAccount(random, writer, names.next(), plan);
        community.writeAccount(account, engagement.share(plan.communityWeight));
        writeMarketingTouches(random, writer, account, marketing.share(plan.marketingWeight));
      }
      // Unresolved members take what is left, so community actions meet their budget.
      community.writeUnresolvedActions(Math.max(0, communityBudget - writer.stats.communityActions));
      // Like an import, the demo leaves members resolved to contacts and accounts (data.md, identity resolution).
      resolveMemberIdentities(db);
      registerCustomFields(db, 'accounts', [DEMO_CUSTOM_FIELDS.accounts]);
      registerCustomFields(db, 'opportunities', [DEMO_CUSTOM_FIELDS.opportunities]);
    });
  });
  return { ...writer.stats };
}
