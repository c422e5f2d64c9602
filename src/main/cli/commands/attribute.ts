import { resolve } from 'node:path';
import { weightsOf, type ModelOptions } from '../../../shared/modelOptions';
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

const OPTIONS = { ...MODEL_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' } } as const;

export type ProjectEngineData = EngineData;

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
      return (key && readProjectSnapshot(db, key)?.arrays) || loadEngineData(db);
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

/** spec cli.md names `car.churn`: the churn_reduction category, repeated where the spec looks for it. */
export function carJson(car: CarResult): CarResult & { churn: CarResult['byCategory']['churn_reduction'] } {
  return { ...car, churn: car.byCategory.churn_reduction };
}

/** The `--json` object of spec cli.md. */
export function attributionJson(run: AttributionRun, car: CarResult, options: ModelOptions): Record<string, unknown> {
  return {
    model: options.model,
    options,
    revenue: run.revenue,
    attributed: run.attributed,
    unattributed: run.unattributed,
    byChannel: run.byChannel,
    car: carJson(car),
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
  const { data } = engineData;
  const { run, car } = runModel(engineData, options);
  // Messages go to stderr when stdout carries the JSON object.
  const say = values.json ? io.stderr : io.stdout;
  if (run.revenue === 0) say('No won opportunity in this project: nothing to attribute.\n');
  if (values.out !== undefined) {
    const rows = writeCreditsCsv(resolve(values.out), data, run);
    say(`Wrote ${plural(rows, 'credit row')} to ${resolve(values.out)}.\n`);
  }
  if (values.json) io.stdout(`${JSON.stringify(attributionJson(run, car, options))}\n`);
  else say(describeRun(run, options));
  return EXIT.ok;
}

function money(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

export function describeRun(run: AttributionRun, options: ModelOptions): string {
  const lines = [
    `${options.model} (upgrades: ${options.upgradePolicy}${options.lookbackDays ? `, lookback ${options.lookbackDays} days` : ''})`,
    `  won revenue    ${money(run.revenue)}`,
    `  attributed     ${money(run.attributed)}`,
    `  unattributed   ${money(run.unattributed)} (${plural(run.unattributedOpportunities.length, 'won deal')} with no touch)`,
    '  by channel:',
    ...run.byChannel.filter((row) => row.credit > 0).map((row) => `    ${row.channel.padEnd(32)} ${money(row.credit)}`),
  ];
  return `${lines.join('\n')}\n`;
}
