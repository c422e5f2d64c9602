import { resolve } from 'node:path';
import type { ModelOptions } from '../../../shared/modelOptions';
import { attribute, type AttributionRun } from '../../engine/attribute';
import type { Dataset } from '../../engine/dataset';
import { loadDataset } from '../../engine/load';
import { openProject } from '../../store/project';
import { exactlyOne, parseCommandArgs } from '../args';
import { writeCreditsCsv } from '../creditsCsv';
import { EXIT, type CliIo } from '../io';
import { MODEL_OPTIONS, parseModelOptions } from '../modelArgs';

const OPTIONS = { ...MODEL_OPTIONS, out: { type: 'string' }, json: { type: 'boolean' } } as const;

/** Opens a project just long enough to load what the engine reads. */
export function loadProjectDataset(path: string): Dataset {
  const project = openProject(resolve(path));
  try {
    return loadDataset(project.db);
  } finally {
    project.close();
  }
}

/** The `--json` object of spec cli.md, without `car` (added by the caller). */
export function attributionJson(run: AttributionRun, options: ModelOptions): Record<string, unknown> {
  return {
    model: options.model,
    options,
    revenue: run.revenue,
    attributed: run.attributed,
    unattributed: run.unattributed,
    byChannel: run.byChannel,
    ...(run.removalEffects ? { removalEffects: run.removalEffects } : {}),
    ...(run.shapleyValues ? { shapleyValues: run.shapleyValues } : {}),
  };
}

/** `tributary attribute <project> [model options] [--out credits.csv] [--json]` (spec cli.md). */
export function runAttribute(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = exactlyOne(positionals, '<project>');
  const options = parseModelOptions(values);
  const data = loadProjectDataset(path);
  const run = attribute(data, options);
  // Messages go to stderr when stdout carries the JSON object.
  const say = values.json ? io.stderr : io.stdout;
  if (run.revenue === 0) say('No won opportunity in this project: nothing to attribute.\n');
  if (values.out !== undefined) {
    const rows = writeCreditsCsv(resolve(values.out), data, run);
    say(`Wrote ${rows} credit rows to ${resolve(values.out)}.\n`);
  }
  if (values.json) io.stdout(`${JSON.stringify(attributionJson(run, options))}\n`);
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
    `  unattributed   ${money(run.unattributed)} (${run.unattributedOpportunities.length} won deals with no touch)`,
    '  by channel:',
    ...run.byChannel.filter((row) => row.credit > 0).map((row) => `    ${row.channel.padEnd(32)} ${money(row.credit)}`),
  ];
  return `${lines.join('\n')}\n`;
}
