import type { CarResult } from '../../shared/results';
import type { ModelRunResult } from '../engine/run';
import { formatMoneyAmount, roundMoney } from '../../shared/money';
import type { SeriesBucket } from '../engine/series/series';
import type { PipelineRun } from '../engine/pipeline/pipeline';
import { plural } from '../../shared/plural';
import { roundCarMoney, type RoundMoney } from './money';

/**
 * `attribute --json` (spec cli.md). Amounts are rounded to the minor unit, as the text shows them; removal effects
 * and Shapley values are not money and stay as computed. The credits CSV keeps full precision.
 */
export function attributionJson(run: ModelRunResult, currency: string): Record<string, unknown> {
  const { options, attribution } = run;
  const round = moneyIn(currency);
  return {
    model: options.model,
    options,
    revenue: round(attribution.revenue),
    attributed: round(attribution.attributed),
    unattributed: round(attribution.unattributed),
    byChannel: attribution.byChannel.map((row) => ({ ...row, credit: round(row.credit) })),
    car: carJson(run.car(), round),
    ...(attribution.removalEffects ? { removalEffects: attribution.removalEffects } : {}),
    ...(attribution.shapleyValues ? { shapleyValues: attribution.shapleyValues } : {}),
  };
}

/** `car --json`: the model, its options, the won revenue and the same car object as `attribute --json`. */
export function carCommandJson(run: ModelRunResult, currency: string): Record<string, unknown> {
  const { options, attribution } = run;
  const round = moneyIn(currency);
  return { model: options.model, options, revenue: round(attribution.revenue), car: carJson(run.car(), round) };
}

/**
 * The CAR object of `--json`, its amounts to the minor unit. spec cli.md names `car.churn`: the churn_reduction
 * category, repeated where the spec looks for it.
 */
function carJson(car: CarResult, round: RoundMoney): CarResult & { churn: CarResult['byCategory']['churn_reduction'] } {
  const rounded = roundCarMoney(car, round);
  return { ...rounded, churn: rounded.byCategory.churn_reduction };
}

function moneyIn(currency: string): RoundMoney {
  return (value) => roundMoney(value, currency);
}

/** `--by`'s `series` (cli.md), its amounts to the minor unit like the rest of the JSON. */
export function seriesJson(series: readonly SeriesBucket[], currency: string): Record<string, unknown>[] {
  const round = moneyIn(currency);
  return series.map((bucket) => ({
    bucket: bucket.bucket,
    revenue: round(bucket.revenue),
    attributed: round(bucket.attributed),
    byChannel: bucket.byChannel.map((row) => ({ ...row, credit: round(row.credit) })),
    car: {
      attributed: round(bucket.car.attributed),
      influenced: round(bucket.car.influenced),
      sourced: round(bucket.car.sourced),
    },
  }));
}

/** The series as a text table: one line per bucket, amounts right-aligned. */
export function seriesTable(series: readonly SeriesBucket[], currency: string, by: string): string {
  const money = (value: number): string => formatMoneyAmount(value, currency);
  const columns: [string, (bucket: SeriesBucket) => number][] = [
    ['won revenue', (b) => b.revenue],
    ['attributed', (b) => b.attributed],
    ['CAR attributed', (b) => b.car.attributed],
    ['CAR influenced', (b) => b.car.influenced],
    ['CAR sourced', (b) => b.car.sourced],
  ];
  const widths = columns.map(([label, value]) =>
    Math.max(label.length, ...series.map((bucket) => money(value(bucket)).length)),
  );
  const first = Math.max(by.length, ...series.map((bucket) => bucket.bucket.length));
  const line = (head: string, cells: string[]) =>
    `  ${head.padEnd(first)}  ${cells.map((cell, i) => cell.padStart(widths[i] as number)).join('  ')}`;
  return `${[
    line(
      by,
      columns.map(([label]) => label),
    ),
    ...series.map((bucket) =>
      line(
        bucket.bucket,
        columns.map(([, value]) => money(value(bucket))),
      ),
    ),
  ].join('\n')}\n`;
}

/** `--pipeline --json` (cli.md): the pipeline figures of spec 11, never mixed with revenue. */
export function pipelineJson(pipeline: PipelineRun, currency: string): Record<string, unknown> {
  const round = moneyIn(currency);
  return {
    model: pipeline.options.model,
    options: pipeline.options,
    asOf: new Date(pipeline.asOf).toISOString(),
    openDeals: pipeline.openDeals,
    unvaluedDeals: pipeline.unvaluedDeals,
    pipeline: round(pipeline.amount),
    attributed: round(pipeline.attributed),
    unattributed: round(pipeline.unattributed),
    byChannel: pipeline.byChannel.map((row) => ({ ...row, credit: round(row.credit) })),
    car: {
      attributed: round(pipeline.car.attributed),
      influenced: round(pipeline.car.influenced),
      sourced: round(pipeline.car.sourced),
    },
  };
}

/** The pipeline figures in words. */
export function describePipeline(pipeline: PipelineRun, currency: string): string {
  const money = (value: number): string => formatMoneyAmount(value, currency);
  const channels = pipeline.byChannel.filter((row) => row.credit > 0);
  return `${[
    `Pipeline under ${pipeline.options.model} as of ${new Date(pipeline.asOf).toISOString().slice(0, 10)} (never added to revenue):`,
    `  open pipeline  ${money(pipeline.amount)} in ${plural(pipeline.openDeals, 'open deal')}${pipeline.unvaluedDeals ? `, ${plural(pipeline.unvaluedDeals, 'deal')} not yet valued` : ''}`,
    `  attributed     ${money(pipeline.attributed)}`,
    `  unattributed   ${money(pipeline.unattributed)} (open deals with no touch)`,
    `  community      attributed ${money(pipeline.car.attributed)}, influenced ${money(pipeline.car.influenced)}, sourced ${money(pipeline.car.sourced)}`,
    '  by channel:',
    ...channels.map((row) => `    ${row.channel.padEnd(32)} ${money(row.credit)}`),
  ].join('\n')}\n`;
}
