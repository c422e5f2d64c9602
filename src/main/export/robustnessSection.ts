import { ROBUST_CAR_CATEGORIES, type FigureRanges, type RobustnessResult } from '../../shared/robustness';
import { formatWeights, robustnessSummary } from '../../shared/robustnessWords';
import { CAR_CATEGORIES } from '../../shared/vocabulary/carCategories';
import { escapeHtml } from './html';

/** Channels the report's robustness table lists, largest first. */
const TOP_ROWS = 10;

/**
 * The summary report's "How sure is this?" section (spec 13): for the top channels, attributed CAR and each CAR
 * category, the value, its range over weightings within ±d points (position models), over the built-in models, and
 * the bootstrap interval when one ran, with the weights and models of the extremes in each cell's title and the
 * plain-words summary of which ranks hold. `money` formats and escapes an amount.
 */
export function robustnessSection(result: RobustnessResult, money: (value: number) => string): string {
  const dash = '—';
  const weights = result.weights !== null;
  const sampled = result.bootstrap !== null;
  const range = (low: number, high: number, title: string): string =>
    `<td class="n" title="${escapeHtml(title)}">${money(low)} – ${money(high)}</td>`;
  const row = (label: string, ranges: FigureRanges): string => {
    const cells = [`<td>${escapeHtml(label)}</td>`, `<td class="n">${money(ranges.value)}</td>`];
    if (weights) {
      const near = ranges.weightRange?.near;
      cells.push(
        near
          ? range(
              near.min.value,
              near.max.value,
              `${formatWeights(near.min.weights)} to ${formatWeights(near.max.weights)}`,
            )
          : `<td class="n">${dash}</td>`,
      );
    }
    const { min, max } = ranges.modelRange;
    cells.push(range(min.value, max.value, `${min.model} to ${max.model}`));
    if (sampled) {
      cells.push(
        ranges.interval
          ? range(ranges.interval.low, ranges.interval.high, '95% bootstrap interval')
          : `<td class="n">${dash}</td>`,
      );
    }
    return `<tr>${cells.join('')}</tr>`;
  };
  const header = [
    '<th>Figure</th>',
    '<th class="n">Value</th>',
    ...(weights ? [`<th class="n">Weights ±${escapeHtml(String(result.delta))} pts</th>`] : []),
    '<th class="n">Across models</th>',
    ...(sampled ? ['<th class="n">95% interval</th>'] : []),
  ].join('');
  const categories = ROBUST_CAR_CATEGORIES.map(({ field }) => ({
    label: `${CAR_CATEGORIES.find((category) => category.field === field)?.label ?? field} (attributed)`,
    ranges: result.car.byCategory[field],
  }));
  const rows = [
    ...result.channels.slice(0, TOP_ROWS).map((channel) => row(channel.channel, channel)),
    row('Attributed CAR', result.car.attributed),
    ...categories.map(({ label, ranges }) => row(label, ranges)),
  ];
  const sample = result.bootstrap
    ? ` The interval is from ${result.bootstrap.resamples} bootstrap resamples of the ${result.bootstrap.opportunities} won and lost deals in scope (seed ${result.bootstrap.seed}).`
    : ' Run the bootstrap in the Model tab to add sampling intervals.';
  return `
<section>
  <h2>How sure is this?</h2>
  <table>
    <thead><tr>${header}</tr></thead>
    <tbody>${rows.join('')}</tbody>
  </table>
  <p>${robustnessSummary(result).map(escapeHtml).join(' ')}</p>
  <p class="caveat">Ranges: the least and greatest value over the weightings within ±${escapeHtml(String(result.delta))} points of the current ones, over the twelve built-in models, and over resamples of the deals.${escapeHtml(sample)}</p>
</section>`;
}
