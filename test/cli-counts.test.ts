import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeStats } from '../src/main/cli/commands/demo';
import { runCliCaptured } from './helpers/cliIo';
import { at, writeProjectFile } from './engine/build';
import { action, wonDeal } from './engine/rows';
import { useTempDir } from './helpers/files';
import { writeFixture } from './import/fixtures';

/** Issue 13: one of a thing reads `1 warning`, not `1 warnings`, wherever the CLI counts. */

const tempDir = useTempDir();

describe('counts in what the CLI prints', () => {
  it('import: 1 accounts row, 1 warning', async () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'accounts.csv', 'account_id,name,domian\nA1,Acme,acme.com\n');
    const run = await runCliCaptured(['import', join(dir, 'p.sqlite'), 'accounts', file], { TRIBUTARY_HOME: dir });
    expect(run.code).toBe(0);
    expect(run.out).toBe('Imported 1 accounts row from accounts.csv: 1 read, 0 rejected, 1 warning.\n');
  });

  it('import: 1 more issue than were listed', async () => {
    const dir = tempDir();
    const rows = Array.from({ length: 201 }, (_, i) => `,Nameless ${i}`).join('\n');
    const file = writeFixture(dir, 'accounts.csv', `account_id,name\n${rows}\nA1,Acme\n`);
    const run = await runCliCaptured(['import', join(dir, 'p.sqlite'), 'accounts', file], { TRIBUTARY_HOME: dir });
    expect(run.code).toBe(3);
    expect(run.err).toContain("… and 1 more issue, all kept in the project's import history.\n");
  });

  it('import --strict: 1 row of 1', async () => {
    const dir = tempDir();
    const file = writeFixture(dir, 'accounts.csv', 'account_id,name\n,Nameless\n');
    const run = await runCliCaptured(['import', join(dir, 'p.sqlite'), 'accounts', file, '--strict'], {
      TRIBUTARY_HOME: dir,
    });
    expect(run.err).toContain('Nothing imported: --strict and 1 of 1 row of accounts.csv was rejected.\n');
  });

  it('attribute and car: 1 won deal with no touch, 1 credit row, roadmap in 1 deal', async () => {
    const dir = tempDir();
    const path = writeProjectFile(
      join(dir, 'p.sqlite'),
      { name: 'P', currency: 'USD' },
      {
        accounts: [{ account_id: 'A1' }],
        opportunities: [
          wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-03-31' }),
        ],
        community_members: [{ member_id: 'M1' }],
        community_actions: [
          action({ id: 'X1', member: 'M1', when: '2024-01-05', type: 'feature_request', feature: 'F1' }),
        ],
        features: [{ feature_id: 'F1', shipped_at: at('2024-02-01') }],
        opportunity_features: [{ opportunity_id: 'O1', feature_id: 'F1' }],
      },
    );

    const out = join(dir, 'credits.csv');
    const attribute = await runCliCaptured(['attribute', path, '--out', out], { TRIBUTARY_HOME: dir });
    expect(attribute.code).toBe(0);
    expect(attribute.out).toContain(`Wrote 1 credit row to ${out}.\n`);
    expect(attribute.out).toContain('(1 won deal with no touch)');
    expect(readFileSync(out, 'utf8').trimEnd().split('\r\n')).toHaveLength(2);

    const lookback = await runCliCaptured(['attribute', path, '--lookback-days', '1'], { TRIBUTARY_HOME: dir });
    expect(lookback.out).toMatch(/^full-path \(upgrades: restart-at-opportunity, lookback 1 day\)$/m);

    const car = await runCliCaptured(['car', path], { TRIBUTARY_HOME: dir });
    expect(car.code).toBe(0);
    expect(car.out).toMatch(/roadmap +influenced [\d,.]+ in 1 deal,/);
  });

  it('demo: 1 account, 1 opportunity, 1 community member', () => {
    const one = {
      accounts: 1,
      contacts: 2,
      opportunities: 1,
      touchpoints: 0,
      communityMembers: 1,
      communityActions: 5,
      features: 1,
      opportunityFeatures: 1,
    };
    expect(describeStats(one)).toBe(
      '1 account, 2 contacts, 1 opportunity, 0 touchpoints, 1 community member, 5 community actions, ' +
        '1 feature, 1 opportunity feature',
    );
  });
});
