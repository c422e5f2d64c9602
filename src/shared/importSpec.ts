import type { DataKind } from './kinds';

/**
 * What each kind of CSV holds (spec data.md), shared by the import engine and the import wizard. Canonical column
 * names import with no mapping; `*` in data.md is `required` here.
 */

export type ColumnType =
  /** A row id or a reference to another row's id: trimmed text, never empty when required. */
  | 'id'
  | 'text'
  /** Trimmed and lower-cased; must look like an address. */
  | 'email'
  /** Lower-cased host name, taken from a URL or an address if one is given. */
  | 'domain'
  | 'integer'
  /** Non-negative money in the project currency; thousands separators, currency signs, decimal comma. */
  | 'amount'
  /** A date a journey is cut at (lead created, opportunity created/closed): date-only means end of day (spec 1). */
  | 'milestoneDate'
  /** When something happened: date-only means start of day (spec 1). */
  | 'eventDate'
  /** won / lost / open, or a CRM stage name mapped to one of them (data.md). */
  | 'stage'
  /** new_business / upgrade / renewal, or a CRM type name mapped to one of them (data.md). */
  | 'opportunityType'
  /** One of the community action types; unknown values import as `other` with a warning (data.md). */
  | 'actionType';

export interface ColumnSpec {
  name: string;
  type: ColumnType;
  /** The file must have a column for it, and (unless `blankAllowed`) every row a value in it. */
  required: boolean;
  /** A required column whose cell may be blank where a rule across the row allows it (an open deal's amount). */
  blankAllowed?: boolean;
}

export interface KindSpec {
  kind: DataKind;
  columns: ColumnSpec[];
  /** The columns that identify a row: re-importing updates by them (data.md, re-import). */
  key: string[];
  /** Groups of which at least one column must be given (touchpoints: `contact_id` or `account_id`). */
  oneOf?: string[][];
}

const col = (name: string, type: ColumnType, required = false): ColumnSpec => ({ name, type, required });
/** data.md: `amount` is required for won and lost opportunities; an open one may have none (unvalued pipeline). */
const openAmount: ColumnSpec = { name: 'amount', type: 'amount', required: true, blankAllowed: true };

export const KIND_SPECS: Record<DataKind, KindSpec> = {
  accounts: {
    kind: 'accounts',
    key: ['account_id'],
    columns: [
      col('account_id', 'id', true),
      col('name', 'text'),
      col('domain', 'domain'),
      col('segment', 'text'),
      col('employees', 'integer'),
    ],
  },
  contacts: {
    kind: 'contacts',
    key: ['contact_id'],
    columns: [
      col('contact_id', 'id', true),
      col('account_id', 'id'),
      col('email', 'email'),
      col('first_name', 'text'),
      col('last_name', 'text'),
      col('title', 'text'),
      col('lead_created_at', 'milestoneDate'),
    ],
  },
  opportunities: {
    kind: 'opportunities',
    key: ['opportunity_id'],
    columns: [
      col('opportunity_id', 'id', true),
      col('account_id', 'id', true),
      col('name', 'text'),
      col('type', 'opportunityType'),
      col('stage', 'stage', true),
      openAmount,
      col('created_at', 'milestoneDate', true),
      col('closed_at', 'milestoneDate'),
    ],
  },
  touchpoints: {
    kind: 'touchpoints',
    key: ['touchpoint_id'],
    oneOf: [['contact_id', 'account_id']],
    columns: [
      col('touchpoint_id', 'id', true),
      col('contact_id', 'id'),
      col('account_id', 'id'),
      col('occurred_at', 'eventDate', true),
      col('channel', 'text', true),
      col('campaign', 'text'),
      col('source', 'text'),
      col('medium', 'text'),
    ],
  },
  community_members: {
    kind: 'community_members',
    key: ['member_id'],
    columns: [
      col('member_id', 'id', true),
      col('email', 'email'),
      col('name', 'text'),
      col('platform', 'text'),
      col('company_domain', 'domain'),
      col('joined_at', 'eventDate'),
    ],
  },
  community_actions: {
    kind: 'community_actions',
    key: ['action_id'],
    columns: [
      col('action_id', 'id', true),
      col('member_id', 'id', true),
      col('occurred_at', 'eventDate', true),
      col('action_type', 'actionType', true),
      col('channel', 'text'),
      col('target_email', 'email'),
      col('target_domain', 'domain'),
      col('feature_id', 'id'),
      col('opportunity_id', 'id'),
    ],
  },
  features: {
    kind: 'features',
    key: ['feature_id'],
    columns: [col('feature_id', 'id', true), col('name', 'text'), col('shipped_at', 'eventDate')],
  },
  opportunity_features: {
    kind: 'opportunity_features',
    key: ['opportunity_id', 'feature_id'],
    columns: [col('opportunity_id', 'id', true), col('feature_id', 'id', true)],
  },
};

export const ACTION_TYPES = [
  'internal_referral',
  'external_referral',
  'job_move',
  'feature_request',
  'post',
  'reply',
  'reaction',
  'event_attended',
  'answer',
  'other',
] as const;
export type ActionType = (typeof ACTION_TYPES)[number];

export const STAGES = ['won', 'lost', 'open'] as const;
export type Stage = (typeof STAGES)[number];

export const OPPORTUNITY_TYPES = ['new_business', 'upgrade', 'renewal'] as const;
export type OpportunityType = (typeof OPPORTUNITY_TYPES)[number];

/** How a file writes dates: settled per file from its values, or asked; never guessed row by row (data.md). */
export type DateOrder = 'iso' | 'month-first' | 'day-first';

export interface ValueFormats {
  dateOrder: DateOrder;
  decimalComma: boolean;
}

/**
 * A mapping turns one file's columns into a kind's columns: `columns` maps each canonical column to the file's
 * header that fills it (absent: not in this file), and value maps translate CRM words for stage and type (keys
 * compared case-insensitively, trimmed), on top of data.md's defaults.
 */
export interface ImportMapping {
  kind: DataKind;
  columns: Record<string, string>;
  stageValues?: Record<string, Stage>;
  typeValues?: Record<string, OpportunityType>;
  formats: ValueFormats;
}
