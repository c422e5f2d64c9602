import { formatMoneyAmount } from '../../../shared/money';
import { plural } from '../../../shared/plural';
import { describeScope, isAllTime, whereInWords } from '../../../shared/scope';
import { CAR_CATEGORIES, carMeasure, type CarCategory } from '../../../shared/vocabulary/carCategories';
import type { CarResult } from '../../engine/models/car';
import { runModel } from '../../engine/run';
import { exactlyOne, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { writeJson } from '../jsonStream';
import { MODEL_OPTIONS, parseModelOptions } from '../modelArgs';
import { loadProjectEngineData } from '../project';
import { carCommandJson, describePipeline, pipelineJson, seriesJson, seriesTable } from '../runJson';
import { parsePipelineOptions, parseScopeOptions, parseSeriesOption, SCOPE_OPTIONS } from '../scopeArgs';
import { runPipeline } from '../../engine/pipeline/pipeline';
import { seriesOf } from '../../engine/series/series';

const OPTIONS = { ...MODEL_OPTIONS, ...SCOPE_OPTIONS, json: { type: 'boolean' } } as const;

/**
 * `tributary car <project> [model options] [--json]`: community-attributed revenue (spec 7) under a model. `--json`
 * prints `{ model, options, revenue, car }`, the car object being the same as in `attribute --json`.
 */
export function runCarCommand(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = exactlyOne(positionals, '<project>');
  const options = { ...parseModelOptions(values), scope: parseScopeOptions(values) };
  const by = parseSeriesOption(values.by);
  const pipelineOptions = parsePipelineOptions(values);
  const engineData = loadProjectEngineData(path, io, options.scope);
  const { currency } = engineData;
  if (pipelineOptions !== null) {
    const pipeline = runPipeline(engineData, options, pipelineOptions.asOf);
    if (values.json) {
      const {
        model,
        options: used,
        asOf,
        openDeals,
        unvaluedDeals,
        pipeline: amount,
        car,
      } = pipelineJson(pipeline, currency);
      writeJson({ model, options: used, asOf, openDeals, unvaluedDeals, pipeline: amount, car }, io.stdout);
      io.stdout('\n');
    } else io.stdout(describePipeline(pipeline, currency));
    return EXIT.ok;
  }
  const run = runModel(engineData, options);
  const series = by === null ? null : seriesOf(run, by);
  if (values.json) {
    const json = carCommandJson(run, currency);
    writeJson(series === null ? json : { ...json, series: seriesJson(series, currency) }, io.stdout);
    io.stdout('\n');
    return EXIT.ok;
  }
  const { revenue } = run.attribution;
  if (revenue === 0) io.stdout(`No won opportunity ${whereInWords(options.scope)}: no revenue to attribute.\n`);
  if (!isAllTime(options.scope)) io.stdout(`Scope: ${describeScope(options.scope)}\n`);
  io.stdout(describeCar(run.car(), revenue, options.model, currency));
  if (series !== null && by !== null) io.stdout(`By ${by}:\n${seriesTable(series, currency, by)}`);
  return EXIT.ok;
}

function describeCar(car: CarResult, revenue: number, model: string, currency: string): string {
  const money = (value: number): string => formatMoneyAmount(value, currency);
  const share = (value: number) => (revenue > 0 ? ` (${((100 * value) / revenue).toFixed(1)}% of won revenue)` : '');
  const lines = [
    `Community-attributed revenue under ${model} (three measures, never added):`,
    `  attributed   ${money(car.attributed)}${share(car.attributed)}`,
    `  influenced   ${money(car.influenced)}${share(car.influenced)}`,
    `  sourced      ${money(car.sourced)}${share(car.sourced)}`,
    'By category (they overlap):',
    ...CAR_CATEGORIES.flatMap((category) => categoryLines(car, category, money)),
    `Community touches per won deal: ${car.communityTouchesPerWonDeal.toFixed(2)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** A category's lines: its measures in the shared table's order; roadmap and churn reduction say more. */
function categoryLines(car: CarResult, category: CarCategory, money: (value: number) => string): string[] {
  const name = `  ${category.label.toLowerCase().padEnd(20)}`;
  const more = ' '.repeat(name.length);
  const c = car.byCategory;
  const churn = c.churn_reduction;
  switch (category.field) {
    case 'roadmap':
      return [
        `${name}influenced ${money(c.roadmap.influenced)} in ${plural(c.roadmap.opportunities.length, 'deal')}, attributed ${money(c.roadmap.attributed)}`,
      ];
    case 'churn_reduction':
      return [
        `${name}retained ${money(churn.retained)} (95% interval ${money(churn.interval[0])} to ${money(churn.interval[1])})`,
        `${more}engaged renewals ${churn.engaged.renewals} at ${(100 * churn.engaged.retention).toFixed(1)}% retention, others ${churn.other.renewals} at ${(100 * churn.other.retention).toFixed(1)}%`,
        `${more}${churn.caveat}`,
      ];
    default:
      return [
        `${name}${category.measures.map((measure) => `${measure} ${money(carMeasure(c, category, measure))}`).join(', ')}`,
      ];
  }
}
