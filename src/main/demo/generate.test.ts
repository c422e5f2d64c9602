import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCustomFields } from '../store/customFields';
import { createProject, type Project } from '../store/project';
import { DEFAULT_DEMO_SCALE, generateDemo, type DemoStats } from './generate';

const DAY = 86_400_000;
const START = Date.UTC(2024, 0, 1);
const END = Date.UTC(2025, 11, 31, 23, 59, 59, 999);
const FREE_MAIL = ['gmail.com', 'outlook.com', 'yahoo.com', 'hotmail.com', 'proton.me'];

const TABLE_KEYS = {
  accounts: 'account_id',
  contacts: 'contact_id',
  opportunities: 'opportunity_id',
  touchpoints: 'touchpoint_id',
  community_members: 'member_id',
  community_actions: 'action_id',
  features: 'feature_id',
  opportunity_features: 'opportunity_id, feature_id',
} as const;

/** contentHash of the demo at scale 3,000, seed 7, as the generator wrote it before issue 16's rework. */
const PINNED_3000_SEED_7 = '4e74b8bf83784e32eba845549e8f25fd82c3a191f3c94fe8718aeec3a8f2955f';

const opened: Project[] = [];
const dirs: string[] = [];

function newProject(): Project {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-demo-'));
  dirs.push(dir);
  const project = createProject(join(dir, 'demo.tributary'), { name: 'Demo', currency: 'USD' });
  opened.push(project);
  return project;
}

afterAll(() => {
  for (const project of opened) project.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function contentHash(db: Database.Database): string {
  const hash = createHash('sha256');
  for (const [table, key] of Object.entries(TABLE_KEYS)) {
    hash.update(table);
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).iterate()) hash.update(JSON.stringify(row));
  }
  return hash.digest('hex');
}

function count(db: Database.Database, sql: string, ...params: unknown[]): number {
  return (
    (db
      .prepare(sql)
      .pluck()
      .get(...params) as number | null) ?? 0
  );
}

function totalTouches(stats: DemoStats): number {
  return stats.touchpoints + stats.communityActions;
}

/**
 * Resolves members as spec data.md says (a contact by email, case-insensitive; else an account by company_domain or
 * by the email's domain), into temp tables `resolved` and `member_account` of this connection.
 */
function resolveMembers(db: Database.Database): void {
  db.exec(`
    CREATE TEMP TABLE contact_email AS SELECT lower(email) AS email, account_id FROM contacts;
    CREATE INDEX temp.contact_email_email ON contact_email (email);
    CREATE TEMP TABLE resolved AS
      SELECT m.member_id, m.email, m.company_domain,
        (SELECT c.account_id FROM contact_email c WHERE c.email = lower(trim(m.email)) LIMIT 1) AS by_email,
        coalesce(
          (SELECT a.account_id FROM accounts a WHERE a.domain = lower(m.company_domain) LIMIT 1),
          (SELECT a.account_id FROM accounts a WHERE a.domain = lower(substr(m.email, instr(m.email, '@') + 1)) LIMIT 1)
        ) AS by_domain
      FROM community_members m;
    CREATE TEMP TABLE member_account AS
      SELECT member_id, coalesce(by_email, by_domain) AS account_id FROM resolved;
    CREATE INDEX temp.member_account_member ON member_account (member_id);
    CREATE INDEX temp.member_account_account ON member_account (account_id);
  `);
}

describe('generateDemo determinism', () => {
  it('writes identical rows for the same seed and different rows for another seed', () => {
    const first = newProject();
    const second = newProject();
    const other = newProject();
    const statsFirst = generateDemo(first.db, { scale: 3_000, seed: 7 });
    const statsSecond = generateDemo(second.db, { scale: 3_000, seed: 7 });
    generateDemo(other.db, { scale: 3_000, seed: 8 });
    expect(statsSecond).toEqual(statsFirst);
    expect(contentHash(second.db)).toBe(contentHash(first.db));
    expect(contentHash(other.db)).not.toBe(contentHash(first.db));
  });

  it('makes the same rows in a worker as in the writing thread', { timeout: 60_000 }, () => {
    const here = newProject();
    const worker = newProject();
    const statsHere = generateDemo(here.db, { scale: 20_000, seed: 9, worker: false });
    const statsWorker = generateDemo(worker.db, { scale: 20_000, seed: 9, worker: true });
    expect(statsWorker).toEqual(statsHere);
    expect(contentHash(worker.db)).toBe(contentHash(here.db));
    const resolved = 'SELECT * FROM member_identities ORDER BY rowid';
    expect(worker.db.prepare(resolved).all()).toEqual(here.db.prepare(resolved).all());
  });

  it('still writes the rows it wrote before it was made faster (issue 16)', () => {
    // Pinned from the generator before the bulk-load rework; both ways of making the rows must give them.
    const { db } = newProject();
    generateDemo(db, { scale: 3_000, seed: 7 });
    expect(contentHash(db)).toBe(PINNED_3000_SEED_7);
  });

  it('refuses a project that already holds data, leaving it as it was', () => {
    const project = newProject();
    generateDemo(project.db, { scale: 500 });
    const before = contentHash(project.db);
    expect(() => generateDemo(project.db, { scale: 500 })).toThrow(/already holds/);
    expect(contentHash(project.db)).toBe(before);
  });

  it('rejects a scale that is not a positive whole number', () => {
    expect(() => generateDemo(newProject().db, { scale: 0 })).toThrow(/positive whole number/);
    expect(() => generateDemo(newProject().db, { scale: 12.5 })).toThrow(/positive whole number/);
  });
});

describe('generateDemo scale', () => {
  it.each([2_000, 20_000])('writes about %i touches and reports the rows it wrote', (scale) => {
    const { db } = newProject();
    const stats = generateDemo(db, { scale });
    const touches = count(db, 'SELECT count(*) FROM touchpoints') + count(db, 'SELECT count(*) FROM community_actions');
    expect(touches).toBeGreaterThanOrEqual(scale * 0.9);
    expect(touches).toBeLessThanOrEqual(scale * 1.1);
    expect(totalTouches(stats)).toBe(touches);
    expect(stats.accounts).toBe(count(db, 'SELECT count(*) FROM accounts'));
    expect(stats.contacts).toBe(count(db, 'SELECT count(*) FROM contacts'));
    expect(stats.opportunities).toBe(count(db, 'SELECT count(*) FROM opportunities'));
    expect(stats.communityMembers).toBe(count(db, 'SELECT count(*) FROM community_members'));
    expect(stats.features).toBe(count(db, 'SELECT count(*) FROM features'));
    expect(stats.opportunityFeatures).toBe(count(db, 'SELECT count(*) FROM opportunity_features'));
    expect(stats.communityActions).toBeGreaterThan(scale * 0.1);
  });

  it('handles 200,000 touches with counts in proportion', () => {
    const { db } = newProject();
    const stats = generateDemo(db, { scale: 200_000, seed: 3 });
    expect(totalTouches(stats)).toBeGreaterThanOrEqual(180_000);
    expect(totalTouches(stats)).toBeLessThanOrEqual(220_000);
    expect(stats.accounts).toBeGreaterThan(8_000);
    expect(stats.accounts).toBeLessThan(20_000);
    expect(stats.contacts).toBeGreaterThanOrEqual(stats.accounts * 2);
    expect(stats.contacts).toBeLessThanOrEqual(stats.accounts * 8);
    expect(stats.opportunities).toBeGreaterThan(stats.accounts * 0.8);
    expect(count(db, 'SELECT count(*) FROM touchpoints')).toBe(stats.touchpoints);
    expect(count(db, 'SELECT count(DISTINCT domain) FROM accounts')).toBe(stats.accounts);
  });
});

describe('generateDemo data', () => {
  let db: Database.Database;
  let stats: DemoStats;

  beforeAll(() => {
    db = newProject().db;
    stats = generateDemo(db);
    resolveMembers(db);
  });

  it('defaults to the default scale', () => {
    expect(totalTouches(stats)).toBeGreaterThanOrEqual(DEFAULT_DEMO_SCALE * 0.9);
    expect(totalTouches(stats)).toBeLessThanOrEqual(DEFAULT_DEMO_SCALE * 1.1);
  });

  it('gives accounts unique domains, segments and head counts that match the segment', () => {
    expect(count(db, 'SELECT count(DISTINCT domain) FROM accounts')).toBe(stats.accounts);
    expect(count(db, "SELECT count(*) FROM accounts WHERE name IS NULL OR domain NOT LIKE '%.%'")).toBe(0);
    const segments = db
      .prepare('SELECT segment, min(employees) AS low, max(employees) AS high FROM accounts GROUP BY segment')
      .all() as { segment: string; low: number; high: number }[];
    expect(segments.map((s) => s.segment).sort()).toEqual(['Enterprise', 'Mid-Market', 'SMB']);
    const bySegment = Object.fromEntries(segments.map((s) => [s.segment, s]));
    expect(bySegment.SMB?.high).toBeLessThan(200);
    expect(bySegment['Mid-Market']?.low).toBeGreaterThanOrEqual(200);
    expect(bySegment['Mid-Market']?.high).toBeLessThan(2_000);
    expect(bySegment.Enterprise?.low).toBeGreaterThanOrEqual(2_000);
  });

  it('gives every account a Region and every opportunity a Lead Source custom field, listed as the project’s fields', () => {
    expect(readCustomFields(db, 'accounts')).toEqual(['Region']);
    expect(readCustomFields(db, 'opportunities')).toEqual(['Lead Source']);
    const regions = db
      .prepare("SELECT custom ->> '$.Region' AS region, count(*) AS n FROM accounts GROUP BY 1 ORDER BY n DESC")
      .all() as { region: string; n: number }[];
    expect(regions.map((r) => r.region)).toEqual(['North America', 'EMEA', 'APAC', 'LATAM']);
    expect(regions.reduce((sum, r) => sum + r.n, 0)).toBe(stats.accounts);
    const sources = db
      .prepare('SELECT DISTINCT custom ->> \'$."Lead Source"\' FROM opportunities ORDER BY 1')
      .pluck()
      .all();
    expect(sources).toEqual(['Event', 'Inbound', 'Outbound', 'Partner']);
  });

  it('gives every account 2 to 8 contacts with addresses at its domain, some never leads', () => {
    const perAccount = db
      .prepare(
        `SELECT min(n) AS low, max(n) AS high FROM (
           SELECT a.account_id, count(c.contact_id) AS n FROM accounts a
           LEFT JOIN contacts c ON c.account_id = a.account_id GROUP BY a.account_id)`,
      )
      .get() as { low: number; high: number };
    expect(perAccount.low).toBeGreaterThanOrEqual(2);
    expect(perAccount.high).toBeLessThanOrEqual(8);
    const offDomain = count(
      db,
      "SELECT count(*) FROM contacts c JOIN accounts a USING (account_id) WHERE c.email NOT LIKE '%@' || a.domain",
    );
    expect(offDomain).toBe(0);
    expect(count(db, 'SELECT count(DISTINCT lower(email)) FROM contacts')).toBe(stats.contacts);
    expect(count(db, 'SELECT count(*) FROM contacts WHERE title IS NULL')).toBe(0);
    expect(count(db, 'SELECT count(*) FROM contacts WHERE lead_created_at IS NULL')).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) FROM contacts WHERE lead_created_at IS NOT NULL')).toBeGreaterThan(0);
  });

  it('keeps opportunities consistent: known account, positive amount, closed after created, open ones not closed', () => {
    expect(
      count(db, 'SELECT count(*) FROM opportunities WHERE account_id NOT IN (SELECT account_id FROM accounts)'),
    ).toBe(0);
    expect(count(db, 'SELECT count(*) FROM opportunities WHERE NOT amount > 0')).toBe(0);
    expect(
      count(
        db,
        "SELECT count(*) FROM opportunities WHERE stage IN ('won', 'lost') AND (closed_at IS NULL OR closed_at < created_at)",
      ),
    ).toBe(0);
    expect(count(db, "SELECT count(*) FROM opportunities WHERE stage = 'open' AND closed_at IS NOT NULL")).toBe(0);
    expect(count(db, 'SELECT count(*) FROM opportunities WHERE created_at < ? OR closed_at > ?', START, END)).toBe(0);
    // Closes are CRM dates: stored as the end of their day.
    expect(count(db, 'SELECT count(*) FROM opportunities WHERE closed_at % ? != ? - 1', DAY, DAY)).toBe(0);
  });

  it('has won, lost and open opportunities of every type, with raw CRM names that map to them', () => {
    const combos = db.prepare('SELECT DISTINCT type, stage FROM opportunities').all() as {
      type: string;
      stage: string;
    }[];
    for (const type of ['new_business', 'upgrade', 'renewal']) {
      for (const stage of ['won', 'lost', 'open']) expect(combos).toContainEqual({ type, stage });
    }
    expect(count(db, "SELECT count(*) FROM opportunities WHERE stage = 'won' AND stage_raw != 'Closed Won'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM opportunities WHERE stage = 'lost' AND stage_raw != 'Closed Lost'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM opportunities WHERE stage = 'open' AND stage_raw LIKE 'Closed%'")).toBe(0);
    expect(count(db, "SELECT count(*) FROM opportunities WHERE type = 'renewal' AND type_raw != 'Renewal'")).toBe(0);
    expect(
      count(db, "SELECT count(*) FROM opportunities WHERE type_raw = 'Existing Customer - Upgrade'"),
    ).toBeGreaterThan(0);
    expect(count(db, "SELECT count(*) FROM opportunities WHERE type_raw = 'New Business'")).toBeGreaterThan(0);
  });

  it('closes new business about 35% won and 45% lost, larger deals in larger segments', () => {
    const nb = db
      .prepare(
        `SELECT avg(stage = 'won') AS won, avg(stage = 'lost') AS lost FROM opportunities WHERE type = 'new_business'`,
      )
      .get() as { won: number; lost: number };
    expect(nb.won).toBeGreaterThan(0.28);
    expect(nb.won).toBeLessThan(0.42);
    expect(nb.lost).toBeGreaterThan(0.38);
    expect(nb.lost).toBeLessThan(0.52);
    const median = (segment: string): number =>
      count(
        db,
        `SELECT amount FROM opportunities o JOIN accounts a USING (account_id)
         WHERE o.type = 'new_business' AND a.segment = ? ORDER BY amount
         LIMIT 1 OFFSET (SELECT count(*) / 2 FROM opportunities o JOIN accounts a USING (account_id)
                         WHERE o.type = 'new_business' AND a.segment = ?)`,
        segment,
        segment,
      );
    expect(median('SMB')).toBeLessThan(median('Mid-Market'));
    expect(median('Mid-Market')).toBeLessThan(median('Enterprise'));
  });

  it('ties every touchpoint to a contact or account that exists, within 2024-2025', () => {
    expect(
      count(
        db,
        `SELECT count(*) FROM touchpoints t WHERE NOT (
           (t.contact_id IS NOT NULL AND EXISTS (SELECT 1 FROM contacts c WHERE c.contact_id = t.contact_id))
           OR (t.contact_id IS NULL AND EXISTS (SELECT 1 FROM accounts a WHERE a.account_id = t.account_id)))`,
      ),
    ).toBe(0);
    expect(count(db, 'SELECT count(*) FROM touchpoints WHERE contact_id IS NULL')).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) FROM touchpoints WHERE contact_id IS NULL')).toBeLessThan(
      stats.touchpoints * 0.2,
    );
    expect(count(db, 'SELECT count(*) FROM touchpoints WHERE occurred_at < ? OR occurred_at > ?', START, END)).toBe(0);
    expect(
      count(db, 'SELECT count(*) FROM community_actions WHERE occurred_at < ? OR occurred_at > ?', START, END),
    ).toBe(0);
    const channels = (db.prepare('SELECT DISTINCT channel FROM touchpoints').pluck().all() as string[]).sort();
    expect(channels).toEqual(
      expect.arrayContaining(['direct', 'email', 'events', 'organic_search', 'paid_search', 'paid_social', 'webinar']),
    );
    expect(count(db, "SELECT count(*) FROM touchpoints WHERE campaign GLOB '202[45]-Q[1-4] *'")).toBeGreaterThan(
      stats.touchpoints / 2,
    );
  });

  it('places touches along new-business journeys: before lead creation, before the opportunity and until close', () => {
    const journeys = db
      .prepare(
        `WITH touch AS (
           SELECT coalesce(t.account_id, c.account_id) AS account_id, t.occurred_at
           FROM touchpoints t LEFT JOIN contacts c ON c.contact_id = t.contact_id),
         lead AS (SELECT account_id, min(lead_created_at) AS at FROM contacts GROUP BY account_id)
         SELECT
           avg(EXISTS (SELECT 1 FROM touch WHERE touch.account_id = o.account_id AND occurred_at <= lead.at)) AS lc,
           avg(EXISTS (SELECT 1 FROM touch WHERE touch.account_id = o.account_id
                         AND occurred_at > lead.at AND occurred_at <= o.created_at)) AS nurture,
           avg(EXISTS (SELECT 1 FROM touch WHERE touch.account_id = o.account_id
                         AND occurred_at > o.created_at AND occurred_at <= o.closed_at)) AS sales
         FROM opportunities o JOIN lead USING (account_id)
         WHERE o.type = 'new_business' AND o.stage = 'won'`,
      )
      .get() as { lc: number; nurture: number; sales: number };
    expect(journeys.lc).toBeGreaterThan(0.95);
    expect(journeys.nurture).toBeGreaterThan(0.5);
    expect(journeys.sales).toBeGreaterThan(0.5);
  });

  it('has members resolving by contact email, by company domain only, and free-mail members resolving to nothing', () => {
    const resolution = db
      .prepare(
        `         SELECT
           sum(by_email IS NOT NULL) AS byEmail,
           sum(by_email IS NULL AND by_domain IS NOT NULL) AS byDomainOnly,
           sum(by_email IS NULL AND by_domain IS NULL AND company_domain IS NULL
               AND substr(email, instr(email, '@') + 1) IN (${FREE_MAIL.map(() => '?').join(', ')})) AS freeMailUnresolved,
           sum(by_email IS NULL AND by_domain IS NULL) AS unresolved,
           sum(by_email IS NULL AND by_domain IS NOT NULL
               AND substr(email, instr(email, '@') + 1) IN (${FREE_MAIL.map(() => '?').join(', ')})) AS freeMailByCompany
         FROM resolved`,
      )
      .get(...FREE_MAIL, ...FREE_MAIL) as Record<string, number>;
    expect(resolution.byEmail).toBeGreaterThan(stats.communityMembers * 0.1);
    expect(resolution.byDomainOnly).toBeGreaterThan(stats.communityMembers * 0.05);
    expect(resolution.freeMailByCompany).toBeGreaterThan(0);
    expect(resolution.freeMailUnresolved).toBeGreaterThan(stats.communityMembers * 0.05);
    expect(resolution.unresolved).toBeLessThan(stats.communityMembers * 0.6);
    // Some contact addresses appear in other letter case, which resolution must ignore.
    expect(
      count(
        db,
        'SELECT count(*) FROM community_members m JOIN contact_email c ON c.email = lower(m.email) WHERE m.email != c.email',
      ),
    ).toBeGreaterThan(0);
  });

  it('has every community action type, engagement mostly with no channel', () => {
    const types = (db.prepare('SELECT DISTINCT action_type FROM community_actions').pluck().all() as string[]).sort();
    expect(types).toEqual(
      [
        'answer',
        'event_attended',
        'external_referral',
        'feature_request',
        'internal_referral',
        'job_move',
        'other',
        'post',
        'reaction',
        'reply',
      ].sort(),
    );
    expect(count(db, 'SELECT count(*) FROM community_actions WHERE channel IS NOT NULL')).toBeLessThan(
      stats.communityActions * 0.15,
    );
    expect(
      count(
        db,
        'SELECT count(*) FROM community_actions WHERE member_id NOT IN (SELECT member_id FROM community_members)',
      ),
    ).toBe(0);
    expect(
      count(
        db,
        'SELECT count(*) FROM community_actions a JOIN community_members m USING (member_id) WHERE a.occurred_at < m.joined_at',
      ),
    ).toBe(0);
    const platforms = (db.prepare('SELECT DISTINCT platform FROM community_members').pluck().all() as string[]).sort();
    expect(platforms).toEqual(['Circle', 'Discourse', 'Slack']);
  });

  it('has colleague referrals followed by an opportunity of the member’s own account', () => {
    const sourced = count(
      db,
      `       SELECT count(*) FROM community_actions x
       JOIN member_account ma USING (member_id)
       JOIN contacts target ON target.email = x.target_email AND target.account_id = ma.account_id
       WHERE x.action_type = 'internal_referral' AND EXISTS (
         SELECT 1 FROM opportunities o WHERE o.account_id = ma.account_id
           AND (o.opportunity_id = x.opportunity_id
                OR (x.opportunity_id IS NULL AND o.created_at BETWEEN x.occurred_at AND x.occurred_at + 180 * ?)))`,
      DAY,
    );
    expect(sourced).toBeGreaterThan(0);
    expect(sourced).toBe(count(db, "SELECT count(*) FROM community_actions WHERE action_type = 'internal_referral'"));
  });

  it('has referrals to other companies followed by that company’s opportunity', () => {
    const sourced = count(
      db,
      `SELECT count(*) FROM community_actions x
       WHERE x.action_type = 'external_referral' AND EXISTS (
         SELECT 1 FROM opportunities o
         WHERE o.account_id IN (SELECT account_id FROM contacts WHERE email = x.target_email
                                UNION SELECT account_id FROM accounts WHERE domain = x.target_domain)
           AND (o.opportunity_id = x.opportunity_id
                OR (x.opportunity_id IS NULL AND o.created_at BETWEEN x.occurred_at AND x.occurred_at + 180 * ?)))`,
      DAY,
    );
    expect(sourced).toBeGreaterThan(0);
    expect(sourced).toBe(count(db, "SELECT count(*) FROM community_actions WHERE action_type = 'external_referral'"));
  });

  it('has job moves to existing accounts that open new business within the referral window', () => {
    const moves = count(db, "SELECT count(*) FROM community_actions WHERE action_type = 'job_move'");
    const sourced = count(
      db,
      `SELECT count(*) FROM community_actions x JOIN accounts a ON a.domain = x.target_domain
       WHERE x.action_type = 'job_move' AND EXISTS (
         SELECT 1 FROM opportunities o WHERE o.account_id = a.account_id AND o.type = 'new_business'
           AND o.created_at BETWEEN x.occurred_at AND x.occurred_at + 180 * ?)`,
      DAY,
    );
    expect(moves).toBeGreaterThan(0);
    expect(sourced).toBe(moves);
  });

  it('has features requested before they shipped and needed by won deals that closed after', () => {
    const roadmap = count(
      db,
      `SELECT count(*) FROM community_actions x
       JOIN features f ON f.feature_id = x.feature_id
       JOIN opportunity_features l ON l.feature_id = f.feature_id
       JOIN opportunities o ON o.opportunity_id = l.opportunity_id
       WHERE x.action_type = 'feature_request' AND f.shipped_at IS NOT NULL AND x.occurred_at < f.shipped_at
         AND o.stage = 'won' AND o.closed_at > f.shipped_at`,
    );
    expect(roadmap).toBeGreaterThan(0);
    expect(count(db, 'SELECT count(*) FROM features WHERE shipped_at IS NULL')).toBeGreaterThan(0);
    expect(
      count(db, "SELECT count(*) FROM community_actions WHERE action_type = 'feature_request' AND feature_id IS NULL"),
    ).toBe(0);
    expect(
      count(
        db,
        `SELECT count(*) FROM opportunity_features
         WHERE opportunity_id NOT IN (SELECT opportunity_id FROM opportunities)
            OR feature_id NOT IN (SELECT feature_id FROM features)`,
      ),
    ).toBe(0);
  });

  it('has upgrades on accounts with community members', () => {
    const upgrades = count(
      db,
      `       SELECT count(*) FROM opportunities o
       WHERE o.type = 'upgrade' AND o.stage = 'won'
         AND o.account_id IN (SELECT account_id FROM member_account WHERE account_id IS NOT NULL)`,
    );
    expect(upgrades).toBeGreaterThan(0);
  });

  it('has renewals of engaged and other accounts, engaged ones retaining more', () => {
    const groups = db
      .prepare(
        `WITH renewal AS (
           SELECT o.*, EXISTS (
             SELECT 1 FROM community_actions x JOIN member_account ma USING (member_id)
             WHERE ma.account_id = o.account_id AND x.occurred_at <= o.closed_at
               AND x.occurred_at >= o.closed_at - 365 * ?) AS engaged
           FROM opportunities o WHERE o.type = 'renewal' AND o.stage IN ('won', 'lost'))
         SELECT engaged, count(*) AS n, sum(CASE WHEN stage = 'won' THEN amount ELSE 0 END) / sum(amount) AS retention
         FROM renewal GROUP BY engaged ORDER BY engaged`,
      )
      .all(DAY) as { engaged: number; n: number; retention: number }[];
    const [other, engaged] = groups;
    expect(groups).toHaveLength(2);
    expect(other?.n).toBeGreaterThan(10);
    expect(engaged?.n).toBeGreaterThan(10);
    expect(engaged?.retention).toBeGreaterThan(other?.retention ?? 1);
  });
});
