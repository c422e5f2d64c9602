import type { CarRow } from '../../compare/deltas';
import type { CompareEntry } from '../../stores/compare';
import { compareCsv } from '../../compare/compareCsv';
import { downloadTableCsv } from '../../export/tableCsv';
import { useProjectStore } from '../../stores/project';
import { ComparedHeaders } from './ComparedHeaders';
import { DeltaCell } from './DeltaCell';

interface Props {
  rows: CarRow[];
  entries: CompareEntry[];
  baselineIndex: number;
  currency: string;
}

/** CAR by category (spec 7) for every compared model, each with its delta vs the baseline. */
export function CarCompareTable({ rows, entries, baselineIndex, currency }: Props) {
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  function downloadCsv() {
    const table = compareCsv(
      ['category', 'measure'],
      entries.map((entry) => entry.label),
      baselineIndex,
      rows.map((row) => ({ names: [row.category, row.measure], cells: row.cells })),
    );
    downloadTableCsv(`${projectName} compared CAR by category.csv`, table.header, table.rows);
  }
  return (
    <section aria-labelledby="compare-car-heading">
      <div className="results-header">
        <h3 id="compare-car-heading">CAR by category</h3>
        <button type="button" className="secondary" onClick={downloadCsv}>
          Download CSV
        </button>
      </div>
      <p className="muted small">Categories overlap (an upgrade can be referral-sourced), so they are not summed.</p>
      <div className="table-scroll">
        <table className="data-table compare-table" aria-labelledby="compare-car-heading">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col">Measure</th>
              <ComparedHeaders entries={entries} baselineIndex={baselineIndex} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, rowIndex) => (
              <tr key={row.key} className={rows[rowIndex - 1]?.category === row.category ? 'same-group' : undefined}>
                <th scope="row">{row.category}</th>
                <td>{row.measure}</td>
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
