import type { CarRow } from '../../compare/deltas';
import type { CompareEntry } from '../../stores/compare';
import { CompareTable } from './CompareTable';

interface Props {
  rows: CarRow[];
  entries: CompareEntry[];
  baselineIndex: number;
  currency: string;
}

/** CAR by category (spec 7) for every compared model, each with its delta vs the baseline. */
export function CarCompareTable({ rows, ...rest }: Props) {
  return (
    <CompareTable
      id="compare-car-heading"
      title="CAR by category"
      note={
        <p className="muted small">Categories overlap (an upgrade can be referral-sourced), so they are not summed.</p>
      }
      nameColumns={[
        { label: 'Category', csv: 'category' },
        { label: 'Measure', csv: 'measure' },
      ]}
      rows={rows.map((row, index) => ({
        key: row.key,
        names: [row.category, row.measure],
        cells: row.cells,
        // Measures of one category sit under it without a rule between them.
        className: rows[index - 1]?.category === row.category ? 'same-group' : undefined,
      }))}
      {...rest}
    />
  );
}
