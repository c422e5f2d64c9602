import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { createProject } from '../../src/main/store/project';
import { generateAttributionSql } from '../../src/main/warehouse/sql/generate';
import type { SqlOptions } from '../../src/main/warehouse/sql/contract';
import { TWO_DEALS } from '../engine/arbitraries';
import { at, endOf, writeProjectFile, type Rows } from '../engine/build';
import { action, touchpoint, wonDeal, lostDeal } from '../engine/rows';
import { useTempDir } from '../helpers/files';
import { expectSqlEqualsEngine } from './compare';
import { sqlFigures, type Figures } from './figures';
import { closePostgres, sqliteEngine } from './sqlEngines';

const tempDir = useTempDir();
afterAll(closePostgres);

const projectOf = (rows: Rows): string =>
  writeProjectFile(join(tempDir(), 'p.sqlite'), { name: 'Fixture', currency: 'USD' }, rows);

/** The figures the script gives on SQLite over the project at `path`, for hand-computed checks. */
async function sqliteFigures(path: string, options: SqlOptions): Promise<Figures> {
  const engine = sqliteEngine(path, tempDir());
  try {
    await engine.run(generateAttributionSql('sqlite', options));
    return await sqlFigures(engine);
  } finally {
    await engine.close();
  }
}

/**
 * Identity resolution and sourcing (data.md; spec 7), with a 3-day referral window: M1 resolves by email to C1 (A1);
 * M2 by email to C2, which has no account, so its actions are nobody's touches even though a2.com is A2's domain; M3
 * by company domain to A1, then a job move to "A2.com " takes it to A2; M4 has a free-mail email only; M5 resolves
 * by its email's domain to A1, then moves to a domain no account has, after which it is no account's.
 */
const SOURCING: Rows = {
  accounts: [
    { account_id: 'A1', domain: 'a1.com' },
    { account_id: 'A2', domain: 'a2.com' },
    { account_id: 'A3', domain: 'gmail.com' },
  ],
  contacts: [
    { contact_id: 'C1', account_id: 'A1', email: 'ann@a1.com' },
    { contact_id: 'C2', account_id: null, email: 'bob@a2.com' },
  ],
  community_members: [
    { member_id: 'M1', email: 'ann@a1.com' },
    { member_id: 'M2', email: 'bob@a2.com' },
    { member_id: 'M3', email: 'cy@gmail.com', company_domain: 'a1.com' },
    { member_id: 'M4', email: 'dee@gmail.com' },
    { member_id: 'M5', email: 'eve@a1.com' },
  ],
  touchpoints: [touchpoint({ id: 'T1', contact: 'C1', when: '2024-01-05' })],
  community_actions: [
    // 7.1: O1 is created at the end of the third day after: inside the window's whole last day.
    action({ id: 'X1', member: 'M1', when: '2024-01-10T15:00:00Z', type: 'internal_referral' }),
    action({ id: 'X2', member: 'M2', when: '2024-01-11', type: 'post' }),
    // 7.2: N1 is A2's first new business within 3 days of the move; the move is also N1's first touch.
    action({ id: 'X3', member: 'M3', when: '2024-02-01', type: 'job_move', targetDomain: 'A2.com ' }),
    action({ id: 'X4', member: 'M3', when: '2024-01-20', type: 'post' }),
    action({ id: 'X5', member: 'M3', when: '2024-02-10', type: 'reply' }),
    action({ id: 'X6', member: 'M4', when: '2024-01-12', type: 'post' }),
    // 7.3: bob@a2.com's contact has no account, so its domain's account, A2, whose N2 it names.
    action({ id: 'X7', member: 'M1', when: '2024-03-01', type: 'external_referral', targetEmail: 'bob@a2.com' }),
    action({ id: 'X8', member: 'M1', when: '2024-01-12', type: 'internal_referral', opportunity: 'NOPE' }),
    action({ id: 'X9', member: 'M5', when: '2024-01-15', type: 'job_move', targetDomain: 'elsewhere.org' }),
    action({ id: 'X10', member: 'M5', when: '2024-01-16', type: 'post' }),
    action({ id: 'X11', member: 'M5', when: '2024-01-14', type: 'post' }),
  ],
  opportunities: [
    wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-01-13', closed: '2024-01-31' }),
    lostDeal({ id: 'O0', account: 'A1', amount: 800, created: '2024-01-14', closed: '2024-02-20' }),
    wonDeal({ id: 'N1', account: 'A2', amount: 500, created: '2024-02-04', closed: '2024-02-28' }),
    wonDeal({ id: 'N2', account: 'A2', amount: 700, created: '2024-03-04', closed: '2024-03-20' }),
  ],
};

/**
 * Ties (spec 1, 4): at one instant a community touch comes before a marketing one, and T10 before T9 (code units).
 * W1 closes at the very millisecond T10 and T9 happen, so they are in its journey; for the upgrade U they are not
 * after P (W1's close), so U has no OC touch and T11 takes all its credit.
 */
const TIES: Rows = {
  accounts: [{ account_id: 'B1', domain: 'b1.com' }],
  contacts: [{ contact_id: 'CB', account_id: 'B1', lead_created_at: endOf('2024-03-05') }],
  community_members: [{ member_id: 'MB', company_domain: 'b1.com' }],
  touchpoints: [
    touchpoint({ id: 'TB1', account: 'B1', when: '2024-02-01' }),
    touchpoint({ id: 'T9', account: 'B1', when: endOf('2024-03-10'), channel: 'ads' }),
    touchpoint({ id: 'T10', account: 'B1', when: endOf('2024-03-10'), channel: 'event' }),
    touchpoint({ id: 'T11', account: 'B1', when: '2024-04-15' }),
  ],
  community_actions: [action({ id: 'XB1', member: 'MB', when: '2024-02-01', type: 'post' })],
  opportunities: [
    wonDeal({ id: 'W1', account: 'B1', amount: 300, created: '2024-03-01', closed: '2024-03-10' }),
    wonDeal({ id: 'U', account: 'B1', amount: 400, created: '2024-04-01', closed: '2024-04-30', type: 'upgrade' }),
  ],
};

/** Ids, channels, emails and segments full of quotes and SQL: the script never interpolates data. */
const NASTY = "x'); DROP TABLE touchpoints; --";
const METACHARACTERS: Rows = {
  accounts: [{ account_id: `A'1"`, domain: 'quote.com', segment: `s'1` }],
  contacts: [
    { contact_id: `C\\1`, account_id: `A'1"`, email: "o'neil@quote.com", lead_created_at: endOf('2024-01-02') },
  ],
  community_members: [{ member_id: `M'1;--`, email: "o'neil@quote.com" }],
  touchpoints: [
    touchpoint({ id: NASTY, contact: `C\\1`, when: '2024-01-01', channel: `it's "paid"; --` }),
    touchpoint({ id: 'Ж😀', account: `A'1"`, when: '2024-01-03', channel: '%_\\' }),
  ],
  community_actions: [
    action({ id: `X"1`, member: `M'1;--`, when: '2024-01-02', type: 'internal_referral', opportunity: `O'1` }),
  ],
  opportunities: [
    wonDeal({ id: `O'1`, account: `A'1"`, amount: 900, created: '2024-01-02', closed: '2024-01-04' }),
    wonDeal({ id: `O"2`, account: 'nobody', amount: 100, created: '2024-01-02', closed: '2024-01-04' }),
  ],
};

describe('the generated SQL equals the built-in engine', () => {
  it('on the hand-computed two-deal project, under every journey option', async () => {
    const path = projectOf(TWO_DEALS);
    await expectSqlEqualsEngine(path, {}, tempDir());
    await expectSqlEqualsEngine(path, { upgradePolicy: 'account-lifetime', lookbackDays: 45 }, tempDir());
    const figures = await sqliteFigures(path, {});
    expect(figures.credits['full-path']).toMatchObject({ 'U1|community|X4': 200, 'U1|marketing|T4': 200 });
    expect(figures.unattributed).toEqual(['W2']);
  }, 60_000);

  it('on identity resolution, job moves and each sourcing link, the window including its whole last day', async () => {
    const path = projectOf(SOURCING);
    const options = { referralWindowDays: 3 };
    await expectSqlEqualsEngine(path, options, tempDir());
    const figures = await sqliteFigures(path, options);
    expect(figures.sourced).toEqual({ O1: 'internal_referral X1', N1: 'job_move X3', N2: 'first_touch X3' });
    expect(figures.car['full-path']).toMatchObject({
      all: { influenced: 2200, sourced: 2200 },
      internal_referral: { sourced: 1000 },
      job_move: { sourced: 500 },
      external_referral: { sourced: 700 },
    });
    // O1: T1 FT, X8 OC (a referral naming no deal is still a touch), X1 and X11 MID, X4 CW (no LC: C1 has no lead
    // date); X2, X6 and X10 are nobody's touches.
    const share = 1000 / 77.5;
    expect(Object.keys(figures.credits['full-path'] ?? {}).filter((k) => k.startsWith('O1|'))).toEqual(
      expect.arrayContaining(['O1|marketing|T1', 'O1|community|X8', 'O1|community|X11', 'O1|community|X4']),
    );
    expect(figures.credits['full-path']?.['O1|community|X11']).toBeCloseTo(5 * share, 9);
    expect(figures.credits['full-path']?.['O1|community|X4']).toBeCloseTo(22.5 * share, 9);
    expect(Object.keys(figures.credits['full-path'] ?? {}).some((k) => /X2$|X6$|X10$/.test(k))).toBe(false);
  }, 60_000);

  it('on ties of time, kind and id, and the upgrade whose only earlier touches are at P', async () => {
    const path = projectOf(TIES);
    await expectSqlEqualsEngine(path, {}, tempDir());
    await expectSqlEqualsEngine(path, { upgradePolicy: 'account-lifetime', lookbackDays: 10 }, tempDir());
    const figures = await sqliteFigures(path, {});
    expect(figures.credits['first-touch']).toMatchObject({ 'W1|community|XB1': 300, 'U|marketing|T11': 400 });
    expect(figures.credits['last-touch']).toMatchObject({ 'W1|marketing|T9': 300, 'W1|marketing|T10': 0 });
    expect(Object.keys(figures.credits['full-path'] ?? {}).filter((k) => k.startsWith('U|'))).toEqual([
      'U|marketing|T11',
    ]);
    expect(figures.sourced).toEqual({ W1: 'first_touch XB1' });
  }, 60_000);

  it('on ids, channels and segments holding quotes and SQL', async () => {
    const path = projectOf(METACHARACTERS);
    await expectSqlEqualsEngine(path, {}, tempDir());
    await expectSqlEqualsEngine(path, { scope: { segments: [`s'1`] } }, tempDir());
    const figures = await sqliteFigures(path, {});
    expect(figures.credits['first-touch']).toMatchObject({ [`O'1|marketing|${NASTY}`]: 900 });
    expect(figures.sourced).toEqual({ [`O'1`]: `internal_referral X"1` });
    expect(figures.unattributed).toEqual([`O"2`]);
  }, 60_000);

  it('on the demo project, with a period and a custom model', async () => {
    const path = join(tempDir(), 'demo.sqlite');
    const project = createProject(path, { name: 'Demo', currency: 'USD' });
    try {
      generateDemo(project.db, { scale: 2000, seed: 11 });
    } finally {
      project.close();
    }
    await expectSqlEqualsEngine(path, { weights: { FT: 35, LC: 5, OC: 20, CW: 30, MID: 10 } }, tempDir());
    await expectSqlEqualsEngine(
      path,
      { scope: { from: '2024-01-01', to: '2025-06-30' }, lookbackDays: 120, collapseRepeats: true },
      tempDir(),
    );
  }, 120_000);
});

// `at` keeps the rows' instants readable above; referenced so the import stays with them.
void at;
