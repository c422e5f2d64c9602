import { describe, expect, it } from 'vitest';
import { useApiSession } from '../helpers/api';
import { at, writeRows, type Rows } from './build';

const apiSession = useApiSession();

/** Four deals of two accounts: touches before each close, one community action; one deal's account is unknown. */
const ROWS: Rows = {
  accounts: [
    { account_id: 'acme', domain: 'acme.com' },
    { account_id: 'globex', domain: 'globex.com' },
  ],
  contacts: [{ contact_id: 'c1', account_id: 'acme', email: 'a@acme.com' }],
  opportunities: [
    {
      opportunity_id: 'OPP-1',
      account_id: 'acme',
      stage: 'won',
      amount: 500,
      created_at: at('2025-02-01'),
      closed_at: at('2025-03-01'),
    },
    {
      opportunity_id: 'OPP-2',
      account_id: 'globex',
      stage: 'lost',
      amount: 2000,
      created_at: at('2025-02-01'),
      closed_at: at('2025-04-01'),
    },
    { opportunity_id: 'OPP-3', account_id: 'acme', stage: 'open', amount: 900, created_at: at('2025-05-01') },
    {
      opportunity_id: 'OPP-4',
      account_id: 'nowhere',
      stage: 'won',
      amount: 0,
      created_at: at('2025-01-01'),
      closed_at: at('2025-06-01'),
    },
  ],
  touchpoints: [
    { touchpoint_id: 't1', contact_id: 'c1', account_id: 'acme', occurred_at: at('2025-01-10'), channel: 'Email' },
    { touchpoint_id: 't2', contact_id: 'c1', account_id: 'acme', occurred_at: at('2025-02-10'), channel: 'Ads' },
    { touchpoint_id: 't3', account_id: 'globex', occurred_at: at('2025-01-20'), channel: 'Email' },
  ],
  community_members: [{ member_id: 'm1', email: 'a@acme.com' }],
  community_actions: [{ action_id: 'a1', member_id: 'm1', occurred_at: at('2025-01-15'), action_type: 'post' }],
};

async function project() {
  const opened = await apiSession('Browse');
  writeRows(opened.session.require(), ROWS);
  return opened;
}

const ids = (rows: { opportunityId: string }[]) => rows.map((row) => row.opportunityId);

describe('journey:list, the browsable opportunities', () => {
  it('lists every opportunity sorted by amount, with its journey’s touches, an odd account included', async () => {
    const { call } = await project();
    const list = await call('journey:list', {});
    expect(list.total).toBe(4);
    expect(ids(list.rows)).toEqual(['OPP-2', 'OPP-3', 'OPP-1', 'OPP-4']);
    const won = list.rows.find((row) => row.opportunityId === 'OPP-1');
    expect(won).toMatchObject({ accountId: 'acme', stage: 'won', amount: 500, touches: 3, communityTouches: 1 });
    expect(list.rows.find((row) => row.opportunityId === 'OPP-3')).toMatchObject({
      closedAt: null,
      touches: null,
      communityTouches: null,
    });
    expect(list.rows.find((row) => row.opportunityId === 'OPP-4')).toMatchObject({ amount: 0, touches: 0 });
    const ascending = await call('journey:list', { sort: { column: 'amount', direction: 'ascending' } });
    expect(ids(ascending.rows)).toEqual(['OPP-4', 'OPP-1', 'OPP-3', 'OPP-2']);
  });

  it('sorts by close date and touches with the deals that have none last, and pages', async () => {
    const { call } = await project();
    const byClose = await call('journey:list', { sort: { column: 'closedAt', direction: 'ascending' } });
    expect(ids(byClose.rows)).toEqual(['OPP-1', 'OPP-2', 'OPP-4', 'OPP-3']);
    const byTouches = await call('journey:list', { sort: { column: 'touches', direction: 'descending' } });
    expect(ids(byTouches.rows)).toEqual(['OPP-1', 'OPP-2', 'OPP-4', 'OPP-3']);
    const byCommunity = await call('journey:list', { sort: { column: 'communityTouches', direction: 'descending' } });
    expect(ids(byCommunity.rows)[0]).toBe('OPP-1');
    const page = await call('journey:list', { offset: 1, limit: 2 });
    expect(page).toMatchObject({ total: 4, offset: 1 });
    expect(ids(page.rows)).toEqual(['OPP-3', 'OPP-1']);
  });

  it('filters by stage, by text over id, name and account, and by the report scope', async () => {
    const { call } = await project();
    expect(ids((await call('journey:list', { stage: 'lost' })).rows)).toEqual(['OPP-2']);
    expect(ids((await call('journey:list', { stage: 'won' })).rows)).toEqual(['OPP-1', 'OPP-4']);
    expect(ids((await call('journey:list', { text: 'ACME' })).rows)).toEqual(['OPP-3', 'OPP-1']);
    expect(ids((await call('journey:list', { text: 'opp-4' })).rows)).toEqual(['OPP-4']);
    const none = await call('journey:list', { text: 'zzz' });
    expect(none).toEqual({ total: 0, offset: 0, rows: [] });
    const scoped = await call('journey:list', { scope: { from: '2025-03-15' } });
    expect(ids(scoped.rows)).not.toContain('OPP-1');
    // The same filters over another scope are listed afresh, not read from the last sorted list.
    const scopedPage = await call('journey:list', { scope: { from: '2025-03-15' }, offset: 1 });
    expect(scopedPage.total).toBe(scoped.total);
    expect((await call('journey:list', { offset: 1 })).total).toBe(4);
  });
});
