import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { Breakdowns } from '../../../../shared/results';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount, formatMoney } from '../../format';
import {
  BREAKDOWN_CHOICES,
  DEFAULT_BREAKDOWN_SORT,
  breakdownRows,
  nextBreakdownSort,
  type BreakdownColumn,
  type BreakdownKey,
  type BreakdownSort,
} from '../../model/breakdownTable';
import { useProjectStore } from '../../stores/project';
import { ChoiceSwitch } from './ChoiceSwitch';

const SWITCH_OPTIONS = BREAKDOWN_CHOICES.map(({ key, label }) => ({ value: key, label }));

/** Fixed, so only the rows in view are rendered: campaigns can run to hundreds. */
const ROW_HEIGHT = 30;
/** About twelve rows; a short breakdown shrinks to fit. */
const TABLE_HEIGHT = 390;
const BORDER_ALLOWANCE = 2;

const COLUMNS: { column: BreakdownColumn; label: string; numeric: boolean }[] = [
  { column: 'name', label: 'Name', numeric: false },
  { column: 'credit', label: 'Credit', numeric: true },
  { column: 'share', label: 'Share of attributed', numeric: true },
  { column: 'touches', label: 'Touches', numeric: true },
];

const percent = new Intl.NumberFormat(undefined, {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});

/** Model credit by one breakdown at a time, as a sortable, virtualised table. */
export function CreditBreakdown({ breakdowns, currency }: { breakdowns: Breakdowns; currency: string }) {
  const [choice, setChoice] = useState<BreakdownKey>('byChannel');
  const [sort, setSort] = useState<BreakdownSort>(DEFAULT_BREAKDOWN_SORT);
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = breakdownRows(breakdowns[choice], breakdowns.attributed, sort);
  const choiceLabel = BREAKDOWN_CHOICES.find((option) => option.key === choice)?.label ?? '';
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');

  function downloadCsv() {
    downloadTableCsv(
      `${projectName} credit by ${choiceLabel.toLowerCase()}.csv`,
      [choiceLabel.toLowerCase(), 'credit', 'share_of_attributed', 'touches'],
      rows.map((row) => [row.label, row.credit, row.share, row.touches]),
    );
  }

  // The virtualizer re-renders this component itself on scroll; nothing here is memoised by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });

  return (
    <section aria-labelledby="credit-breakdown-heading" className="credit-breakdown">
      <div className="results-header">
        <h3 id="credit-breakdown-heading">Credit by channel and campaign</h3>
        <ChoiceSwitch
          label="Credit breakdown"
          name="credit-breakdown"
          options={SWITCH_OPTIONS}
          value={choice}
          onChange={setChoice}
        />
        {rows.length > 0 && (
          <button type="button" className="secondary" onClick={downloadCsv}>
            Download CSV
          </button>
        )}
      </div>
      {rows.length === 0 ? (
        <p className="muted">No credit by {choiceLabel.toLowerCase()} for these settings.</p>
      ) : (
        <div
          ref={scrollRef}
          className="breakdown-grid"
          role="table"
          aria-label={`Credit by ${choiceLabel.toLowerCase()}`}
          aria-rowcount={rows.length + 1}
          aria-colcount={COLUMNS.length}
          style={{ height: Math.min(TABLE_HEIGHT, (rows.length + 1) * ROW_HEIGHT + BORDER_ALLOWANCE) }}
        >
          <div role="rowgroup" className="breakdown-grid-head">
            <div role="row" aria-rowindex={1} className="breakdown-grid-row">
              {COLUMNS.map(({ column, label, numeric }) => {
                const sorted = sort.column === column;
                return (
                  <div
                    role="columnheader"
                    key={column}
                    aria-sort={sorted ? sort.direction : 'none'}
                    className={numeric ? 'number' : undefined}
                  >
                    <button type="button" onClick={() => setSort(nextBreakdownSort(sort, column))}>
                      {label}
                      <span aria-hidden="true" className="sort-mark">
                        {sorted ? (sort.direction === 'ascending' ? '▲' : '▼') : ''}
                      </span>
                    </button>
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="breakdown-grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = rows[item.index];
              if (!row) return null;
              return (
                <div
                  key={row.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  className="breakdown-grid-row"
                  style={{ height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                >
                  <div role="rowheader" title={row.label}>
                    {row.label}
                  </div>
                  <div role="cell" className="number" data-value={row.credit}>
                    {formatMoney(row.credit, currency)}
                  </div>
                  <div role="cell" className="number" data-value={row.share}>
                    {percent.format(row.share)}
                  </div>
                  <div role="cell" className="number">
                    {formatCount(row.touches)}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      <p className="muted small">
        {formatCount(rows.length)} {rows.length === 1 ? 'row' : 'rows'}; shares are of attributed revenue (
        {formatMoney(breakdowns.attributed, currency)}).
        {choice === 'byActionType' && ' Action types cover community touches only, so they sum to the community share.'}
      </p>
    </section>
  );
}
