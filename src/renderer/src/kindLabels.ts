import type { OpportunityType } from '../../shared/importSpec';
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

/** How the app names each opportunity type (data.md), as a filter or a heading shows it. */
export const OPPORTUNITY_TYPE_LABELS: Record<OpportunityType, string> = {
  new_business: 'New business',
  upgrade: 'Upgrade',
  renewal: 'Renewal',
};
