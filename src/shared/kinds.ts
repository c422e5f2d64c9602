/**
 * The kinds of CSV a project holds (spec data.md), in the order the app lists them. Each is stored in the table of
 * the same name (schema 0001), so a kind is also a table name.
 */
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
