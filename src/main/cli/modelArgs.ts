import { MODEL_NAMES, modelOptionsSchema, type ModelOptions, type PositionWeights } from '../../shared/modelOptions';
import { UsageError, didYouMean } from './args';
import { optionHelp } from './wrap';

/** The model options of spec cli.md, shared by `attribute` and `car`. */
export const MODEL_OPTIONS = {
  model: { type: 'string' },
  weights: { type: 'string' },
  'half-life-days': { type: 'string' },
  'lookback-days': { type: 'string' },
  'upgrade-policy': { type: 'string' },
  'markov-order': { type: 'string' },
  'referral-window-days': { type: 'string' },
  'roadmap-share': { type: 'string' },
} as const;

/** Where the descriptions of the model options start, as in the rest of `attribute --help` and `car --help`. */
export const MODEL_OPTION_COLUMN = 27;

export const MODEL_OPTION_HELP = [
  ['--model M', `one of ${MODEL_NAMES.join(', ')} (default full-path)`],
  ['--weights FT=22.5,LC=22.5,OC=22.5,CW=22.5,MID=10', 'position weights of the custom model'],
  ['--half-life-days N', 'time-decay half-life (default 7)'],
  ['--lookback-days N', 'journey lookback before the opportunity was created (default 0 = unlimited)'],
  ['--upgrade-policy P', 'restart-at-opportunity (default) or account-lifetime'],
  ['--markov-order K', 'Markov chain order, 1 to 4 (default 1)'],
  ['--referral-window-days N', 'how long after a referral or job move a deal counts as sourced (default 180)'],
  ['--roadmap-share X', 'share of roadmap-influenced revenue attributed to the community, 0 to 1 (default 0)'],
].flatMap(([option, description]) => optionHelp(option as string, description as string, MODEL_OPTION_COLUMN));

type Values = Partial<Record<keyof typeof MODEL_OPTIONS, string>>;

/** A number as typed on the command line: plain decimal notation only, so `1e3` or `0x10` is a usage error. */
function number(flag: string, raw: string): number {
  if (!/^-?\d+(\.\d+)?$/.test(raw.trim())) throw new UsageError(`${flag} must be a number, not ${JSON.stringify(raw)}`);
  return Number(raw);
}

/** `FT=22.5,LC=22.5,...`: positions left out weigh 0. */
export function parseWeights(raw: string): PositionWeights {
  const weights: PositionWeights = { FT: 0, LC: 0, OC: 0, CW: 0, MID: 0 };
  for (const part of raw.split(',')) {
    const [key, value, ...rest] = part.split('=');
    const position = key?.trim().toUpperCase() ?? '';
    if (value === undefined || rest.length > 0 || !(position in weights)) {
      throw new UsageError(`--weights takes FT=…,LC=…,OC=…,CW=…,MID=…, not ${JSON.stringify(part)}`);
    }
    weights[position as keyof PositionWeights] = number(`--weights ${position}`, value);
  }
  return weights;
}

/** Validates the options with the same schema the app uses; any problem is a usage error that says which. */
export function parseModelOptions(values: Values): ModelOptions {
  if (values.weights !== undefined && values.model !== 'custom') {
    throw new UsageError('--weights goes with --model custom');
  }
  const input = {
    ...(values.model !== undefined ? { model: values.model } : {}),
    ...(values.weights !== undefined ? { weights: parseWeights(values.weights) } : {}),
    ...(values['half-life-days'] !== undefined
      ? { halfLifeDays: number('--half-life-days', values['half-life-days']) }
      : {}),
    ...(values['lookback-days'] !== undefined
      ? { lookbackDays: number('--lookback-days', values['lookback-days']) }
      : {}),
    ...(values['upgrade-policy'] !== undefined ? { upgradePolicy: values['upgrade-policy'] } : {}),
    ...(values['markov-order'] !== undefined ? { markovOrder: number('--markov-order', values['markov-order']) } : {}),
    ...(values['referral-window-days'] !== undefined
      ? { referralWindowDays: number('--referral-window-days', values['referral-window-days']) }
      : {}),
    ...(values['roadmap-share'] !== undefined
      ? { roadmapShare: number('--roadmap-share', values['roadmap-share']) }
      : {}),
  };
  const parsed = modelOptionsSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = FLAG_OF[String(issue?.path[0] ?? '')] ?? 'options';
    const detail =
      issue?.code === 'invalid_value' ? unknownChoice(flag, values, issue.values.map(String)) : issue?.message;
    throw new UsageError(`${flag}: ${detail}`);
  }
  return parsed.data;
}

/** A word outside a list (`--model`, `--upgrade-policy`): the word as typed, the nearest choice, and all of them. */
function unknownChoice(flag: string, values: Values, choices: string[]): string {
  const given = values[flag.slice(2) as keyof Values] ?? '';
  const what = flag.slice(2).replaceAll('-', ' ');
  return `unknown ${what} ${JSON.stringify(given)}${didYouMean(given, choices)}; choose one of ${choices.join(', ')}`;
}

const FLAG_OF: Record<string, string> = {
  model: '--model',
  weights: '--weights',
  halfLifeDays: '--half-life-days',
  lookbackDays: '--lookback-days',
  upgradePolicy: '--upgrade-policy',
  markovOrder: '--markov-order',
  referralWindowDays: '--referral-window-days',
  roadmapShare: '--roadmap-share',
};
