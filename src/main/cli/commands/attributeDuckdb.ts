import { resolve } from 'node:path';
import { roundMoney } from '../../../shared/money';
import type { PositionName } from '../../../shared/results';
import type { ModelOptions } from '../../../shared/modelOptions';
import { plural } from '../../../shared/plural';
import { whereInWords } from '../../../shared/scope';
import { notComputed, type SqlCar } from '../../warehouse/duckdb/results';
import { isDataDriven } from '../../warehouse/duckdb/sqlOptions';
import { runOnDuckDb, type DuckDbRun } from '../../warehouse/duckdb/runAttribution';
import { SqlOptionError } from '../../warehouse/sql/contract';
import { assertCreditsCsvTarget } from '../../export/creditsCsv';
import { assertCanCreateFile } from '../../store/filePaths';
import { UsageError } from '../args';
import { EXIT, type CliIo } from '../io';
import { writeJson } from '../jsonStream';
import { describeRun } from './attribute';

/** The options of `attribute` the SQL path does not implement: each is refused, naming the built-in engine. */
const BUILT_IN_ONLY = ['by', 'pipeline', 'as-of'] as const;

export interface DuckDbValues {
  out?: string;
  json?: boolean;
  currency?: string;
  by?: string;
  pipeline?: boolean;
  'as-of'?: string;
  paths?: string;
}

/**
 * `tributary attribute <project.sqlite | folder> --engine duckdb` (issue 19): the same run on the generated SQL in
 * embedded DuckDB, over a project file or a folder of canonical CSV/Parquet files. It prints the same `--json` and
 * writes the same `--out` file as the built-in engine; what the SQL does not compute (notComputed) is null in the
 * JSON and said on stderr.
 */
export async function runAttributeOnDuckDb(
  source: string,
  options: ModelOptions,
  values: DuckDbValues,
  io: CliIo,
): Promise<number> {
  for (const flag of BUILT_IN_ONLY) {
    if (values[flag] !== undefined) {
      throw new UsageError(`--${flag} is not in the SQL path: run it without --engine duckdb (the built-in engine)`);
    }
  }
  if (values.currency !== undefined && !/^[A-Z]{3}$/.test(values.currency)) {
    throw new UsageError(
      `--currency is a three-letter ISO 4217 code such as USD, not ${JSON.stringify(values.currency)}`,
    );
  }
  if (values.out !== undefined) assertCreditsCsvTarget(resolve(values.out));
  if (values.paths !== undefined) assertCanCreateFile(resolve(values.paths), 'the paths CSV');
  let run: DuckDbRun;
  try {
    run = await runOnDuckDb(resolve(source), options, values.currency ? { currency: values.currency } : {});
  } catch (error) {
    if (error instanceof SqlOptionError) throw new UsageError(error.message);
    throw error;
  }
  try {
    const say = values.json ? io.stderr : io.stdout;
    for (const note of run.notes) io.stderr(`note: ${note}\n`);
    const { attribution } = run;
    if (attribution.revenue === 0) say(`No won opportunity ${whereInWords(options.scope)}: nothing to attribute.\n`);
    if (values.out !== undefined) {
      const rows = await run.writeCredits(resolve(values.out));
      say(`Wrote ${plural(rows, 'credit row')} to ${resolve(values.out)}.\n`);
    }
    if (values.paths !== undefined) {
      const rows = await run.writePaths(resolve(values.paths));
      say(`Wrote ${plural(rows, 'distinct path')} to ${resolve(values.paths)}.\n`);
    }
    if (values.json) {
      writeJson(duckDbJson(run), io.stdout);
      io.stdout('\n');
    } else say(describeRun(attribution, options, run.currency));
    const perPosition = isDataDriven(options.model) ? ' and attributed CAR per position' : '';
    io.stderr(
      `Ran on DuckDB: roadmap CAR, the churn comparison (and its bootstrap interval)${perPosition} are not computed ` +
        'by the SQL path; run without --engine duckdb for them.\n',
    );
  } finally {
    run.close();
  }
  return EXIT.ok;
}

/** `attribute --json` (cli.md) from the SQL path: the built-in engine's shape, with `engine` and `notComputed`. */
function duckDbJson(run: DuckDbRun): Record<string, unknown> {
  const { options, attribution, weights } = run;
  const round = (value: number): number => roundMoney(value, run.currency);
  // The engine reports a weight for every channel, 0 for one on no won or lost journey; the summary only has those.
  const byChannel = (): Record<string, number> => {
    const solved = new Map(weights?.weights.map(({ channel, weight }) => [channel, weight]));
    return Object.fromEntries(attribution.byChannel.map(({ channel }) => [channel, solved.get(channel) ?? 0]));
  };
  return {
    model: options.model,
    options,
    revenue: round(attribution.revenue),
    attributed: round(attribution.attributed),
    unattributed: round(attribution.unattributed),
    byChannel: attribution.byChannel.map((row) => ({ ...row, credit: round(row.credit) })),
    car: { ...roundCar(attribution.car, round), churn: null },
    ...(weights?.model === 'markov' ? { removalEffects: byChannel() } : {}),
    ...(weights?.model === 'shapley' ? { shapleyValues: byChannel() } : {}),
    engine: 'duckdb',
    notComputed: notComputed(isDataDriven(options.model)),
  };
}

function roundCar(car: SqlCar, round: (value: number) => number): SqlCar {
  const c = car.byCategory;
  return {
    ...car,
    attributed: round(car.attributed),
    influenced: round(car.influenced),
    sourced: round(car.sourced),
    byCategory: {
      internal_referral: {
        attributed: round(c.internal_referral.attributed),
        sourced: round(c.internal_referral.sourced),
      },
      external_referral: {
        attributed: round(c.external_referral.attributed),
        sourced: round(c.external_referral.sourced),
      },
      job_move: { attributed: round(c.job_move.attributed), sourced: round(c.job_move.sourced) },
      upgrade: {
        attributed: round(c.upgrade.attributed),
        influenced: round(c.upgrade.influenced),
        sourced: round(c.upgrade.sourced),
      },
      roadmap: null,
      churn_reduction: null,
      engagement: { attributed: round(c.engagement.attributed) },
    },
    attributedByPosition:
      car.attributedByPosition === null
        ? null
        : (Object.fromEntries(
            Object.entries(car.attributedByPosition).map(([position, value]) => [position, round(value)]),
          ) as Record<PositionName, number>),
    sourcedOpportunities: car.sourcedOpportunities.map((row) => ({ ...row, amount: round(row.amount) })),
    linkedNotWon: car.linkedNotWon.map((row) => ({ ...row, amount: round(row.amount) })),
  };
}
