import type { DataKind } from '../../shared/kinds';

/** How the app names each kind of data to people (data.md's kinds). */
export const KIND_LABELS: Record<DataKind, string> = {
  accounts: 'Accounts',
  contacts: 'Contacts',
  opportunities: 'Opportunities',
  touchpoints: 'Marketing touchpoints',
  community_members: 'Community members',
  community_actions: 'Community actions',
  features: 'Features',
  opportunity_features: 'Opportunity–feature links',
};
