/**
 * A project shaped as many small journeys (issue 16): N accounts, each with one contact and one closed opportunity,
 * won or lost, and about five touches: marketing touchpoints from its contact, and for about a third of the accounts
 * a community member (the contact, by email) with a few actions. The demo generator's accounts have long journeys and
 * several deals each; this is the other end, where the per-opportunity work around a model dominates. Written through
 * the store's own statements (store/demoRows.ts) in one transaction, then the engine's snapshot is kept in the file
 * as the CLI's demo and import commands keep it.
 *
 *   npx tsx bench/smallJourneys.ts <project.sqlite> [--opportunities 1000000] [--seed 16]
 *
 * bench/cases/smallJourneys.ts builds one with writeSmallJourneysProject.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { Random, WeightedChoice } from '../src/main/demo/random';
import { DemoRowBuffer } from '../src/main/demo/rowBuffer';
import { keepEngineSnapshot } from '../src/main/engine/cache/keepSnapshot';
import { inOneTransaction } from '../src/main/store/database';
import { withRevisionTriggersSuspended } from '../src/main/store/dataRevision';
import { DemoRows } from '../src/main/store/demoRows';
import { resolveMemberIdentities } from '../src/main/store/memberIdentities';
import { createProject } from '../src/main/store/project';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
/** Deals are created over two years, and each closes within a quarter or so. */
const SPAN = 730 * DAY;
const WON_SHARE = 0.3;
/** Accounts whose contact is also a community member with a few actions. */
const COMMUNITY_SHARE = 0.35;

const CHANNELS = new WeightedChoice<
  readonly [channel: string, campaign: string | null, source: string, medium: string]
>([
  [['organic_search', null, 'google', 'organic'], 22],
  [['paid_search', 'Google Non-Brand Search', 'google', 'cpc'], 18],
  [['paid_social', 'LinkedIn Lead Gen', 'linkedin', 'paid_social'], 14],
  [['email', 'Nurture Track', 'hubspot', 'email'], 16],
  [['webinar', 'Webinar Series', 'zoom', 'webinar'], 8],
  [['content', 'State of Attribution Report', 'website', 'content'], 10],
  [['events', 'RevOps Summit Booth', 'revops-summit', 'event'], 5],
  [['direct', null, '(direct)', '(none)'], 5],
  [['review_site', 'G2 Profile', 'g2', 'referral'], 2],
]);
const ACTIONS = new WeightedChoice<string>([
  ['reply', 34],
  ['post', 22],
  ['reaction', 26],
  ['answer', 8],
  ['event_attended', 7],
  ['other', 3],
]);
const SEGMENTS = ['SMB', 'Mid-Market', 'Enterprise'] as const;
const PLATFORMS = ['Slack', 'Discourse', 'Circle'] as const;

export interface SmallJourneyStats {
  opportunities: number;
  won: number;
  touchpoints: number;
  communityActions: number;
}

const numbered = (prefix: string, n: number): string => `${prefix}-${String(n).padStart(7, '0')}`;
const wholeSecond = (time: number): number => Math.floor(time / 1000) * 1000;

/** Fills an empty, migrated project with `opportunities` one-account journeys; the same seed gives the same rows. */
export function writeSmallJourneys(db: Database.Database, opportunities: number, seed = 16): SmallJourneyStats {
  const random = new Random(seed);
  const tables = new DemoRows(db);
  const rows = new DemoRowBuffer((batch) => tables.write(batch));
  const stats: SmallJourneyStats = { opportunities, won: 0, touchpoints: 0, communityActions: 0 };
  inOneTransaction(db, () =>
    withRevisionTriggersSuspended(db, () => {
      for (let n = 1; n <= opportunities; n++) {
        const accountId = numbered('ACC', n);
        const domain = `company${n}.com`;
        rows.account({
          accountId,
          name: `Company ${n}`,
          domain,
          segment: random.pick(SEGMENTS),
          employees: random.logInt(5, 5000),
          custom: {},
        });
        const createdAt = wholeSecond(START + random.float(30 * DAY, SPAN));
        const firstTouchAt = wholeSecond(createdAt - random.float(5, 120) * DAY);
        const contactId = numbered('CON', n);
        const email = `buyer${n}@${domain}`;
        rows.contact({
          contactId,
          accountId,
          email,
          firstName: 'Alex',
          lastName: `Buyer ${n}`,
          title: 'Head of Operations',
          leadCreatedAt: wholeSecond(firstTouchAt + random.float(0, createdAt - firstTouchAt)),
        });
        const won = random.chance(WON_SHARE);
        if (won) stats.won++;
        rows.opportunity({
          opportunityId: numbered('OPP', n),
          accountId,
          name: `Company ${n} - New Business`,
          type: 'new_business',
          typeRaw: 'New Business',
          stage: won ? 'won' : 'lost',
          stageRaw: won ? 'Closed Won' : 'Closed Lost',
          amount: Math.round(random.lognormal(12_000, 0.8)),
          createdAt,
          closedAt: wholeSecond(createdAt + random.float(10, 100) * DAY),
          custom: {},
        });
        const touches = random.int(3, 5);
        for (let t = 0; t < touches; t++) {
          const [channel, campaign, source, medium] = CHANNELS.draw(random);
          rows.touchpoint({
            touchpointId: numbered('TP', ++stats.touchpoints),
            contactId,
            accountId: null,
            occurredAt: wholeSecond(random.float(firstTouchAt, createdAt)),
            channel,
            campaign,
            source,
            medium,
          });
        }
        if (!random.chance(COMMUNITY_SHARE)) continue;
        const memberId = numbered('MEM', n);
        const platform = random.pick(PLATFORMS);
        rows.member({
          memberId,
          email,
          name: `Alex Buyer ${n}`,
          platform,
          companyDomain: domain,
          joinedAt: firstTouchAt,
        });
        const actions = random.int(1, 4);
        for (let a = 0; a < actions; a++) {
          rows.action({
            actionId: numbered('ACT', ++stats.communityActions),
            memberId,
            occurredAt: wholeSecond(random.float(firstTouchAt, createdAt)),
            actionType: ACTIONS.draw(random),
            actionTypeRaw: null,
            channel: null,
            targetEmail: null,
            targetDomain: null,
            featureId: null,
            opportunityId: null,
          });
        }
      }
      rows.flush();
      // As an import leaves them: members resolved to their contact's account (data.md, identity resolution).
      resolveMemberIdentities(db);
    }),
  );
  return stats;
}

/** A new project at `path` filled by writeSmallJourneys, with the engine's snapshot kept in it. */
export function writeSmallJourneysProject(path: string, opportunities: number, seed?: number): SmallJourneyStats {
  const project = createProject(path, { name: 'Small journeys', currency: 'USD' });
  try {
    const stats = writeSmallJourneys(project.db, opportunities, seed);
    if (!keepEngineSnapshot(project.db)) throw new Error('the engine snapshot was not kept');
    return stats;
  } finally {
    project.close();
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { opportunities: { type: 'string' }, seed: { type: 'string' } },
  });
  const path = positionals[0];
  if (path === undefined) throw new Error('usage: tsx bench/smallJourneys.ts <project.sqlite> [--opportunities N]');
  const started = performance.now();
  const stats = writeSmallJourneysProject(
    resolve(path),
    Number(values.opportunities ?? 1_000_000),
    values.seed === undefined ? undefined : Number(values.seed),
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  process.stdout.write(`${JSON.stringify(stats)} in ${seconds} s\n`);
}
