import type { ReactNode } from 'react';
import { compareCsv } from '../../compare/compareCsv';
import type { ComparedCell } from '../../compare/deltas';
import { downloadTableCsv } from '../../export/tableCsv';
import type { CompareEntry } from '../../stores/compare';
import { useProjectStore } from '../../stores/project';
import { TableHeading } from '../TableHeading';
import { ComparedHeaders } from './ComparedHeaders';
import { DeltaCell } from './DeltaCell';

export interface CompareTableRow {
  key: string;
  /** The row's name columns (a channel; a category and its measure). */
  names: string[];
  cells: ComparedCell[];
  className?: string | undefined;
}

interface Props {
  id: string;
  title: string;
  note?: ReactNode;
  /** Headers of the name columns, as shown and as the CSV's first columns. */
  nameColumns: { label: string; csv: string }[];
  rows: CompareTableRow[];
  entries: CompareEntry[];
  baselineIndex: number;
  currency: string;
}

/** One value per compared model in each row, each with its delta vs the baseline; downloadable as CSV. */
export function CompareTable({ id, title, note, nameColumns, rows, entries, baselineIndex, currency }: Props) {
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  function downloadCsv() {
    const table = compareCsv(
      nameColumns.map((column) => column.csv),
      entries.map((entry) => entry.label),
      baselineIndex,
      rows,
    );
    downloadTableCsv(`${projectName} compared ${title.toLowerCase()}.csv`, table.header, table.rows);
  }
  return (
    <section aria-labelledby={id}>
      <TableHeading id={id} title={title} onDownload={downloadCsv} />
      {note}
      <div className="table-scroll">
        <table className="data-table compare-table" aria-labelledby={id}>
          <thead>
            <tr>
              {nameColumns.map((column) => (
                <th scope="col" key={column.csv}>
                  {column.label}
                </th>
              ))}
              <ComparedHeaders entries={entries} baselineIndex={baselineIndex} />
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.className}>
                <th scope="row">{row.names[0]}</th>
                {row.names.slice(1).map((name, index) => (
                  <td key={index}>{name}</td>
                ))}
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
