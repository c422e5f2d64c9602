/**
 * The contract of the SQL generator (issue 19): what `generateAttributionSql` reads, what it creates, and how it is
 * called. Part B (the DuckDB runner, `tributary attribute --engine duckdb`, `tributary solve`) builds on these names;
 * they stay stable, and a change is announced in a commit starting "contract:".
 *
 * Input form. The canonical tables of data.md under their own names, as a Tributary project file stores them
 * (src/main/store/migrations/0001_init.sql), so the `sqlite` dialect runs on a project file as it is:
 * - every timestamp is UTC milliseconds, a BIGINT (INTEGER); a date-only milestone date already stored as the end of
 *   its day and a date-only occurred_at as its start (spec 1);
 * - `opportunities.type` is one of new_business | upgrade | renewal, `opportunities.stage` one of won | lost | open,
 *   `community_actions.action_type` one of the action types of data.md (normalised, as the import writes them);
 * - amounts are DOUBLE (REAL); blank text is NULL.
 * Only the columns listed in INPUT_COLUMNS are read; any other column (custom fields, raw values) is ignored. Identity
 * resolution (data.md) is done by the script itself from these tables: a folder of CSV files has no resolved
 * identities, so the project file's member_identities and member_moves are not read.
 */

import type { OpportunityType } from '../../../shared/importSpec';
import type { ModelOptions, PositionModel, PositionWeights } from '../../../shared/modelOptions';

/** spec 4: how upgrade and renewal journeys are built. */
export type UpgradePolicy = ModelOptions['upgradePolicy'];

export type SqlDialect = 'duckdb' | 'postgres' | 'sqlite';
export const SQL_DIALECTS: readonly SqlDialect[] = ['duckdb', 'postgres', 'sqlite'];

/** The per-touch models the script credits (spec 5): every position model, linear and time decay. */
export type SqlCreditModel = Exclude<PositionModel, 'custom'> | 'custom' | 'linear' | 'time-decay';

/** The data-driven models whose channel weights the spread statement puts onto touches (spec 6). */
export type SqlDataDrivenModel = 'markov' | 'shapley';

/** A report scope (spec 9) as the SQL path implements it: period and the built-in filters, no custom fields. */
export interface SqlScope {
  /** First day of the period, `YYYY-MM-DD`, inclusive. */
  from?: string;
  /** Last day of the period, `YYYY-MM-DD`, inclusive to its end (UTC). */
  to?: string;
  /** Account segments; '' = accounts without one. */
  segments?: string[];
  types?: OpportunityType[];
}

export interface SqlOptions {
  /**
   * The models whose per-touch credits are written to `tributary_touch_credits` (and read through the view
   * `tributary_credits`); default: the eight presets, linear and
   * time decay (and `custom` when `weights` is given).
   */
  models?: SqlCreditModel[];
  /** The weights of the `custom` model (spec 5), percentages, each >= 0, not all 0. */
  weights?: PositionWeights;
  /** Time decay's half-life (spec 5), default 7. */
  halfLifeDays?: number;
  /** spec 3: 0 = unlimited (default). */
  lookbackDays?: number;
  /** spec 4, default restart-at-opportunity. */
  upgradePolicy?: UpgradePolicy;
  /** spec 7, default 180. */
  referralWindowDays?: number;
  /** spec 6: collapse consecutive repeats of a channel in the path summary; default false. */
  collapseRepeats?: boolean;
  /** spec 9; default: every opportunity. */
  scope?: SqlScope;
}

/** One statement of the script: the object it creates, its SQL (no trailing semicolon), and the spec it implements. */
export interface SqlStatement {
  /** The table it creates (one of CREATED_TABLES), or a short name for a statement that creates none. */
  name: string;
  sql: string;
  /** e.g. `attribution.md 3-4` or `data.md, identity resolution`. */
  specSection: string;
  /** The object is a view (dropped with DROP VIEW), not a table. */
  view?: boolean;
}

/**
 * The attribution script: drops and creates every table of CREATED_TABLES except the spread's, in order. Values from
 * the data are never interpolated; option values that must appear (weights, half-life, window days, scope dates and
 * filters) are validated first, numbers written as numeric literals and strings as escaped literals. Throws
 * `SqlOptionError` for an option it does not implement or an invalid value.
 */
export type GenerateAttributionSql = (dialect: SqlDialect, options?: SqlOptions) => SqlStatement[];

/**
 * The spread of data-driven channel weights onto touches (spec 6, credit), run after the attribution script and
 * after a `channel_weights(channel TEXT, weight DOUBLE)` table was filled (by `tributary solve`): creates
 * `tributary_data_driven_credits`. `model` only labels the rows.
 */
export type GenerateSpreadSql = (dialect: SqlDialect, model: SqlDataDrivenModel) => SqlStatement[];

/** The whole script as text: each statement preceded by its comment, ended by `;`. */
export type RenderSqlScript = (statements: SqlStatement[]) => string;

/** The input tables and the columns the script reads (see the input form above). */
export const INPUT_COLUMNS = {
  accounts: ['account_id', 'domain', 'segment'],
  contacts: ['contact_id', 'account_id', 'email', 'lead_created_at'],
  opportunities: ['opportunity_id', 'account_id', 'type', 'stage', 'amount', 'created_at', 'closed_at'],
  touchpoints: ['touchpoint_id', 'contact_id', 'account_id', 'occurred_at', 'channel'],
  community_members: ['member_id', 'email', 'company_domain'],
  community_actions: [
    'action_id',
    'member_id',
    'occurred_at',
    'action_type',
    'channel',
    'target_email',
    'target_domain',
    'opportunity_id',
  ],
} as const;

/** spec 3-4: the 0/1 flags of the positions a journey touch holds (a middle touch holds none of the four others). */
const POSITION_FLAGS = ['is_ft', 'is_lc', 'is_oc', 'is_cw', 'is_mid'] as const;

/**
 * Every table the scripts create (tributary_credits is a view), with its columns, in creation order. `touch_kind` is 'marketing' or 'community';
 * positions are 0/1 integer flags; money and credits DOUBLE; times BIGINT UTC ms.
 */
export const CREATED_TABLES = {
  /** data.md, identity resolution: each member's contact and account (NULLs when unresolved) and how. */
  tributary_member_identities: ['member_id', 'contact_id', 'account_id', 'method'],
  /** data.md: job moves, the account a member belongs to from moved_at on (NULL: none in the project). */
  tributary_member_moves: ['action_id', 'member_id', 'moved_at', 'to_account_id'],
  /**
   * data.md, spec 1: every community action with its member's account at its time (NULL: none), job moves applied;
   * the touches and the sourcing links read it.
   */
  tributary_actions: [
    'action_id',
    'member_id',
    'occurred_at',
    'action_type',
    'channel',
    'target_email',
    'target_domain',
    'opportunity_id',
    'account_id',
  ],
  /** spec 1: every touch with its account; community actions of members no account holds at the time are left out. */
  tributary_touches: ['account_id', 'touch_kind', 'touch_id', 'occurred_at', 'channel', 'action_type', 'member_id'],
  /** spec 9: the in-scope opportunities, every stage (all of them without a scope). */
  tributary_scope: ['opportunity_id'],
  /**
   * spec 3-4: one row per touch of each in-scope won or lost opportunity's journey; `seq` is its 1-based place in
   * spec 1's order, `touch_count` the journey's length, `restarted` 1 for an upgrade mini-journey (spec 4).
   */
  tributary_journey_touches: [
    'opportunity_id',
    'account_id',
    'stage',
    'opportunity_type',
    'amount',
    'closed_at',
    'restarted',
    'seq',
    'touch_count',
    'touch_kind',
    'touch_id',
    'occurred_at',
    'channel',
    'action_type',
    ...POSITION_FLAGS,
  ],
  /**
   * spec 5: one row per won journey touch with its position flags, then one column of credit per requested model,
   * named `credit_` and the model's name with `_` for `-` (`credit_first_touch`, ..., `credit_linear`,
   * `credit_time_decay`, `credit_custom`).
   */
  tributary_touch_credits: ['opportunity_id', 'touch_kind', 'touch_id', 'channel', 'action_type', ...POSITION_FLAGS],
  /**
   * spec 5, a VIEW of tributary_touch_credits: one row per (model, won journey touch); the credits of one won journey
   * sum to its amount per model.
   */
  tributary_credits: ['model', 'opportunity_id', 'touch_kind', 'touch_id', 'channel', 'action_type', 'credit'],
  /** spec 5: the in-scope won opportunities with no touch. */
  tributary_unattributed: ['opportunity_id', 'amount'],
  /** spec 2 and 5, one row: in-scope won revenue, its unattributed part, and the counts. */
  tributary_revenue: ['won_revenue', 'unattributed_revenue', 'won_count', 'unattributed_count'],
  /**
   * spec 7: every sourcing link of an in-scope opportunity (FT/OC community touches of won journeys, and the three
   * link types naming a deal of any stage); one opportunity may have several. Same `source` values as below.
   */
  tributary_sourcing_links: ['opportunity_id', 'source', 'action_id', 'occurred_at'],
  /**
   * spec 7: the earliest sourcing action of each in-scope opportunity the community sourced (any stage: only won
   * ones count as sourced CAR). `source`: first_touch | opportunity_creation | internal_referral |
   * external_referral | job_move.
   */
  tributary_sourced: ['opportunity_id', 'stage', 'opportunity_type', 'amount', 'source', 'action_id', 'occurred_at'],
  /**
   * spec 7: CAR per model and category. `category` 'all' is the overall figure; then internal_referral,
   * external_referral, job_move, upgrade, engagement. NULL where a measure does not apply to a category
   * (influenced for the link types, influenced and sourced for engagement).
   */
  tributary_car: ['model', 'category', 'attributed', 'influenced', 'sourced'],
  /**
   * spec 7, also reported: attributed CAR per position (FT, LC, OC, CW, MID) per model; a community touch holding
   * several milestones splits its credit over them in proportion to the model's weights (equally for linear and time
   * decay, or when those it holds weigh 0).
   */
  tributary_car_positions: ['model', 'position', 'attributed'],
  /** spec 7, also reported, one row: in-scope won deals, community touches in their journeys, and the ratio. */
  tributary_community_touches: ['won_count', 'community_touches', 'per_won_deal'],
  /**
   * spec 6: the in-scope won and lost journeys with a touch, grouped by path. `path` is the JSON array of the
   * channels in spec 1 order (consecutive repeats collapsed when asked), `channel_set` the JSON array of its distinct
   * channels in code-point order; `conversions` the won journeys, `nulls` the lost ones, `value` the won amount.
   */
  tributary_path_summary: ['path', 'channel_set', 'conversions', 'nulls', 'value'],
  /**
   * spec 6, credit: made by the spread statement from `channel_weights` (negatives count as 0): one row per won
   * journey touch.
   */
  tributary_data_driven_credits: ['model', 'opportunity_id', 'touch_kind', 'touch_id', 'channel', 'credit'],
} as const;

export type CreatedTable = keyof typeof CREATED_TABLES;

/** The table the spread statement reads, filled by `tributary solve` (or any other solver). */
export const CHANNEL_WEIGHTS_TABLE = { channel_weights: ['channel', 'weight'] } as const;

/** An option the SQL path does not implement, or an invalid option value: the message names which. */
export class SqlOptionError extends Error {
  override name = 'SqlOptionError';
}

/**
 * Where the implementations live: `src/main/warehouse/sql/generate.ts` exports `generateAttributionSql`,
 * `generateSpreadSql` and `renderSqlScript`, of the types above.
 */
export const GENERATOR_MODULE = 'src/main/warehouse/sql/generate.ts';
