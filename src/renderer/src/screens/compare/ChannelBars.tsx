import type { ChannelRow } from '../../compare/deltas';
import { compareColor } from '../../compare/palette';
import { formatMoney } from '../../format';
import type { CompareEntry } from '../../stores/compare';

/** More channels make the chart taller than it is useful; the table lists them all. */
const CHART_CHANNELS = 10;

interface Props {
  rows: ChannelRow[];
  entries: CompareEntry[];
  currency: string;
}

/** A grouped bar chart of credit by channel: one bar per compared model, all on one scale. */
export function ChannelBars({ rows, entries, currency }: Props) {
  const shown = rows.slice(0, CHART_CHANNELS);
  const max = Math.max(0, ...shown.flatMap((row) => row.cells.map((cell) => cell.value)));
  const names = entries.map((entry) => entry.label).join(', ');

  return (
    <figure className="channel-bars" aria-labelledby="channel-bars-caption">
      <figcaption id="channel-bars-caption">
        <h3>Credit by channel, side by side</h3>
        <ul className="bar-legend" aria-label="Legend">
          {entries.map((entry, index) => (
            <li key={entry.id}>
              <span className="swatch" style={{ background: compareColor(index) }} aria-hidden="true" />
              {entry.label}
            </li>
          ))}
        </ul>
      </figcaption>
      <div
        role="img"
        aria-label={`Bar chart of credit by channel for ${names}, the ${shown.length} largest channels; the table below gives every figure.`}
        className="bar-groups"
      >
        {shown.map((row) => (
          <div className="bar-group" key={row.channel}>
            <div className="bar-label" title={row.channel}>
              {row.channel}
            </div>
            <div className="bar-stack">
              {row.cells.map((cell, index) => {
                const entry = entries[index];
                const width = max > 0 ? (cell.value / max) * 100 : 0;
                return (
                  <div className="bar-line" key={entry?.id ?? index}>
                    <div
                      className="bar"
                      style={{ width: `${width}%`, background: compareColor(index) }}
                      title={`${entry?.label ?? ''}: ${formatMoney(cell.value, currency)}`}
                    />
                    <span className="bar-value">{formatMoney(cell.value, currency)}</span>
                  </div>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      {rows.length > shown.length && (
        <p className="muted small">
          The {shown.length} channels with the most baseline credit; the table lists all {rows.length}.
        </p>
      )}
    </figure>
  );
}
