import type { CarMeasures, ComparedModel } from '../../../shared/scenarioApi';
import { CAR_CATEGORIES, carMeasure, type CarMeasureName } from '../../../shared/vocabulary/carCategories';

/** How far a value is from the baseline's: `percent` is a fraction of the baseline, null when that is 0. */
export interface Delta {
  absolute: number;
  percent: number | null;
}

/** One compared model's value in a row, and its delta vs the baseline (null in the baseline's own column). */
export interface ComparedCell {
  value: number;
  delta: Delta | null;
}

export interface ChannelRow {
  channel: string;
  cells: ComparedCell[];
}

export interface CarRow {
  key: string;
  category: string;
  measure: CarMeasureName;
  cells: ComparedCell[];
}

/** Below a cent, a difference is rounding noise between two float sums, not a change. */
const NOISE = 0.005;

export function deltaOf(value: number, baseline: number): Delta {
  const absolute = Math.abs(value - baseline) < NOISE ? 0 : value - baseline;
  if (absolute === 0) return { absolute: 0, percent: 0 };
  return { absolute, percent: Math.abs(baseline) < NOISE ? null : absolute / Math.abs(baseline) };
}

function cellsOf(values: number[], baselineIndex: number): ComparedCell[] {
  const baseline = values[baselineIndex] ?? 0;
  return values.map((value, index) => ({ value, delta: index === baselineIndex ? null : deltaOf(value, baseline) }));
}

/**
 * Credit by channel, one row per channel any model credits (a model may credit none to a channel another uses),
 * largest baseline credit first, then largest credit in any model, then channel name in code-unit order.
 */
export function channelRows(results: ComparedModel[], baselineIndex: number): ChannelRow[] {
  const maps = results.map((result) => new Map(result.byChannel.map((row) => [row.channel, row.credit])));
  const channels = [...new Set(results.flatMap((result) => result.byChannel.map((row) => row.channel)))];
  const rows = channels.map((channel) => ({
    channel,
    cells: cellsOf(
      maps.map((map) => map.get(channel) ?? 0),
      baselineIndex,
    ),
  }));
  const baselineOf = (row: ChannelRow) => row.cells[baselineIndex]?.value ?? 0;
  const largest = (row: ChannelRow) => Math.max(...row.cells.map((cell) => cell.value));
  return rows.sort(
    (a, b) =>
      baselineOf(b) - baselineOf(a) ||
      largest(b) - largest(a) ||
      (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0),
  );
}

const CAR_TOTALS = ['attributed', 'influenced', 'sourced'] as const;

/** The CAR measures compared (spec 7): the totals, then each category's measures, in the shared categories' order. */
export const CAR_ROWS: { key: string; category: string; measure: CarMeasureName; pick(car: CarMeasures): number }[] = [
  ...CAR_TOTALS.map((measure) => ({
    key: `total-${measure}`,
    category: 'All CAR',
    measure,
    pick: (car: CarMeasures) => car[measure],
  })),
  ...CAR_CATEGORIES.flatMap((category) =>
    category.measures.map((measure) => ({
      key: `${category.key}-${measure}`,
      category: category.label,
      measure,
      pick: (car: CarMeasures) => carMeasure(car.byCategory, category, measure),
    })),
  ),
];

export function carRows(results: ComparedModel[], baselineIndex: number): CarRow[] {
  return CAR_ROWS.map(({ key, category, measure, pick }) => ({
    key,
    category,
    measure,
    cells: cellsOf(
      results.map((result) => pick(result.car)),
      baselineIndex,
    ),
  }));
}

/** The revenue split of each model, with its attributed revenue's delta vs the baseline. */
export function attributedCells(results: ComparedModel[], baselineIndex: number): ComparedCell[] {
  return cellsOf(
    results.map((result) => result.attributed),
    baselineIndex,
  );
}

/** A delta as the tables show it: "+$1,234 (+11.1%)", "−$80 (new)" when the baseline has none, "±0". */
export function formatDelta(delta: Delta, currency: string, locale?: string): string {
  if (delta.absolute === 0) return '±0';
  const money = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    maximumFractionDigits: 0,
    signDisplay: 'always',
  }).format(delta.absolute);
  const percent =
    delta.percent === null
      ? 'new'
      : new Intl.NumberFormat(locale, {
          style: 'percent',
          signDisplay: 'exceptZero',
          minimumFractionDigits: 1,
          maximumFractionDigits: 1,
        }).format(delta.percent);
  return `${money} (${percent})`;
}
