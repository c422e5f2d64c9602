import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createProject } from '../../src/main/store/project';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';
import { endOf, writeProjectFile } from './build';
import { action, lostDeal, touchpoint, wonDeal } from './rows';

const tempDir = useTempDir();

/** A won deal with four touches, a won deal with none, and a lost one. */
function project(dir: string): string {
  return writeProjectFile(
    join(dir, 'p.sqlite'),
    { name: 'CLI', currency: 'USD' },
    {
      accounts: [{ account_id: 'A1' }, { account_id: 'A2' }],
      contacts: [{ contact_id: 'C1', account_id: 'A1', lead_created_at: endOf('2024-02-15') }],
      opportunities: [
        wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
        wonDeal({ id: 'O2', account: 'A2', amount: 300, created: '2024-03-01', closed: '2024-03-31' }),
        lostDeal({ id: 'O3', account: 'A1', amount: 700, created: '2024-05-01', closed: '2024-05-31' }),
      ],
      touchpoints: [
        touchpoint({ id: 'T1', contact: 'C1', when: '2024-01-10', channel: '=cmd|calc' }),
        touchpoint({ id: 'T2', contact: 'C1', when: '2024-02-10' }),
        touchpoint({ id: 'T3', contact: 'C1', when: '2024-02-20' }),
        touchpoint({ id: 'T4', contact: 'C1', when: '2024-03-20', channel: 'ads' }),
      ],
    },
  );
}

const tributary = (args: string[], dir: string) => runTributary(args, { ...process.env, TRIBUTARY_HOME: dir });

describe('tributary attribute', () => {
  it('writes the credits CSV of spec cli.md, neutralised against formulas, with unattributed deals', async () => {
    const dir = tempDir();
    const out = join(dir, 'credits.csv');
    const result = await tributary(['attribute', project(dir), '--out', out], dir);
    expect(result.code).toBe(0);
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data;
    // Full path: T1 FT, T2 LC (last before the lead date), T3 OC (last before creation), T4 CW; no middle touch,
    // so MID's 10 spreads over the four milestones: 25% each.
    expect(rows).toEqual([
      ['opportunity_id', 'touch_kind', 'touch_id', 'channel', 'channel_group', 'positions', 'credit'],
      ['O1', 'marketing', 'T1', "'=cmd|calc", "'=cmd|calc", 'FT', '250'],
      ['O1', 'marketing', 'T2', 'email', 'email', 'LC', '250'],
      ['O1', 'marketing', 'T3', 'email', 'email', 'OC', '250'],
      ['O1', 'marketing', 'T4', 'ads', 'ads', 'CW', '250'],
      ['O2', '', '', '', '', '', '300'],
    ]);
  });

  it('prints the --json object with totals and channels; positions stay empty for models without them', async () => {
    const dir = tempDir();
    const path = project(dir);
    const result = await tributary(
      ['attribute', path, '--model', 'linear', '--json', '--out', join(dir, 'c.csv')],
      dir,
    );
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(json).toMatchObject({
      model: 'linear',
      revenue: 1300,
      attributed: 1000,
      unattributed: 300,
      byChannel: [
        { channel: 'email', credit: 500 },
        { channel: '=cmd|calc', credit: 250 },
        { channel: 'ads', credit: 250 },
      ],
    });
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toContain('O1,marketing,T2,email,email,,250');
  });

  it('includes community-attributed revenue in --json and answers `car` with the same figures', async () => {
    const dir = tempDir();
    const path = writeProjectFile(
      join(dir, 'community.sqlite'),
      { name: 'CAR', currency: 'USD' },
      {
        accounts: [{ account_id: 'A1', domain: 'acme.com' }],
        contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'ada@acme.com' }],
        community_members: [{ member_id: 'M1', email: 'ada@acme.com' }],
        community_actions: [action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'post' })],
        touchpoints: [touchpoint({ id: 'T1', contact: 'C1', when: '2024-03-20', channel: 'ads' })],
        opportunities: [
          wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
        ],
      },
    );
    // Full path: X1 is FT and OC (and LC is missing), T1 is CW: X1 gets (22.5 + 22.5) / 67.5 of 1000.
    const attributed = (1000 * 45) / 67.5;
    const json = JSON.parse((await tributary(['attribute', path, '--json'], dir)).stdout);
    expect(json.car).toMatchObject({ influenced: 1000, sourced: 1000 });
    // Money in --json is to the cent.
    expect(json.car.attributed).toBe(Math.round(attributed * 100) / 100);
    expect(json.car.byCategory.engagement.attributed).toBe(Math.round(attributed * 100) / 100);
    // cli.md's shape names car.churn.
    expect(json.car.churn).toEqual(json.car.byCategory.churn_reduction);
    const car = await tributary(['car', path, '--json'], dir);
    expect(car.code).toBe(0);
    expect(JSON.parse(car.stdout)).toEqual({ model: 'full-path', options: json.options, revenue: 1000, car: json.car });
    const text = await tributary(['car', path], dir);
    expect(text.stdout).toMatch(/influenced +1,000\.00 \(100\.0% of won revenue\)/);
  });

  it('reports the data-driven weights: removal effects for markov, Shapley values for shapley', async () => {
    const dir = tempDir();
    const path = project(dir);
    const markov = JSON.parse((await tributary(['attribute', path, '--model', 'markov', '--json'], dir)).stdout);
    expect(Object.keys(markov.removalEffects).sort()).toEqual(['=cmd|calc', 'ads', 'email']);
    const shapley = JSON.parse((await tributary(['attribute', path, '--model', 'shapley', '--json'], dir)).stdout);
    expect(Object.keys(shapley.shapleyValues).sort()).toEqual(['=cmd|calc', 'ads', 'email']);
    expect(shapley.attributed).toBeCloseTo(1000, 6);
  });

  it.each([
    [['--model', 'nope'], /--model: unknown model "nope"; choose one of first-touch/],
    [['--model', 'custom'], /custom model needs weights/],
    [['--model', 'custom', '--weights', 'FT=0,LC=0'], /at least one weight must be above 0/],
    [['--model', 'custom', '--weights', 'FT=-1'], /--weights FT must be a number|cannot be negative/],
    [['--model', 'custom', '--weights', 'FT=NaN'], /--weights FT must be a number/],
    [['--model', 'time-decay', '--half-life-days', '0'], /half-life must be above 0/],
    [['--model', 'markov', '--markov-order', '5'], /Markov order is 1 to 4/],
    [['--weights', 'FT=1'], /--weights goes with --model custom/],
  ])('exits 2 for %j with a message that says what is wrong', async (args, message) => {
    const dir = tempDir();
    const result = await tributary(['attribute', project(dir), ...args], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('labels an empty project as having nothing to attribute, with zeros and no NaN', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty.sqlite');
    createProject(path, { name: 'Empty', currency: 'USD' }).close();
    const result = await tributary(['attribute', path, '--json', '--out', join(dir, 'c.csv')], dir);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('No won opportunity in this project: nothing to attribute.');
    expect(JSON.parse(result.stdout)).toMatchObject({ revenue: 0, attributed: 0, unattributed: 0, byChannel: [] });
    expect(result.stdout).not.toContain('NaN');
    expect(readFileSync(join(dir, 'c.csv'), 'utf8')).toBe(
      'opportunity_id,touch_kind,touch_id,channel,channel_group,positions,credit\r\n',
    );
  });

  it('exits 1 and leaves no file for a project that is not Tributary', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.sqlite');
    writeFileSync(notes, 'not a database, only some notes that are long enough to have a header\n'.repeat(3));
    const result = await tributary(['attribute', notes, '--out', join(dir, 'c.csv')], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('is not a Tributary project: it is not a SQLite database');
    expect(existsSync(join(dir, 'c.csv'))).toBe(false);
  });
});
