import type { ReactNode } from 'react';
import type { CarView } from '../../../../shared/modelApi';
import {
  CAR_CATEGORIES,
  carColumns,
  type CarCategory,
  type CarColumn,
} from '../../../../shared/vocabulary/carCategories';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount, formatMoney } from '../../format';
import { useProjectStore } from '../../stores/project';
import { TableHeading } from '../TableHeading';

interface Row extends Record<CarColumn, number | null> {
  category: string;
  note?: ReactNode;
}

/** CAR by category (spec 7). Categories overlap, so the table has no total row. */
export function CarByCategory({ car, currency }: { car: CarView; currency: string }) {
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const money = (value: number | null) => (value === null ? '—' : formatMoney(value, currency));
  const { byCategory } = car;
  const churn = byCategory.churn_reduction;
  const notes: Partial<Record<CarCategory['field'], ReactNode>> = {
    roadmap: `Revenue at stake over ${formatCount(byCategory.roadmap.opportunityCount)} opportunities; attributed = roadmap share × that amount.`,
    churn_reduction: (
      <>
        Retained revenue, 95% interval {money(churn.interval[0])} – {money(churn.interval[1])}; engaged{' '}
        {formatCount(churn.engaged.renewals)} renewals, others {formatCount(churn.other.renewals)}.{' '}
        <span className="caveat">{churn.caveat}</span>
        {churn.note && <> {churn.note}</>}
      </>
    ),
  };
  const rows: Row[] = CAR_CATEGORIES.map((category) => ({
    category: category.label,
    ...carColumns(byCategory, category),
    note: notes[category.field],
  }));

  function downloadCsv() {
    downloadTableCsv(
      `${projectName} CAR by category.csv`,
      ['category', 'attributed', 'influenced', 'sourced'],
      rows.map((row) => [row.category, row.attributed, row.influenced, row.sourced]),
    );
  }

  return (
    <section aria-labelledby="car-category-heading" className="car-categories">
      <TableHeading id="car-category-heading" title="CAR by category" onDownload={downloadCsv} />
      <p className="muted small">Categories overlap (an upgrade can be referral-sourced), so they are not summed.</p>
      <div className="table-scroll">
        <table className="data-table car-table" aria-labelledby="car-category-heading">
          <thead>
            <tr>
              <th scope="col">Category</th>
              <th scope="col" className="number">
                Attributed
              </th>
              <th scope="col" className="number">
                Influenced
              </th>
              <th scope="col" className="number">
                Sourced
              </th>
              <th scope="col">Notes</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.category}>
                <th scope="row">{row.category}</th>
                <td className="number">{money(row.attributed)}</td>
                <td className="number">{money(row.influenced)}</td>
                <td className="number">{money(row.sourced)}</td>
                <td className="note">{row.note}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
