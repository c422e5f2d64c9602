import { OPPORTUNITY_TYPES } from '../../shared/importSpec';
import { parseIsoDate, reportScopeSchema, type FieldFilter, type ReportScope } from '../../shared/scope';
import { UsageError, didYouMean } from './args';
import { optionHelp } from './wrap';
import { SERIES_PERIODS, type SeriesPeriod } from '../engine/series/series';
import { MODEL_OPTION_COLUMN } from './modelArgs';

/** The scope options of spec cli.md (attribution.md 9), shared by `attribute` and `car`; filters repeat. */
export const SCOPE_OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  segment: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  by: { type: 'string' },
  pipeline: { type: 'boolean' },
  'as-of': { type: 'string' },
} as const;

export const SCOPE_OPTION_HELP = [
  ['--from DATE', 'first day of the period, YYYY-MM-DD: deals closed (open ones: created) from then'],
  ['--to DATE', 'last day of the period, YYYY-MM-DD, whole'],
  ['--segment S', "only accounts of segment S ('' = none); repeat for several"],
  ['--type T', `only opportunities of type T (${OPPORTUNITY_TYPES.join(', ')}); repeat for several`],
  ['--where FIELD=VALUE', 'only deals whose custom field (of the deal, else of its account) is VALUE; repeatable'],
  ['--by P', 'also the figures by month, quarter or year (--json: "series"; text: a table)'],
  ['--pipeline', 'the open deals instead: attributed, community-attributed, influenced, sourced pipeline'],
  ['--as-of DATE', 'with --pipeline: journeys end at this date (default: the latest date in the data)'],
].flatMap(([option, description]) => optionHelp(option as string, description as string, MODEL_OPTION_COLUMN));

interface ScopeValues {
  from?: string;
  to?: string;
  segment?: string[];
  type?: string[];
  where?: string[];
}

/**
 * The scope the options describe. Values of one filter are OR-ed (`--where Region=EMEA --where Region=APAC`), filters
 * AND-ed; a value is taken as typed after the first `=` (it may hold one), and an empty one matches deals without one.
 */
export function parseScopeOptions(values: ScopeValues): ReportScope {
  const fields: FieldFilter[] = [];
  for (const raw of values.where ?? []) {
    const at = raw.indexOf('=');
    const field = at === -1 ? '' : raw.slice(0, at).trim();
    if (at === -1 || field === '') {
      throw new UsageError(
        `--where takes FIELD=VALUE (a custom field's header and a value), not ${JSON.stringify(raw)}`,
      );
    }
    const value = raw.slice(at + 1).trim();
    const existing = fields.find((filter) => filter.field === field);
    if (existing) existing.values.push(value);
    else fields.push({ field, values: [value] });
  }
  for (const type of values.type ?? []) {
    if (!(OPPORTUNITY_TYPES as readonly string[]).includes(type)) {
      throw new UsageError(
        `--type: unknown opportunity type ${JSON.stringify(type)}${didYouMean(type, OPPORTUNITY_TYPES)}; choose one of ${OPPORTUNITY_TYPES.join(', ')}`,
      );
    }
  }
  const parsed = reportScopeSchema.safeParse({
    ...(values.from !== undefined ? { from: values.from.trim() } : {}),
    ...(values.to !== undefined ? { to: values.to.trim() } : {}),
    ...(values.segment?.length ? { segments: values.segment.map((s) => s.trim()) } : {}),
    ...(values.type?.length ? { types: values.type } : {}),
    ...(fields.length ? { fields } : {}),
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = String(issue?.path[0] ?? '');
    const flag = path === 'from' || path === 'to' ? `--${path}` : path === 'segments' ? '--segment' : '--where';
    const given = path === 'from' ? values.from : path === 'to' ? values.to : undefined;
    const echo = given !== undefined && issue?.message.startsWith('a date') ? ` (got ${JSON.stringify(given)})` : '';
    throw new UsageError(`${flag}: ${issue?.message}${echo}`);
  }
  return parsed.data;
}

/** `--by month|quarter|year` (cli.md: the JSON gains `series`), or null when not given. */
export function parseSeriesOption(value: string | undefined): SeriesPeriod | null {
  if (value === undefined) return null;
  if ((SERIES_PERIODS as readonly string[]).includes(value)) return value as SeriesPeriod;
  throw new UsageError(
    `--by: unknown period ${JSON.stringify(value)}${didYouMean(value, SERIES_PERIODS)}; choose one of ${SERIES_PERIODS.join(', ')}`,
  );
}

/**
 * `--pipeline [--as-of DATE]` (cli.md, attribution.md 11): null for revenue; else the as-of time (the end of the
 * day given, UTC), or undefined for the default (the latest timestamp in the data).
 */
export function parsePipelineOptions(values: {
  pipeline?: boolean;
  'as-of'?: string;
  by?: string;
}): { asOf: number | undefined } | null {
  const asOfText = values['as-of'];
  if (!values.pipeline) {
    if (asOfText !== undefined) throw new UsageError('--as-of goes with --pipeline');
    return null;
  }
  if (values.by !== undefined) throw new UsageError('--by reports revenue; it does not go with --pipeline');
  if (asOfText === undefined) return { asOf: undefined };
  const day = parseIsoDate(asOfText.trim());
  if (day === null) {
    throw new UsageError(`--as-of: a date is written YYYY-MM-DD, e.g. 2024-07-01 (got ${JSON.stringify(asOfText)})`);
  }
  return { asOf: day + 86_400_000 - 1 };
}
