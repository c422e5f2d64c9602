import type { FigureRanges } from '../../../../shared/robustness';
import { formatWeights } from '../../../../shared/robustnessWords';

/**
 * One figure's ranges on a shared scale: the weights' band, the models' least and greatest as marks, the bootstrap's
 * whiskers and the current value as a dot. Each piece says in its title what it is and what reaches it; data-low and
 * data-high carry the band's ends for tests and tools.
 */
export function RangeTrack({
  ranges,
  scale,
  money,
}: {
  ranges: FigureRanges;
  scale: number;
  money: (value: number) => string;
}) {
  const at = (value: number) => `${scale > 0 ? Math.min(100, Math.max(0, (100 * value) / scale)) : 0}%`;
  const span = (low: number, high: number) => ({ left: at(low), width: `calc(${at(high)} - ${at(low)})` });
  const near = ranges.weightRange?.near;
  const { min, max } = ranges.modelRange;
  return (
    <div className="robust-track">
      {near && (
        <span
          className="robust-band"
          data-low={near.min.value}
          data-high={near.max.value}
          style={span(near.min.value, near.max.value)}
          title={`${money(near.min.value)} at ${formatWeights(near.min.weights)}; ${money(near.max.value)} at ${formatWeights(near.max.weights)}`}
        />
      )}
      {ranges.interval && (
        <span
          className="robust-whisker"
          data-low={ranges.interval.low}
          data-high={ranges.interval.high}
          style={span(ranges.interval.low, ranges.interval.high)}
          title={`95% interval ${money(ranges.interval.low)}–${money(ranges.interval.high)}`}
        />
      )}
      <span className="robust-mark" style={{ left: at(min.value) }} title={`${money(min.value)} under ${min.model}`} />
      <span className="robust-mark" style={{ left: at(max.value) }} title={`${money(max.value)} under ${max.model}`} />
      <span className="robust-value" style={{ left: at(ranges.value) }} title={`Now ${money(ranges.value)}`} />
    </div>
  );
}
