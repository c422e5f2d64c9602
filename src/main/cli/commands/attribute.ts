import { resolve } from 'node:path';
import { weightsOf, type ModelOptions } from '../../../shared/modelOptions';
import { formatMoneyAmount, roundMoney } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import { attribute, type AttributionRun } from '../../engine/attribute';
import { computeCar, type CarResult } from '../../engine/car';
import { loadEngineData, type EngineData } from '../../engine/load';
import { engineKeyOf, readProjectSnapshot } from '../../engine/projectSnapshot';
import { exactlyOne, parseCommandArgs } from '../args';
import { assertCreditsCsvTarget, writeCreditsCsv } from '../../export/creditsCsv';
import { EXIT, type CliIo } from '../io';
import { openProjectForCli } from '../project';
import { MODEL_OPTIONS, parseModelOptions } from '../modelArgs';
import { roundCarMoney, type RoundMoney } from '../money';

const OPTIONS = { ...MODEL_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' } } as const;

/** What the engine reads, and the currency its amounts are in. */
export type ProjectEngineData = EngineData & { currency: string };

/**
 * Opens a project just long enough to load what the engine reads, all from one connection and one read transaction:
 * the snapshot the project keeps of its arrays when it is of the current data (engine/projectSnapshot.ts), else the
 * tables. A read command writes nothing, so a project without a snapshot gets none from it.
 */
export function loadProjectEngineData(path: string, io: Pick<CliIo, 'stderr'>): ProjectEngineData {
  const project = openProjectForCli(resolve(path), io);
  try {
    const { db } = project;
    return db.transaction(() => {
      const key = engineKeyOf(db);
      const arrays = (key && readProjectSnapshot(db, key)?.arrays) || loadEngineData(db);
      return { ...arrays, currency: project.meta.currency };
    })();
  } finally {
    project.close();
  }
}

/** A model run and its community-attributed revenue (spec 7), as both commands report them. */
export function runModel({ data, community }: ProjectEngineData, options: ModelOptions) {
  const run = attribute(data, options);
  const weights = weightsOf(options);
  const car = computeCar(data, community, run.journeys, run.credits, {
    referralWindowDays: options.referralWindowDays,
    roadmapShare: options.roadmapShare,
    seed: options.seed,
    ...(weights ? { weights } : {}),
  });
  return { run, car };
}

/**
 * The CAR object of `--json`, its amounts to the minor unit. spec cli.md names `car.churn`: the churn_reduction
 * category, repeated where the spec looks for it.
 */
export function carJson(
  car: CarResult,
  round: RoundMoney,
): CarResult & { churn: CarResult['byCategory']['churn_reduction'] } {
  const rounded = roundCarMoney(car, round);
  return { ...rounded, churn: rounded.byCategory.churn_reduction };
}

/**
 * The `--json` object of spec cli.md. Amounts are rounded to the minor unit, as the text shows them; removal
 * effects and Shapley values are not money and stay as computed. The credits CSV keeps full precision.
 */
export function attributionJson(
  run: AttributionRun,
  car: CarResult,
  options: ModelOptions,
  round: RoundMoney,
): Record<string, unknown> {
  return {
    model: options.model,
    options,
    revenue: round(run.revenue),
    attributed: round(run.attributed),
    unattributed: round(run.unattributed),
    byChannel: run.byChannel.map((row) => ({ ...row, credit: round(row.credit) })),
    car: carJson(car, round),
    ...(run.removalEffects ? { removalEffects: run.removalEffects } : {}),
    ...(run.shapleyValues ? { shapleyValues: run.shapleyValues } : {}),
  };
}

/** `tributary attribute <project> [model options] [--out credits.csv] [--json]` (spec cli.md). */
export function runAttribute(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = exactlyOne(positionals, '<project>');
  const options = parseModelOptions(values);
  // Said before the model runs, which takes a while on a big project, rather than after.
  if (values.out !== undefined) assertCreditsCsvTarget(resolve(values.out));
  const engineData = loadProjectEngineData(path, io);
  const { data, currency } = engineData;
  const { run, car } = runModel(engineData, options);
  const round = (value: number): number => roundMoney(value, currency);
  // Messages go to stderr when stdout carries the JSON object.
  const say = values.json ? io.stderr : io.stdout;
  if (run.revenue === 0) say('No won opportunity in this project: nothing to attribute.\n');
  if (values.out !== undefined) {
    const rows = writeCreditsCsv(resolve(values.out), data, run);
    say(`Wrote ${plural(rows, 'credit row')} to ${resolve(values.out)}.\n`);
  }
  if (values.json) io.stdout(`${JSON.stringify(attributionJson(run, car, options, round))}\n`);
  else say(describeRun(run, options, currency));
  return EXIT.ok;
}

export function describeRun(run: AttributionRun, options: ModelOptions, currency: string): string {
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
    `  won revenue    ${revenue}`,
    `  attributed     ${attributed}`,
    `  unattributed   ${unattributed} (${plural(run.unattributedOpportunities.length, 'won deal')} with no touch)`,
    '  by channel:',
    ...channels.map((row, i) => `    ${row.channel.padEnd(32)} ${credits[i]}`),
  ];
  return `${lines.join('\n')}\n`;
}
