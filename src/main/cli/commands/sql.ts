import { writeFileSync } from 'node:fs';
import { MODEL_NAMES } from '../../../shared/modelOptions';
import {
  SQL_DIALECTS,
  SqlOptionError,
  type SqlCreditModel,
  type SqlDataDrivenModel,
  type SqlDialect,
  type SqlOptions,
} from '../../warehouse/sql/contract';
import { generateAttributionSql, generateSpreadSql, renderSqlScript } from '../../warehouse/sql/generate';
import { SQL_CREDIT_MODELS } from '../../warehouse/sql/options';
import { atMostOne, didYouMean, parseCommandArgs, UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import { parseModelOptions, parseWeights } from '../modelArgs';
import { parseScopeOptions } from '../scopeArgs';
import { optionHelp } from '../wrap';

const OPTIONS = {
  dialect: { type: 'string' },
  model: { type: 'string', multiple: true },
  weights: { type: 'string' },
  'half-life-days': { type: 'string' },
  'lookback-days': { type: 'string' },
  'upgrade-policy': { type: 'string' },
  'referral-window-days': { type: 'string' },
  'collapse-repeats': { type: 'boolean' },
  from: { type: 'string' },
  to: { type: 'string' },
  segment: { type: 'string', multiple: true },
  type: { type: 'string', multiple: true },
  spread: { type: 'string' },
  out: { type: 'string' },
  // Options of the built-in engine the SQL path does not implement: taken only to be refused by name.
  where: { type: 'string', multiple: true },
  'markov-order': { type: 'string' },
  'roadmap-share': { type: 'string' },
  by: { type: 'string' },
  pipeline: { type: 'boolean' },
  'as-of': { type: 'string' },
} as const;

/** What the built-in engine does that the SQL path does not, and where to get it. */
const BUILT_IN_ONLY: Partial<Record<keyof typeof OPTIONS, string>> = {
  where: 'custom-field filters (--where)',
  'markov-order': 'Markov chains (--markov-order; the script builds the path summary for tributary solve)',
  'roadmap-share': 'roadmap CAR (--roadmap-share)',
  by: 'series by period (--by)',
  pipeline: 'pipeline attribution (--pipeline)',
  'as-of': 'pipeline attribution (--as-of)',
};

export const SQL_OPTION_HELP = [
  ['--dialect D', `${SQL_DIALECTS.join(', ')} (required)`],
  [
    '--model M',
    `credit M only, one of ${SQL_CREDIT_MODELS.join(', ')}; repeat for several (default: all but custom, ` +
      'and custom too with --weights)',
  ],
  ['--weights W', 'FT=..,LC=..,OC=..,CW=..,MID=..: the custom model, added to the default models'],
  ['--half-life-days N', 'time-decay half-life (default 7)'],
  ['--lookback-days N', 'journey lookback before the opportunity was created (default 0 = unlimited)'],
  ['--upgrade-policy P', 'restart-at-opportunity (default) or account-lifetime'],
  ['--referral-window-days N', 'how long after a referral or job move a deal counts as sourced (default 180)'],
  ['--collapse-repeats', 'collapse consecutive repeats of a channel in the path summary'],
  ['--from DATE, --to DATE', 'the period, YYYY-MM-DD, as for attribute'],
  ['--segment S, --type T', 'only these account segments or opportunity types; repeatable'],
  ['--spread markov|shapley', 'print instead the statement that spreads channel_weights onto touches'],
  ['--out F.sql', 'write the script to a file instead of stdout'],
].flatMap(([option, description]) => optionHelp(option as string, description as string, 27));

/**
 * `tributary sql --dialect D [model, journey and scope options]` (issue 19): prints the SQL script that computes the
 * journeys, per-touch credits, revenue, CAR and path summary over the canonical tables in that dialect. It reads no
 * project: the script depends on the options only.
 */
export function runSql(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const extra = atMostOne(positionals);
  if (extra !== undefined) {
    throw new UsageError(`unexpected argument ${JSON.stringify(extra)}: the script depends on the options only`);
  }
  for (const [option, what] of Object.entries(BUILT_IN_ONLY)) {
    if (values[option as keyof typeof values] !== undefined) {
      throw new UsageError(
        `the SQL path does not implement ${what}: run the built-in engine (tributary attribute <project> or ` +
          'tributary car <project>) for that',
      );
    }
  }
  const dialect = parseDialect(values.dialect);
  let statements;
  try {
    statements =
      values.spread !== undefined
        ? generateSpreadSql(dialect, parseSpread(values.spread))
        : generateAttributionSql(dialect, sqlOptions(values));
  } catch (error) {
    if (error instanceof SqlOptionError) throw new UsageError(error.message);
    throw error;
  }
  const script = renderSqlScript(statements, dialect);
  if (values.out !== undefined) writeFileSync(values.out, script);
  else io.stdout(script);
  return EXIT.ok;
}

function parseDialect(raw: string | undefined): SqlDialect {
  if (raw === undefined) throw new UsageError(`--dialect is required: one of ${SQL_DIALECTS.join(', ')}`);
  if ((SQL_DIALECTS as readonly string[]).includes(raw)) return raw as SqlDialect;
  throw new UsageError(
    `--dialect: unsupported dialect ${JSON.stringify(raw)}${didYouMean(raw, SQL_DIALECTS)}; ` +
      `supported: ${SQL_DIALECTS.join(', ')}`,
  );
}

function parseSpread(raw: string): SqlDataDrivenModel {
  if (raw === 'markov' || raw === 'shapley') return raw;
  throw new UsageError(`--spread takes markov or shapley, not ${JSON.stringify(raw)}`);
}

type Values = ReturnType<typeof parseCommandArgs<typeof OPTIONS>>['values'];

function sqlOptions(values: Values): SqlOptions {
  const models = (values.model ?? []).map(parseModel);
  if (values.weights !== undefined && models.length > 0 && !models.includes('custom')) {
    throw new UsageError('--weights goes with --model custom');
  }
  // The numbers are checked as `attribute` checks them, with the same messages.
  const checked = parseModelOptions({
    ...(values['half-life-days'] !== undefined ? { 'half-life-days': values['half-life-days'] } : {}),
    ...(values['lookback-days'] !== undefined ? { 'lookback-days': values['lookback-days'] } : {}),
    ...(values['upgrade-policy'] !== undefined ? { 'upgrade-policy': values['upgrade-policy'] } : {}),
    ...(values['referral-window-days'] !== undefined ? { 'referral-window-days': values['referral-window-days'] } : {}),
  });
  const scope = parseScopeOptions({
    ...(values.from !== undefined ? { from: values.from } : {}),
    ...(values.to !== undefined ? { to: values.to } : {}),
    ...(values.segment !== undefined ? { segment: values.segment } : {}),
    ...(values.type !== undefined ? { type: values.type } : {}),
  });
  return {
    ...(models.length > 0 ? { models } : {}),
    ...(values.weights !== undefined ? { weights: parseWeights(values.weights) } : {}),
    halfLifeDays: checked.halfLifeDays,
    lookbackDays: checked.lookbackDays,
    upgradePolicy: checked.upgradePolicy,
    referralWindowDays: checked.referralWindowDays,
    collapseRepeats: values['collapse-repeats'] ?? false,
    scope: {
      ...(scope.from !== undefined ? { from: scope.from } : {}),
      ...(scope.to !== undefined ? { to: scope.to } : {}),
      ...(scope.segments !== undefined ? { segments: scope.segments } : {}),
      ...(scope.types !== undefined ? { types: scope.types } : {}),
    },
  };
}

function parseModel(raw: string): SqlCreditModel {
  if ((SQL_CREDIT_MODELS as readonly string[]).includes(raw)) return raw as SqlCreditModel;
  if (raw === 'markov' || raw === 'shapley') {
    throw new UsageError(
      `--model ${raw}: the SQL path does not run data-driven models; the script builds the path summary ` +
        `(tributary_path_summary) to solve outside the warehouse, then \`tributary sql --spread ${raw}\` spreads ` +
        `the weights; or run the built-in engine: tributary attribute <project> --model ${raw}`,
    );
  }
  throw new UsageError(
    `--model: unknown model ${JSON.stringify(raw)}${didYouMean(raw, MODEL_NAMES)}; ` +
      `the SQL path credits ${SQL_CREDIT_MODELS.join(', ')}`,
  );
}
