import { formatMoneyAmount, roundMoney } from '../../shared/money';
import {
  ROBUST_CAR_CATEGORIES,
  type FigureRanges,
  type RobustCarCategory,
  type RobustnessResult,
} from '../../shared/robustness';
import { formatWeights, robustnessSummary } from '../../shared/robustnessWords';
import { CAR_CATEGORIES } from '../../shared/vocabulary/carCategories';

type Pair = [number, number];

/** One figure in `robustness --json` (cli.md): its value and its ranges as [min, max] pairs. */
export interface FigureJson {
  value: number;
  weightRange?: { near: Pair; all: Pair };
  modelRange: Pair;
  interval?: Pair;
}

/** `robustness --json` exactly as cli.md gives it, its amounts to the currency's minor unit as every --json. */
export function robustnessJson(result: RobustnessResult, currency: string): Record<string, unknown> {
  const round = (value: number): number => roundMoney(value, currency);
  const figure = (ranges: FigureRanges): FigureJson => ({
    value: round(ranges.value),
    ...(ranges.weightRange
      ? {
          weightRange: {
            near: [round(ranges.weightRange.near.min.value), round(ranges.weightRange.near.max.value)],
            all: [round(ranges.weightRange.all.min.value), round(ranges.weightRange.all.max.value)],
          },
        }
      : {}),
    modelRange: [round(ranges.modelRange.min.value), round(ranges.modelRange.max.value)],
    ...(ranges.interval ? { interval: [round(ranges.interval.low), round(ranges.interval.high)] as Pair } : {}),
  });
  return {
    model: result.model,
    options: result.options,
    channels: result.channels.map((row) => ({ channel: row.channel, ...figure(row) })),
    car: {
      attributed: figure(result.car.attributed),
      byCategory: Object.fromEntries(
        ROBUST_CAR_CATEGORIES.map(({ field }) => [field, figure(result.car.byCategory[field])]),
      ) as Record<RobustCarCategory, FigureJson>,
    },
  };
}

/** The human output: per figure its value and each range, naming the weights and the model of each extreme. */
export function describeRobustness(result: RobustnessResult, currency: string): string {
  const money = (value: number): string => formatMoneyAmount(value, currency);
  const lines: string[] = [
    `Robustness under ${result.model}${result.weights ? ` (${formatWeights(result.weights)})` : ''}:`,
  ];
  const describe = (label: string, ranges: FigureRanges): void => {
    lines.push(`${label}: ${money(ranges.value)}`);
    if (ranges.weightRange) {
      const { near, all } = ranges.weightRange;
      lines.push(
        `    weights within ±${result.delta} points: ${money(near.min.value)} (${formatWeights(near.min.weights)})` +
          ` to ${money(near.max.value)} (${formatWeights(near.max.weights)})`,
        `    any weights: ${money(all.min.value)} (${formatWeights(all.min.weights)})` +
          ` to ${money(all.max.value)} (${formatWeights(all.max.weights)})`,
      );
    }
    const { min, max } = ranges.modelRange;
    lines.push(`    models: ${money(min.value)} (${min.model}) to ${money(max.value)} (${max.model})`);
    if (ranges.interval) {
      lines.push(`    95% bootstrap interval: ${money(ranges.interval.low)} to ${money(ranges.interval.high)}`);
    }
  };
  lines.push('Credit by channel:');
  for (const row of result.channels) describe(`  ${row.channel}`, row);
  lines.push('Community-attributed revenue:');
  describe('  attributed', result.car.attributed);
  for (const { field } of ROBUST_CAR_CATEGORIES) {
    const label = CAR_CATEGORIES.find((category) => category.field === field)?.label ?? field;
    describe(`  ${label.toLowerCase()}`, result.car.byCategory[field]);
  }
  if (result.bootstrap) {
    const { resamples, seed, opportunities } = result.bootstrap;
    lines.push(`Bootstrap: ${resamples} resamples of ${opportunities} won and lost deals, seed ${seed}.`);
  }
  lines.push(...robustnessSummary(result));
  return `${lines.join('\n')}\n`;
}
