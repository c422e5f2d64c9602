import {
  ROBUST_CAR_CATEGORIES,
  type ChannelRanges,
  type FigureRanges,
  type RobustnessResult,
} from '../../../shared/robustness';
import { formatWeights } from '../../../shared/robustnessWords';
import { CAR_CATEGORIES } from '../../../shared/vocabulary/carCategories';
import type { CsvCell } from '../export/tableCsv';

/** Channels the panel draws, largest first: the rest are in the CSV. */
export const ROBUSTNESS_TOP_CHANNELS = 12;

/** A figure as the panel and the CSV list it. */
export interface RobustRow {
  kind: 'channel' | 'car';
  label: string;
  ranges: FigureRanges;
}

/** Channels credited now or under some weighting or model (one at 0 everywhere says nothing), then the CAR figures. */
export function robustRows(result: RobustnessResult): { channels: RobustRow[]; car: RobustRow[] } {
  const credited = (row: ChannelRanges) =>
    row.value > 0 || row.modelRange.max.value > 0 || (row.weightRange?.near.max.value ?? 0) > 0;
  return {
    channels: result.channels.filter(credited).map((row) => ({ kind: 'channel', label: row.channel, ranges: row })),
    car: [
      { kind: 'car', label: 'Attributed CAR', ranges: result.car.attributed },
      ...ROBUST_CAR_CATEGORIES.map(({ field }) => ({
        kind: 'car' as const,
        label: CAR_CATEGORIES.find((category) => category.field === field)?.label ?? field,
        ranges: result.car.byCategory[field],
      })),
    ],
  };
}

/** The greatest value any range of these rows reaches: the scale their bars share. */
export function rowsScale(rows: readonly RobustRow[]): number {
  let scale = 0;
  for (const { ranges } of rows) {
    scale = Math.max(
      scale,
      ranges.value,
      ranges.weightRange?.near.max.value ?? 0,
      ranges.modelRange.max.value,
      ranges.interval?.high ?? 0,
    );
  }
  return scale;
}

export const ROBUSTNESS_CSV_HEADER = [
  'figure',
  'kind',
  'value',
  'near_min',
  'near_min_weights',
  'near_max',
  'near_max_weights',
  'all_min',
  'all_min_weights',
  'all_max',
  'all_max_weights',
  'model_min',
  'model_min_model',
  'model_max',
  'model_max_model',
  'interval_low',
  'interval_high',
] as const;

/** Every channel and CAR figure with all three ranges, blank where a range does not apply or has not run. */
export function robustnessCsvRows(result: RobustnessResult): CsvCell[][] {
  const rows: RobustRow[] = [
    ...result.channels.map((row) => ({ kind: 'channel' as const, label: row.channel, ranges: row })),
    ...robustRows(result).car,
  ];
  return rows.map(({ kind, label, ranges }) => {
    const near = ranges.weightRange?.near;
    const all = ranges.weightRange?.all;
    return [
      label,
      kind,
      ranges.value,
      near?.min.value ?? null,
      near ? formatWeights(near.min.weights) : null,
      near?.max.value ?? null,
      near ? formatWeights(near.max.weights) : null,
      all?.min.value ?? null,
      all ? formatWeights(all.min.weights) : null,
      all?.max.value ?? null,
      all ? formatWeights(all.max.weights) : null,
      ranges.modelRange.min.value,
      ranges.modelRange.min.model,
      ranges.modelRange.max.value,
      ranges.modelRange.max.model,
      ranges.interval?.low ?? null,
      ranges.interval?.high ?? null,
    ];
  });
}
