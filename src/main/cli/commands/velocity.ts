import { formatMoneyAmount, roundMoney } from '../../../shared/money';
import { OPPORTUNITY_TYPES, type OpportunityType } from '../../../shared/importSpec';
import { modelOptionsSchema } from '../../../shared/modelOptions';
import { describeScope, isAllTime } from '../../../shared/scope';
import {
  TOO_SMALL_GROUP,
  VELOCITY_GROUPS,
  type VelocityGroup,
  type VelocityGroupName,
  type VelocityResult,
} from '../../../shared/velocity';
import { dealVelocity } from '../../engine/velocity/velocity';
import { didYouMean, exactlyOne, parseCommandArgs, positiveInteger, UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import { writeJson } from '../jsonStream';
import { parseModelOptions } from '../modelArgs';
import { loadProjectEngineData } from '../project';
import { parseScopeOptions } from '../scopeArgs';

const OPTIONS = {
  from: { type: 'string' },
  to: { type: 'string' },
  segment: { type: 'string', multiple: true },
  where: { type: 'string', multiple: true },
  type: { type: 'string' },
  days: { type: 'string' },
  'lookback-days': { type: 'string' },
  'upgrade-policy': { type: 'string' },
  'referral-window-days': { type: 'string' },
  json: { type: 'boolean' },
} as const;

export const DEFAULT_VELOCITY_DAYS = 90;

const GROUP_LABELS: Record<VelocityGroupName, string> = {
  sourced: 'community-sourced',
  influenced: 'community-influenced',
  none: 'no community touch',
};

export const VELOCITY_CAVEAT =
  'Community-led deals may differ from the others in other ways: this is a correlation, not an effect.';

/**
 * `tributary velocity <project> [scope options] [--type T] [--days D] [--json]` (spec cli.md, attribution.md 12).
 * `--type` here is the one deal type compared (default new_business), not a scope filter; the journey and sourcing
 * options (`--lookback-days`, `--upgrade-policy`, `--referral-window-days`) are taken too, since they decide which
 * deals the community touched or sourced.
 */
export function runVelocity(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = exactlyOne(positionals, '<project>');
  const type = parseDealType(values.type);
  const days = values.days === undefined ? DEFAULT_VELOCITY_DAYS : positiveInteger('--days', values.days);
  const journeyOptions = parseModelOptions({
    ...(values['lookback-days'] !== undefined ? { 'lookback-days': values['lookback-days'] } : {}),
    ...(values['upgrade-policy'] !== undefined ? { 'upgrade-policy': values['upgrade-policy'] } : {}),
    ...(values['referral-window-days'] !== undefined ? { 'referral-window-days': values['referral-window-days'] } : {}),
  });
  const options = modelOptionsSchema.parse({
    ...journeyOptions,
    scope: parseScopeOptions({ ...values, type: undefined }),
  });
  const engineData = loadProjectEngineData(path, io, options.scope);
  const result = dealVelocity(engineData, options, type, days);
  if (values.json) {
    writeJson(velocityJson(result, engineData.currency), io.stdout);
    io.stdout('\n');
  } else {
    io.stdout(
      describeVelocity(result, engineData.currency, isAllTime(options.scope) ? null : describeScope(options.scope)),
    );
  }
  return EXIT.ok;
}

function parseDealType(raw: string | undefined): OpportunityType {
  if (raw === undefined) return 'new_business';
  if ((OPPORTUNITY_TYPES as readonly string[]).includes(raw)) return raw as OpportunityType;
  throw new UsageError(
    `--type: unknown opportunity type ${JSON.stringify(raw)}${didYouMean(raw, OPPORTUNITY_TYPES)}; choose one of ${OPPORTUNITY_TYPES.join(', ')}`,
  );
}

/** The JSON of cli.md, its amounts to the currency's minor unit. */
export function velocityJson(result: VelocityResult, currency: string): VelocityResult {
  const money = (value: number | null): number | null => (value === null ? null : roundMoney(value, currency));
  const groups = Object.fromEntries(
    VELOCITY_GROUPS.map((name) => {
      const group = result.groups[name];
      return [name, { ...group, wonAmount: money(group.wonAmount), averageWonAmount: money(group.averageWonAmount) }];
    }),
  ) as Record<VelocityGroupName, VelocityGroup>;
  return { ...result, groups };
}

function describeVelocity(result: VelocityResult, currency: string, scope: string | null): string {
  const percent = (value: number | null): string => (value === null ? '-' : `${(value * 100).toFixed(1)}%`);
  const number = (value: number | null): string => (value === null ? '-' : value.toFixed(1));
  const closed = VELOCITY_GROUPS.reduce((sum, name) => sum + result.groups[name].deals, 0);
  const lines = [`Deal velocity, ${result.type.replace('_', ' ')} deals${scope === null ? '' : ` (scope ${scope})`}:`];
  if (closed === 0) {
    lines.push(`  no won or lost ${result.type.replace('_', ' ')} deal in this scope: nothing to compare.`);
    return `${lines.join('\n')}\n`;
  }
  lines.push(
    `  ${'group'.padEnd(22)} ${'deals'.padStart(7)} ${'won'.padStart(7)} ${'win rate'.padStart(9)} ` +
      `${'median days'.padStart(12)} ${`within ${result.days}d`.padStart(11)} ${'average won'.padStart(14)}`,
  );
  for (const name of VELOCITY_GROUPS) {
    const group = result.groups[name];
    const average = group.averageWonAmount === null ? '-' : formatMoneyAmount(group.averageWonAmount, currency);
    lines.push(
      `  ${GROUP_LABELS[name].padEnd(22)} ${String(group.deals).padStart(7)} ${String(group.won).padStart(7)} ` +
        `${percent(group.winRate).padStart(9)} ${number(group.medianDays).padStart(12)} ` +
        `${percent(group.closedWithin).padStart(11)} ${average.padStart(14)}` +
        (group.tooSmall ? `  (under ${TOO_SMALL_GROUP} deals: too small to read)` : ''),
    );
  }
  lines.push(`  ${VELOCITY_CAVEAT}`);
  return `${lines.join('\n')}\n`;
}
