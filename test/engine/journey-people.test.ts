import { describe, expect, it } from 'vitest';
import { useApiSession } from '../helpers/api';
import { at, writeRows, type Rows } from './build';

const apiSession = useApiSession();

/**
 * One won deal of Acme whose journey has a touch by each kind of person (issue 17, people not ids): a named contact,
 * a contact without a name, a contact the project lacks, no contact at all (an account-level touchpoint), a named
 * member and a member without a name. Globex has no name.
 */
const ROWS: Rows = {
  accounts: [
    { account_id: 'acme', name: 'Acme Corp', domain: 'acme.com' },
    { account_id: 'globex', domain: 'globex.com' },
  ],
  contacts: [
    { contact_id: 'c1', account_id: 'acme', email: 'ada@acme.com', first_name: 'Ada', last_name: 'Lovelace' },
    { contact_id: 'c2', account_id: 'acme', email: 'grace@acme.com', first_name: 'Grace' },
    { contact_id: 'c3', account_id: 'acme', email: 'anon@acme.com' },
  ],
  opportunities: [
    {
      opportunity_id: 'OPP-1',
      account_id: 'acme',
      stage: 'won',
      amount: 600,
      created_at: at('2025-02-01'),
      closed_at: at('2025-03-01'),
    },
    {
      opportunity_id: 'OPP-2',
      account_id: 'globex',
      stage: 'lost',
      amount: 100,
      created_at: at('2025-02-01'),
      closed_at: at('2025-03-01'),
    },
  ],
  touchpoints: [
    { touchpoint_id: 't1', contact_id: 'c1', account_id: 'acme', occurred_at: at('2025-01-01'), channel: 'Email' },
    { touchpoint_id: 't2', contact_id: 'c3', account_id: 'acme', occurred_at: at('2025-01-02'), channel: 'Email' },
    { touchpoint_id: 't3', contact_id: 'c9', account_id: 'acme', occurred_at: at('2025-01-03'), channel: 'Ads' },
    { touchpoint_id: 't4', account_id: 'acme', occurred_at: at('2025-01-04'), channel: 'Ads' },
    { touchpoint_id: 't5', contact_id: 'c2', account_id: 'acme', occurred_at: at('2025-01-05'), channel: 'Ads' },
  ],
  community_members: [
    { member_id: 'm1', email: 'ada@acme.com', name: 'Ada L.' },
    { member_id: 'm2', email: 'anon@acme.com' },
  ],
  community_actions: [
    { action_id: 'a1', member_id: 'm1', occurred_at: at('2025-01-06'), action_type: 'post' },
    { action_id: 'a2', member_id: 'm2', occurred_at: at('2025-01-07'), action_type: 'reply' },
  ],
};

describe('people, not ids, in the journey API', () => {
  it('names each touch’s contact or member, keeping the id and null where no name exists', async () => {
    const opened = await apiSession('People');
    writeRows(opened.session.require(), ROWS);
    const detail = await opened.call('journey:detail', { opportunityId: 'OPP-1', options: {} });
    expect(detail.accountName).toBe('Acme Corp');
    expect(detail.touches.map((touch) => [touch.id, touch.person])).toEqual([
      ['t1', { id: 'c1', name: 'Ada Lovelace' }],
      ['t2', { id: 'c3', name: null }],
      ['t3', { id: 'c9', name: null }],
      ['t4', null],
      ['t5', { id: 'c2', name: 'Grace' }],
      ['a1', { id: 'm1', name: 'Ada L.' }],
      ['a2', { id: 'm2', name: null }],
    ]);
  });

  it('gives each listed deal its account’s name, null for an account without one', async () => {
    const opened = await apiSession('People');
    writeRows(opened.session.require(), ROWS);
    const list = await opened.call('journey:list', {});
    expect(list.rows.map((row) => [row.opportunityId, row.accountId, row.accountName])).toEqual([
      ['OPP-1', 'acme', 'Acme Corp'],
      ['OPP-2', 'globex', null],
    ]);
    // The text finds a deal by its account's name, as the list shows it.
    const byName = await opened.call('journey:list', { text: 'acme CORP' });
    expect(byName.rows.map((row) => row.opportunityId)).toEqual(['OPP-1']);
    const none = await opened.call('journey:list', { text: 'Initech' });
    expect(none.total).toBe(0);
  });
});
