import { parseArgs, type ParseArgsConfig } from 'node:util';
import { nearestName } from '../../shared/nearest';

export type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** Bad usage: the CLI prints the message and the command's usage, and exits 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

interface CommandConfig<O extends OptionsConfig> {
  args: string[];
  options: O & typeof HELP;
  allowPositionals: true;
  strict: true;
}

export type ParsedCommand<O extends OptionsConfig> = ReturnType<typeof parseArgs<CommandConfig<O>>>;

/** ` (did you mean full-path?)` after a name typed wrong, when one of `names` is close; else nothing. */
export function didYouMean(given: string, names: readonly string[]): string {
  const nearest = nearestName(given, names);
  return nearest === undefined ? '' : ` (did you mean ${nearest}?)`;
}

/** Whether the arguments ask for help (`-h`/`--help` anywhere before a `--`). */
export function wantsHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((arg) => arg === '--help' || arg === '-h');
}

/**
 * Strict parsing of one command's arguments. Unknown options, missing values and values given to flags are usage
 * errors, worded in the CLI's own terms rather than Node's.
 */
export function parseCommandArgs<const O extends OptionsConfig>(argv: string[], options: O): ParsedCommand<O> {
  const config: CommandConfig<O> = {
    args: argv,
    options: { ...options, ...HELP },
    allowPositionals: true,
    strict: true,
  };
  try {
    return parseArgs(config);
  } catch (error) {
    throw new UsageError(explainParseError(argv, config.options, error));
  }
}

function explainParseError(argv: string[], options: OptionsConfig, error: unknown): string {
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    if (!spec) return `unknown option ${token.rawName}${longOptionHint(token.rawName, options)}`;
    if (spec.type === 'boolean' && token.value !== undefined) return `${token.rawName} takes no value`;
    if (spec.type !== 'string') continue;
    if (token.value === undefined) return `${token.rawName} needs a value`;
    if (!token.inlineValue && token.value.startsWith('-')) {
      return `${token.rawName} needs a value (to pass one starting with "-", write ${token.rawName}=${token.value})`;
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0] ?? message;
}

/** A long option typed wrong gets the nearest one suggested; `-x` is too short to guess from. */
function longOptionHint(rawName: string, options: OptionsConfig): string {
  if (!rawName.startsWith('--')) return '';
  const names = Object.keys(options).map((name) => `--${name}`);
  return didYouMean(rawName, names);
}

/** The one required positional argument, e.g. `<project>`. */
export function exactlyOne(positionals: string[], name: string): string {
  const [first, ...extra] = positionals;
  if (first === undefined) throw new UsageError(`missing ${name}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  return first;
}

/** An optional single positional argument. */
export function atMostOne(positionals: string[]): string | undefined {
  const [first, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  return first;
}

/** A whole number written in plain digits (no sign, exponent, separators or fraction). */
export function wholeNumber(flag: string, raw: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`${flag} must be a whole number, not ${JSON.stringify(raw)}`);
  return value;
}

export function positiveInteger(flag: string, raw: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new UsageError(`${flag} must be a positive whole number, not ${JSON.stringify(raw)}`);
  }
  return value;
}

/** A TCP port; 0 lets the system pick a free one. */
export function portNumber(raw: string): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value) || value > 65535) {
    throw new UsageError(
      `--port must be a port number from 0 to 65535 (0 picks a free one), not ${JSON.stringify(raw)}`,
    );
  }
  return value;
}
