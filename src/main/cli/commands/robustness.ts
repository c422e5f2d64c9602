import { DEFAULT_RESAMPLES, DEFAULT_ROBUSTNESS_DELTA } from '../../../shared/robustness';
import { DEFAULT_BOOTSTRAP_SEED } from '../../../shared/robustnessApi';
import { describeScope, isAllTime, whereInWords } from '../../../shared/scope';
import { createBootstrap } from '../../engine/robustness/bootstrap';
import { runBootstrap } from '../../engine/robustness/bootstrapRun';
import { bootstrapIntervals, robustnessOf, withIntervals } from '../../engine/robustness/robustness';
import { scopedInput } from '../../engine/robustness/scopedInput';
import { exactlyOne, parseCommandArgs, positiveInteger, UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import { writeJson } from '../jsonStream';
import { MODEL_OPTIONS, parseModelOptions } from '../modelArgs';
import { showProgressBar } from '../progress';
import { loadProjectEngineData } from '../project';
import { describeRobustness, robustnessJson } from '../robustnessJson';
import { parseScopeOptions, SCOPE_OPTIONS } from '../scopeArgs';

const OPTIONS = {
  ...MODEL_OPTIONS,
  ...SCOPE_OPTIONS,
  delta: { type: 'string' },
  resamples: { type: 'string' },
  seed: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * `tributary robustness <project> [model options] [scope options] [--delta D] [--resamples B] [--seed S] [--json]`
 * (cli.md, attribution.md 13): each channel's credit, attributed CAR and each category's attributed value with its
 * weight ranges (position models), its spread over the built-in models and its bootstrap interval.
 */
export async function runRobustness(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = exactlyOne(positionals, '<project>');
  const delta = values.delta === undefined ? DEFAULT_ROBUSTNESS_DELTA : parseDelta(values.delta);
  const resamples =
    values.resamples === undefined ? DEFAULT_RESAMPLES : positiveInteger('--resamples', values.resamples);
  const seed = values.seed === undefined ? DEFAULT_BOOTSTRAP_SEED : parseSeed(values.seed);
  const options = { ...parseModelOptions(values), scope: parseScopeOptions(values) };
  const engineData = loadProjectEngineData(path, io, options.scope);
  const input = scopedInput(engineData, options);
  const ranges = robustnessOf(input, delta);
  const bootstrap = createBootstrap(input, resamples, seed);
  const bar = showProgressBar(io, 'Bootstrap');
  try {
    await runBootstrap(bootstrap, {
      onProgress: (done, total) => bar.update(done / total, `${done}/${total} resamples`),
    });
  } finally {
    bar.clear();
  }
  const result = withIntervals(ranges, bootstrapIntervals(input, bootstrap, seed));
  if (values.json) {
    writeJson(robustnessJson(result, engineData.currency), io.stdout);
    io.stdout('\n');
  } else {
    if (input.current.revenue === 0) {
      io.stdout(`No won opportunity ${whereInWords(options.scope)}: no revenue, so every range is 0.\n`);
    }
    if (!isAllTime(options.scope)) io.stdout(`Scope: ${describeScope(options.scope)}\n`);
    io.stdout(describeRobustness(result, engineData.currency));
  }
  return EXIT.ok;
}

/** Weight points: above 0 and at most 100 (spec 13: weights are percentages). */
function parseDelta(raw: string): number {
  const value = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(value > 0 && value <= 100)) {
    throw new UsageError(
      `--delta must be a number of weight points above 0 and at most 100, not ${JSON.stringify(raw)}`,
    );
  }
  return value;
}

function parseSeed(raw: string): number {
  const value = /^-?\d+$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value)) throw new UsageError(`--seed must be a whole number, not ${JSON.stringify(raw)}`);
  return value;
}
