import type { Rows } from './build';
import { action, lostDeal, touchpoint, wonDeal } from './rows';

/**
 * One won deal of 1000 on an account with no lead date, so LC is missing: ads is its FT, a community post its middle
 * touch, email its OC (the last touch before the deal was created) and events its CW. Under weights w the deal's
 * touches get 1000 w_p / (w_FT + w_OC + w_CW + w_MID) each (spec 5: LC's weight is spread over the others).
 */
export const HAND: Rows = {
  accounts: [{ account_id: 'A1', domain: 'a1.com' }],
  contacts: [{ contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com' }],
  community_members: [{ member_id: 'M1', email: 'm1@a1.com' }],
  opportunities: [wonDeal({ id: 'D1', account: 'A1', amount: 1000, created: '2024-02-01', closed: '2024-03-31' })],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T3', account: 'A1', when: '2024-01-20', channel: 'email' }),
    touchpoint({ id: 'T4', account: 'A1', when: '2024-03-01', channel: 'events' }),
  ],
  community_actions: [action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'post', channel: 'forum' })],
};

/** Several deals with different presence patterns, a lost one, an upgrade and a referral, for the general checks. */
export const MIXED: Rows = {
  accounts: ['A1', 'A2', 'A3', 'A4'].map((id) => ({ account_id: id, domain: `${id.toLowerCase()}.com` })),
  contacts: [
    { contact_id: 'C1', account_id: 'A1', email: 'm1@a1.com', lead_created_at: Date.parse('2024-01-15T00:00:00Z') },
    { contact_id: 'C2', account_id: 'A2', email: 'm2@a2.com' },
  ],
  community_members: [
    { member_id: 'M1', email: 'm1@a1.com' },
    { member_id: 'M2', email: 'm2@a2.com' },
  ],
  opportunities: [
    wonDeal({ id: 'D1', account: 'A1', amount: 1000, created: '2024-02-01', closed: '2024-03-31' }),
    wonDeal({ id: 'D2', account: 'A2', amount: 600, created: '2024-02-10', closed: '2024-04-30' }),
    wonDeal({ id: 'D3', account: 'A3', amount: 300, created: '2024-01-05', closed: '2024-01-31' }),
    lostDeal({ id: 'D4', account: 'A4', amount: 900, created: '2024-03-01', closed: '2024-04-15' }),
    wonDeal({ id: 'U1', account: 'A1', amount: 250, created: '2024-05-01', closed: '2024-06-20', type: 'upgrade' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T2', account: 'A1', when: '2024-01-14', channel: 'email' }),
    touchpoint({ id: 'T3', account: 'A1', when: '2024-03-01', channel: 'events' }),
    touchpoint({ id: 'T4', account: 'A2', when: '2024-01-03', channel: 'ads' }),
    touchpoint({ id: 'T5', account: 'A2', when: '2024-03-03', channel: 'web' }),
    touchpoint({ id: 'T6', account: 'A3', when: '2024-01-02', channel: 'web' }),
    touchpoint({ id: 'T7', account: 'A4', when: '2024-02-01', channel: 'ads' }),
    touchpoint({ id: 'T8', account: 'A1', when: '2024-06-01', channel: 'email' }),
  ],
  community_actions: [
    action({ id: 'X1', member: 'M1', when: '2024-01-10', type: 'post', channel: 'forum' }),
    action({ id: 'X2', member: 'M2', when: '2024-02-20', type: 'reply', channel: 'forum' }),
    action({ id: 'X3', member: 'M1', when: '2024-05-15', type: 'answer', channel: 'forum' }),
    action({ id: 'X4', member: 'M2', when: '2024-01-20', type: 'internal_referral', opportunity: 'D2' }),
  ],
};
