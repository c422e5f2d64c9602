import type { ChannelRow } from '../../compare/deltas';
import type { CompareEntry } from '../../stores/compare';
import { compareCsv } from '../../compare/compareCsv';
import { downloadTableCsv } from '../../export/tableCsv';
import { useProjectStore } from '../../stores/project';
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
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  function downloadCsv() {
    const table = compareCsv(
      ['channel'],
      entries.map((entry) => entry.label),
      baselineIndex,
      rows.map((row) => ({ names: [row.channel], cells: row.cells })),
    );
    downloadTableCsv(`${projectName} compared credit by channel.csv`, table.header, table.rows);
  }
  return (
    <section aria-labelledby="compare-channel-heading">
      <div className="results-header">
        <h3 id="compare-channel-heading">Credit by channel</h3>
        <button type="button" className="secondary" onClick={downloadCsv}>
          Download CSV
        </button>
      </div>
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
