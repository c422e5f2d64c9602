import type { ChannelRow } from '../../compare/deltas';
import type { CompareEntry } from '../../stores/compare';
import { ComparedHeaders } from './ComparedHeaders';
import { DeltaCell } from './DeltaCell';

interface Props {
  rows: ChannelRow[];
  entries: CompareEntry[];
  baselineIndex: number;
  currency: string;
}

/** Credit by channel for every compared model, each with its delta vs the baseline. */
export function ChannelCompareTable({ rows, entries, baselineIndex, currency }: Props) {
  return (
    <section aria-labelledby="compare-channel-heading">
      <h3 id="compare-channel-heading">Credit by channel</h3>
      <div className="table-scroll">
        <table className="data-table compare-table" aria-labelledby="compare-channel-heading">
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <ComparedHeaders entries={entries} baselineIndex={baselineIndex} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.channel}>
                <th scope="row">{row.channel}</th>
                {row.cells.map((cell, index) => (
                  <DeltaCell key={entries[index]?.id ?? index} cell={cell} currency={currency} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
