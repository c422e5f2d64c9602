import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { dealVelocity } from '../../src/main/engine/velocity/velocity';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import type { OpportunityType } from '../../src/shared/importSpec';
import type { ReportScope } from '../../src/shared/scope';
import type { VelocityResult } from '../../src/shared/velocity';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';
import { readRows, writeProjectFile, type Rows } from './build';
import { action, lostDeal, openDeal, touchpoint, wonDeal } from './rows';

/**
 * One new-business deal per group, by hand: S sourced (a community post is its first touch), I influenced (an ad
 * first, a community reply later), N and L with no community touch (N won, L lost), and an open deal that is never
 * counted. S closes exactly 90 days after its creation, I 92 days after, N 30.
 */
const ROWS: Rows = {
  accounts: ['A1', 'A2', 'A3', 'A4'].map((id) => ({ account_id: id, domain: `${id.toLowerCase()}.com` })),
  contacts: [
    { contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com' },
    { contact_id: 'C2', account_id: 'A2', email: 'm2@a2.com' },
  ],
  community_members: [
    { member_id: 'M1', email: 'm1@a1.com' },
    { member_id: 'M2', email: 'm2@a2.com' },
  ],
  opportunities: [
    wonDeal({ id: 'S', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-05-30' }),
    wonDeal({ id: 'I', account: 'A2', amount: 600, created: '2024-03-01', closed: '2024-06-01' }),
    wonDeal({ id: 'N', account: 'A3', amount: 300, created: '2024-03-01', closed: '2024-03-31' }),
    lostDeal({ id: 'L', account: 'A4', amount: 900, created: '2024-03-01', closed: '2024-04-15' }),
    openDeal({ id: 'P', account: 'A4', amount: 50, created: '2024-05-01' }),
    wonDeal({ id: 'U', account: 'A1', amount: 70, created: '2024-07-01', closed: '2024-07-20', type: 'upgrade' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T2', account: 'A2', when: '2024-01-05', channel: 'ads' }),
    touchpoint({ id: 'T3', account: 'A3', when: '2024-01-05', channel: 'ads' }),
    touchpoint({ id: 'T4', account: 'A4', when: '2024-01-05', channel: 'ads' }),
  ],
  community_actions: [
    action({ id: 'X1', member: 'M1', when: '2024-01-02', type: 'post' }),
    action({ id: 'X2', member: 'M2', when: '2024-02-01', type: 'reply' }),
    // The upgrade U's journey restarts after S closed: this answer is its OC, so the community sourced it.
    action({ id: 'X3', member: 'M1', when: '2024-06-15', type: 'answer' }),
  ],
};

function velocityOf(type: OpportunityType = 'new_business', days = 90, scope: ReportScope = {}): VelocityResult {
  return readRows(ROWS, (db) => dealVelocity(loadEngineData(db), modelOptionsSchema.parse({ scope }), type, days));
}

const tempDir = useTempDir();

describe('deal velocity and win rate by community involvement (spec 12)', () => {
  it('puts each deal in its group and counts a deal closed exactly D days after creation as within D', () => {
    const { type, days, groups } = velocityOf();
    expect({ type, days }).toEqual({ type: 'new_business', days: 90 });
    expect(groups.sourced).toEqual({
      deals: 1,
      won: 1,
      winRate: 1,
      wonAmount: 1000,
      averageWonAmount: 1000,
      medianDays: 90,
      meanDays: 90,
      closedWithin: 1,
      tooSmall: true,
    });
    expect(groups.influenced).toMatchObject({ deals: 1, won: 1, medianDays: 92, closedWithin: 0 });
    expect(groups.none).toEqual({
      deals: 2,
      won: 1,
      winRate: 0.5,
      wonAmount: 300,
      averageWonAmount: 300,
      medianDays: 30,
      meanDays: 30,
      closedWithin: 1,
      tooSmall: true,
    });
    // One day less and the tie falls out.
    expect(velocityOf('new_business', 89).groups.sourced.closedWithin).toBe(0);
  });

  it('compares the deal type asked for, and gives nulls, not NaN, to a group without deals', () => {
    const upgrades = velocityOf('upgrade').groups;
    expect(upgrades.sourced).toMatchObject({ deals: 1, won: 1, medianDays: 19 });
    expect(upgrades.influenced).toEqual({
      deals: 0,
      won: 0,
      winRate: null,
      wonAmount: null,
      averageWonAmount: null,
      medianDays: null,
      meanDays: null,
      closedWithin: null,
      tooSmall: true,
    });
    // A scope without closed deals: every group empty.
    const empty = velocityOf('new_business', 90, { from: '2025-01-01' }).groups;
    expect([empty.sourced.deals, empty.influenced.deals, empty.none.deals]).toEqual([0, 0, 0]);
  });

  it('answers tributary velocity as cli.md gives its JSON, and refuses a D that is not a whole number of days', async () => {
    const dir = tempDir();
    const path = writeProjectFile(join(dir, 'v.sqlite'), { name: 'V', currency: 'USD' }, ROWS);
    const env = { ...process.env, TRIBUTARY_HOME: dir };
    const json = await runTributary(['velocity', path, '--days', '90', '--json'], env);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as VelocityResult;
    expect(Object.keys(parsed)).toEqual(['type', 'days', 'groups']);
    expect(Object.keys(parsed.groups)).toEqual(['sourced', 'influenced', 'none']);
    expect(parsed.groups.none.winRate).toBe(0.5);
    const text = await runTributary(['velocity', path], env);
    expect(text.stdout).toMatch(/community-sourced\s+1\s+1\s+100\.0%\s+90\.0\s+100\.0%/);
    expect(text.stdout).toContain('correlation, not an effect');
    expect(text.stdout).toContain('too small to read');
    const none = await runTributary(['velocity', path, '--from', '2025-01-01'], env);
    expect(none.stdout).toContain('no won or lost new business deal in this scope');
    for (const days of ['0', '-3', '1.5', 'ninety']) {
      const bad = await runTributary(['velocity', path, '--days', days], env);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toMatch(/--days/);
    }
    const badType = await runTributary(['velocity', path, '--type', 'upgrades'], env);
    expect(badType.code).toBe(2);
    expect(badType.stderr).toContain('did you mean upgrade');
  });
});
