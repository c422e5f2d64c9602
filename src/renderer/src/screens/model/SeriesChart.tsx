import { formatMoney } from '../../format';
import type { StackedSeries } from '../../model/seriesChart';

/** One colour per named channel, in rank order; "Other" is always the last and grey. */
const CHANNEL_COLORS = ['#4c7fd9', '#2e9d6a', '#d0862f', '#8b63c9', '#c9485b', '#2a9bb0'];
const OTHER_COLOR = '#8a94a3';

const WIDTH = 720;
const HEIGHT = 240;
const LEFT = 8;
const TOP = 8;
const AXIS = 22;
const GAP = 0.25;
/** At most this many bucket labels under the bars, so monthly series stay readable. */
const MAX_LABELS = 12;

/** Attributed credit by channel per bucket as stacked bars, drawn as plain SVG (no chart library for bars). */
export function SeriesChart({ series, currency, unit }: { series: StackedSeries; currency: string; unit: string }) {
  const { channels, buckets, max } = series;
  const colorOf = (index: number) =>
    series.other && index === channels.length - 1
      ? OTHER_COLOR
      : (CHANNEL_COLORS[index % CHANNEL_COLORS.length] ?? OTHER_COLOR);
  const plotHeight = HEIGHT - TOP - AXIS;
  const slot = (WIDTH - LEFT * 2) / Math.max(1, buckets.length);
  const barWidth = slot * (1 - GAP);
  const labelEvery = Math.max(1, Math.ceil(buckets.length / MAX_LABELS));
  const scale = max > 0 ? plotHeight / max : 0;

  return (
    <figure className="series-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Attributed credit by channel, by ${unit}`}>
        <line className="series-axis" x1={LEFT} x2={WIDTH - LEFT} y1={TOP + plotHeight} y2={TOP + plotHeight} />
        {buckets.map((bucket, column) => {
          const x = LEFT + column * slot + (slot - barWidth) / 2;
          let y = TOP + plotHeight;
          return (
            <g key={bucket.bucket} data-bucket={bucket.bucket}>
              {bucket.credits.map((credit, index) => {
                const channel = channels[index] ?? '';
                const height = credit * scale;
                if (height <= 0) return null;
                y -= height;
                return (
                  <rect
                    key={index}
                    className="series-bar"
                    x={x}
                    y={y}
                    width={barWidth}
                    height={height}
                    fill={colorOf(index)}
                  >
                    <title>{`${bucket.bucket} · ${channel}: ${formatMoney(credit, currency)}`}</title>
                  </rect>
                );
              })}
              {column % labelEvery === 0 && (
                <text className="series-label" x={x + barWidth / 2} y={HEIGHT - 6} textAnchor="middle">
                  {bucket.bucket}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="series-legend" aria-label="Channels">
          {channels.map((channel, index) => (
            <li key={index}>
              <span className="swatch" style={{ background: colorOf(index) }} aria-hidden />
              {channel}
            </li>
          ))}
        </ul>
        <span className="muted small">Tallest bar: {formatMoney(max, currency)} attributed.</span>
      </figcaption>
    </figure>
  );
}
