import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { TributaryError } from '../../../shared/errors';
import type { ModelOptions } from '../../../shared/modelOptions';
import { formatMoneyAmount } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import { describeScope, isAllTime, whereInWords } from '../../../shared/scope';
import type { AttributionRun } from '../../engine/models/attribute';
import { runModel } from '../../engine/run';
import { didYouMean, exactlyOne, parseCommandArgs, UsageError } from '../args';
import { writePathsCsv } from '../../export/pathsCsv';
import { assertCanCreateFile } from '../../store/filePaths';
import { assertCreditsCsvTarget, writeCreditsCsv, writePipelineCreditsCsv } from '../../export/creditsCsv';
import { runPipeline } from '../../engine/pipeline/pipeline';
import { EXIT, type CliIo } from '../io';
import { writeJson } from '../jsonStream';
import { loadProjectEngineData, type ProjectEngineData } from '../project';
import { MODEL_OPTIONS, parseModelOptions } from '../modelArgs';
import { attributionJson, describePipeline, pipelineJson, seriesJson, seriesTable } from '../runJson';
import { parsePipelineOptions, parseScopeOptions, parseSeriesOption, SCOPE_OPTIONS } from '../scopeArgs';
import { seriesOf } from '../../engine/series/series';

const OPTIONS = {
  ...MODEL_OPTIONS,
  ...SCOPE_OPTIONS,
  out: { type: 'string' },
  paths: { type: 'string' },
  json: { type: 'boolean' },
  engine: { type: 'string' },
  currency: { type: 'string' },
} as const;

const ENGINES = ['built-in', 'duckdb'] as const;

/** `tributary attribute <project> [model options] [--out credits.csv] [--json]` (spec cli.md). */
export function runAttribute(argv: string[], io: CliIo): number | Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = exactlyOne(positionals, '<project>');
  const options = { ...parseModelOptions(values), scope: parseScopeOptions(values) };
  const engine = values.engine ?? 'built-in';
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new UsageError(
      `--engine: unknown engine ${JSON.stringify(engine)}${didYouMean(engine, ENGINES)}; choose built-in or duckdb`,
    );
  }
  // DuckDB's native module takes about half a second to load: only the run that uses it pays for it, not every
  // command the CLI answers.
  if (engine === 'duckdb') {
    return import('./attributeDuckdb').then(({ runAttributeOnDuckDb }) =>
      runAttributeOnDuckDb(path, options, values, io),
    );
  }
  if (values.currency !== undefined) throw new UsageError('--currency goes with --engine duckdb over a folder');
  if (isFolder(path)) {
    // Said as every command says a folder given for a project (store/filePaths.ts), with the way to run over one.
    throw new TributaryError(
      'not_found',
      `${path} is a folder, not a Tributary project file. A folder of canonical CSV or Parquet files runs with ` +
        '--engine duckdb.',
    );
  }
  const by = parseSeriesOption(values.by);
  const pipelineOptions = parsePipelineOptions(values);
  // Said before the model runs, which takes a while on a big project, rather than after.
  if (values.out !== undefined) assertCreditsCsvTarget(resolve(values.out));
  if (values.paths !== undefined && pipelineOptions !== null)
    throw new UsageError('--paths goes without --pipeline: open deals are neither conversions nor nulls');
  if (values.paths !== undefined) assertCanCreateFile(resolve(values.paths), 'the paths CSV');
  const engineData = loadProjectEngineData(path, io, options.scope);
  const { currency } = engineData;
  if (pipelineOptions !== null) return runPipelineCommand(engineData, options, pipelineOptions.asOf, values, io);
  const run = runModel(engineData, options);
  const { attribution } = run;
  // Messages go to stderr when stdout carries the JSON object.
  const say = values.json ? io.stderr : io.stdout;
  if (attribution.revenue === 0) say(`No won opportunity ${whereInWords(options.scope)}: nothing to attribute.\n`);
  if (values.out !== undefined) {
    const rows = writeCreditsCsv(resolve(values.out), run);
    say(`Wrote ${plural(rows, 'credit row')} to ${resolve(values.out)}.\n`);
  }
  if (values.paths !== undefined) {
    const rows = writePathsCsv(resolve(values.paths), run);
    say(`Wrote ${plural(rows, 'distinct path')} to ${resolve(values.paths)}.\n`);
  }
  const series = by === null ? null : seriesOf(run, by);
  if (values.json) {
    const json = attributionJson(run, currency);
    writeJson(series === null ? json : { ...json, series: seriesJson(series, currency) }, io.stdout);
    io.stdout('\n');
  } else {
    say(describeRun(attribution, options, currency));
    if (series !== null && by !== null) say(`by ${by}:\n${seriesTable(series, currency, by)}`);
  }
  return EXIT.ok;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** `attribute --pipeline`: the pipeline credits and figures of the in-scope open deals (spec 11). */
function runPipelineCommand(
  engineData: ProjectEngineData,
  options: ModelOptions,
  asOf: number | undefined,
  values: { out?: string; json?: boolean },
  io: CliIo,
): number {
  const pipeline = runPipeline(engineData, options, asOf);
  const say = values.json ? io.stderr : io.stdout;
  if (pipeline.openDeals === 0) say(`No open opportunity ${whereInWords(options.scope)}: no pipeline.\n`);
  if (values.out !== undefined) {
    const rows = writePipelineCreditsCsv(resolve(values.out), pipeline);
    say(`Wrote ${plural(rows, 'pipeline credit row')} to ${resolve(values.out)}.\n`);
  }
  if (values.json) {
    writeJson(pipelineJson(pipeline, engineData.currency), io.stdout);
    io.stdout('\n');
  } else say(describePipeline(pipeline, engineData.currency));
  return EXIT.ok;
}

/** The figures the text output shows, from the built-in engine's run or the SQL path's. */
type DescribedRun = Pick<AttributionRun, 'revenue' | 'attributed' | 'unattributed' | 'byChannel'> & {
  unattributedOpportunities: { length: number };
};

export function describeRun(run: DescribedRun, options: ModelOptions, currency: string): string {
  // Amounts right-aligned in their column, so the decimals line up.
  const column = (amounts: number[]): string[] => {
    const shown = amounts.map((amount) => formatMoneyAmount(amount, currency));
    const width = Math.max(0, ...shown.map((amount) => amount.length));
    return shown.map((amount) => amount.padStart(width));
  };
  const [revenue, attributed, unattributed] = column([run.revenue, run.attributed, run.unattributed]);
  const channels = run.byChannel.filter((row) => row.credit > 0);
  const credits = column(channels.map((row) => row.credit));
  const lines = [
    `${options.model} (upgrades: ${options.upgradePolicy}${options.lookbackDays ? `, lookback ${plural(options.lookbackDays, 'day')}` : ''})`,
    ...(isAllTime(options.scope) ? [] : [`  scope          ${describeScope(options.scope)}`]),
    `  won revenue    ${revenue}`,
    `  attributed     ${attributed}`,
    `  unattributed   ${unattributed} (${plural(run.unattributedOpportunities.length, 'won deal')} with no touch)`,
    '  by channel:',
    ...channels.map((row, i) => `    ${row.channel.padEnd(32)} ${credits[i]}`),
  ];
  return `${lines.join('\n')}\n`;
}
