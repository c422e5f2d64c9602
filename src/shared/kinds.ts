/** The kinds of CSV a project holds (spec data.md), in the order the app lists them. */
export const DATA_KINDS = [
  'accounts',
  'contacts',
  'opportunities',
  'touchpoints',
  'community_members',
  'community_actions',
  'features',
  'opportunity_features',
] as const;

export type DataKind = (typeof DATA_KINDS)[number];
