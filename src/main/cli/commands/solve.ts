import { resolve } from 'node:path';
import { MARKOV_MAX_ORDER } from '../../engine/models/markov';
import { readPathSummary } from '../../warehouse/solve/readSummary';
import { solvePathSummary, type ChannelWeights, type SolveModel } from '../../warehouse/solve/solveSummary';
import { UsageError, didYouMean, parseCommandArgs, positiveInteger } from '../args';
import { EXIT, type CliIo } from '../io';
import { writeJson } from '../jsonStream';

const OPTIONS = { order: { type: 'string' }, json: { type: 'boolean' } } as const;
const MODELS: readonly SolveModel[] = ['markov', 'shapley'];

/**
 * `tributary solve markov|shapley <summary.csv> [--order K] [--json]` (issue 19): the channel weights of a path
 * summary, by the engine's exact solvers. Without --json, a CSV `channel,weight` on stdout: what the generated
 * SQL's channel_weights table takes, as it is (no spreadsheet neutralising: a channel must stay its name).
 */
export function runSolve(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [model, file, ...extra] = positionals;
  if (model === undefined) throw new UsageError('missing the model: markov or shapley');
  if (!MODELS.includes(model as SolveModel)) {
    throw new UsageError(
      `unknown model ${JSON.stringify(model)}${didYouMean(model, MODELS)}; choose markov or shapley`,
    );
  }
  if (file === undefined) throw new UsageError('missing <summary.csv>');
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (values.order !== undefined && model !== 'markov') throw new UsageError('--order goes with markov');
  const order = values.order === undefined ? 1 : positiveInteger('--order', values.order);
  if (order > MARKOV_MAX_ORDER) throw new UsageError(`--order must be from 1 to ${MARKOV_MAX_ORDER}, not ${order}`);
  const summary = readPathSummary(resolve(file));
  const solved = solvePathSummary(summary, model as SolveModel, order);
  if (values.json) {
    writeJson(solveJson(solved, summary.rows, summary.journeys), io.stdout);
    io.stdout('\n');
  } else {
    io.stdout(
      `channel,weight\n${solved.weights.map(({ channel, weight }) => `${csvCell(channel)},${weight}\n`).join('')}`,
    );
  }
  if (summary.rows === 0) io.stderr('The summary holds no journey with a touch: every weight is 0.\n');
  return EXIT.ok;
}

/** `solve --json`: the weights under the names `attribute --json` gives them (cli.md). */
export function solveJson(solved: ChannelWeights, paths: number, journeys: number): Record<string, unknown> {
  const byChannel = Object.fromEntries(solved.weights.map(({ channel, weight }) => [channel, weight]));
  return {
    model: solved.model,
    ...(solved.order !== undefined ? { order: solved.order } : {}),
    paths,
    journeys,
    ...(solved.conversionProbability !== undefined ? { conversionProbability: solved.conversionProbability } : {}),
    ...(solved.model === 'markov' ? { removalEffects: byChannel } : { shapleyValues: byChannel }),
  };
}

function csvCell(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
