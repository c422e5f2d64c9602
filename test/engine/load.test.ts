import { describe, expect, it } from 'vitest';
import { loadEngineData, type EngineData } from '../../src/main/engine/arrays/load';
import { readRows, type Rows } from './build';
import { action } from './rows';

const engineDataOf = (rows: Rows): EngineData => readRows(rows, (db) => loadEngineData(db));

describe('loadEngineData', () => {
  it('matches an email or a domain shared by several rows to the smallest id, in SQLite order', () => {
    const { data, community } = engineDataOf({
      accounts: [
        { account_id: 'A1', domain: 'Shared.com' },
        { account_id: 'A2', domain: ' shared.com' },
        { account_id: 'A3', domain: 'gmail.com' },
      ],
      contacts: [
        // Code points: U+FF21 sorts before U+1F600, though its UTF-16 code unit is above U+1F600's first one.
        { contact_id: 'c-\u{1F600}', account_id: 'A2', email: 'Pat@X.com' },
        { contact_id: 'c-\uFF21', account_id: 'A1', email: ' pat@x.com ' },
        { contact_id: 'k2', account_id: 'A2', email: 'kim@y.com' },
        { contact_id: 'k10', account_id: 'A3', email: 'KIM@y.com' },
        { contact_id: 'k0', account_id: null, email: 'kim@y.com' },
        { contact_id: 'n1', account_id: 'A1', email: 'nobody-refers@x.com' },
      ],
      // CAR looks up the emails referrals target, so those are the ones mapped (as written, or normalised).
      community_actions: [
        action({ id: 'r1', member: 'm1', when: 1, type: 'external_referral', targetEmail: ' PAT@x.com' }),
        action({ id: 'r2', member: 'm1', when: 2, type: 'external_referral', targetEmail: 'kim@y.com' }),
      ],
    });
    const account = (id: string) => data.accounts.find(id);
    expect(community.accountByEmail.get('pat@x.com')).toBe(account('A1'));
    expect(community.accountByEmail.get('kim@y.com')).toBe(account('A3'));
    expect(community.accountByEmail.has('nobody-refers@x.com')).toBe(false);
    expect(community.accountByDomain.get('shared.com')).toBe(account('A1'));
    // data.md: free-mail domains never match an account.
    expect(community.accountByDomain.has('gmail.com')).toBe(false);
  });
});
