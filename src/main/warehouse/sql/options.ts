import { OPPORTUNITY_TYPES } from '../../../shared/importSpec';
import { PRESET_WEIGHTS, type PositionWeights } from '../../../shared/modelOptions';
import { parseIsoDate } from '../../../shared/scope';
import { SqlOptionError, type SqlCreditModel, type SqlOptions, type UpgradePolicy } from './contract';
import { DAY_MS } from './sqlText';

/** The generator's options checked and with their defaults (cli.md), every value one the SQL can hold. */
export interface ResolvedSqlOptions {
  /** Each credited model with its position weights, or null for linear and time decay. */
  models: { model: SqlCreditModel; weights: PositionWeights | null }[];
  halfLifeDays: number;
  /** 0 = unlimited. */
  lookbackDays: number;
  upgradePolicy: UpgradePolicy;
  referralWindowDays: number;
  collapseRepeats: boolean;
  scope: {
    /** UTC ms, inclusive; null = open. */
    from: number | null;
    to: number | null;
    segments: string[];
    types: string[];
  };
}

const PRESETS = Object.keys(PRESET_WEIGHTS) as (keyof typeof PRESET_WEIGHTS)[];
export const SQL_CREDIT_MODELS: readonly SqlCreditModel[] = [...PRESETS, 'custom', 'linear', 'time-decay'];
const MAX_DAYS = 100_000; // ~270 years: any more is a typo, and the SQL's millisecond products stay exact.

export function resolveSqlOptions(options: SqlOptions = {}): ResolvedSqlOptions {
  const weights = options.weights === undefined ? undefined : checkWeights(options.weights);
  const names = options.models ?? [...PRESETS, ...(weights ? (['custom'] as const) : []), 'linear', 'time-decay'];
  if (names.length === 0) throw new SqlOptionError('name at least one model');
  const models = [...new Set(names)].map((model) => {
    if (!SQL_CREDIT_MODELS.includes(model)) {
      throw new SqlOptionError(
        `the SQL path has no model ${String(model)}: it credits ${SQL_CREDIT_MODELS.join(', ')}; markov and shapley ` +
          'are solved on the path summary (tributary solve) or run by the built-in engine (tributary attribute)',
      );
    }
    if (model === 'custom') {
      if (!weights)
        throw new SqlOptionError('the custom model needs weights (--weights FT=..,LC=..,OC=..,CW=..,MID=..)');
      return { model, weights };
    }
    if (model === 'linear' || model === 'time-decay') return { model, weights: null };
    return { model, weights: PRESET_WEIGHTS[model] };
  });
  const halfLifeDays = options.halfLifeDays ?? 7;
  if (!(Number.isFinite(halfLifeDays) && halfLifeDays > 0 && halfLifeDays <= MAX_DAYS)) {
    throw new SqlOptionError(`the half-life must be above 0 days and at most ${MAX_DAYS}`);
  }
  const upgradePolicy = options.upgradePolicy ?? 'restart-at-opportunity';
  if (upgradePolicy !== 'restart-at-opportunity' && upgradePolicy !== 'account-lifetime') {
    throw new SqlOptionError('the upgrade policy is restart-at-opportunity or account-lifetime');
  }
  return {
    models,
    halfLifeDays,
    lookbackDays: wholeDays('lookback', options.lookbackDays ?? 0),
    upgradePolicy,
    referralWindowDays: wholeDays('referral window', options.referralWindowDays ?? 180),
    collapseRepeats: options.collapseRepeats ?? false,
    scope: resolveScope(options.scope ?? {}),
  };
}

function wholeDays(what: string, days: number): number {
  if (!(Number.isInteger(days) && days >= 0 && days <= MAX_DAYS)) {
    throw new SqlOptionError(`the ${what} is a whole number of days from 0 to ${MAX_DAYS}`);
  }
  return days;
}

function checkWeights(weights: PositionWeights): PositionWeights {
  const values = [weights.FT, weights.LC, weights.OC, weights.CW, weights.MID];
  if (!values.every((w) => Number.isFinite(w) && w >= 0)) {
    throw new SqlOptionError('each weight is a number of 0 or more');
  }
  if (values.reduce((sum, w) => sum + w, 0) <= 0) throw new SqlOptionError('at least one weight must be above 0');
  return weights;
}

function resolveScope(scope: NonNullable<SqlOptions['scope']>): ResolvedSqlOptions['scope'] {
  const unknown = Object.keys(scope).filter((key) => !['from', 'to', 'segments', 'types'].includes(key));
  if (unknown.length > 0) {
    throw new SqlOptionError(
      `the SQL path does not filter by ${unknown.join(', ')} (custom fields): run the built-in engine ` +
        '(tributary attribute <project> --where ...) for that scope',
    );
  }
  const date = (text: string | undefined, which: string): number | null => {
    if (text === undefined) return null;
    const time = parseIsoDate(text);
    if (time === null) throw new SqlOptionError(`--${which} ${text}: a date is written YYYY-MM-DD, e.g. 2024-07-01`);
    return time;
  };
  const from = date(scope.from, 'from');
  const toStart = date(scope.to, 'to');
  // spec 9: a date-only `to` means the end of that day, UTC.
  const to = toStart === null ? null : toStart + DAY_MS - 1;
  if (from !== null && to !== null && from > to) throw new SqlOptionError('the period starts after it ends');
  const types = scope.types ?? [];
  for (const type of types) {
    if (!(OPPORTUNITY_TYPES as readonly string[]).includes(type)) {
      throw new SqlOptionError(`no opportunity type ${String(type)}: ${OPPORTUNITY_TYPES.join(', ')}`);
    }
  }
  return { from, to, segments: scope.segments ?? [], types };
}
