import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import type { BreakdownEntry, Breakdowns } from '../../../../shared/results';
import { downloadTableCsv } from '../../export/tableCsv';
import { formatCount, formatMoney } from '../../format';
import {
  BREAKDOWN_CHOICES,
  DEFAULT_BREAKDOWN_SORT,
  breakdownRows,
  nextBreakdownSort,
  type BreakdownColumn,
  type BreakdownSort,
} from '../../model/breakdownTable';
import { useModelStore, type BreakdownChoice } from '../../stores/model';
import type { ModelFigures } from '../../stores/pipeline';
import { useProjectStore } from '../../stores/project';
import { useScopeChoicesStore } from '../../stores/scopeChoices';
import { SortButton } from '../SortButton';
import { ChoiceSwitch } from './ChoiceSwitch';

const SWITCH_OPTIONS: { value: BreakdownChoice; label: string }[] = BREAKDOWN_CHOICES.map(({ key, label }) => ({
  value: key,
  label,
}));
const FIELD_OPTION = { value: 'byField', label: 'Custom field' } as const;

/** The entries of a breakdown by custom field, its folded rest included; none until the run for that field is in. */
function fieldEntries(breakdowns: Breakdowns, field: string | null): BreakdownEntry[] | null {
  const byField = breakdowns.byField;
  if (byField === null || byField.field !== field) return null;
  return byField.other ? [...byField.top, byField.other] : byField.top;
}

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

/**
 * Model credit by one breakdown at a time, as a sortable, virtualised table: of won revenue, or of the open
 * pipeline. A custom field of the deal or its account is one of the choices when the project has any; the engine
 * computes that breakdown with each run while it is shown (the store asks for it).
 */
export function CreditBreakdown({
  breakdowns,
  currency,
  figures = 'revenue',
}: {
  breakdowns: Breakdowns;
  currency: string;
  figures?: ModelFigures;
}) {
  const choice = useModelStore((state) => state.breakdown);
  const field = useModelStore((state) => state.breakdownField);
  const setBreakdown = useModelStore((state) => state.setBreakdown);
  const setBreakdownField = useModelStore((state) => state.setBreakdownField);
  const fields = useScopeChoicesStore((state) => state.choices?.fields) ?? [];
  const [sort, setSort] = useState<BreakdownSort>(DEFAULT_BREAKDOWN_SORT);
  const scrollRef = useRef<HTMLDivElement>(null);
  const entries = choice === 'byField' ? fieldEntries(breakdowns, field) : breakdowns[choice];
  const rows = breakdownRows(entries ?? [], breakdowns.attributed, sort);
  const choiceLabel =
    choice === 'byField' ? (field ?? '') : (BREAKDOWN_CHOICES.find((option) => option.key === choice)?.label ?? '');
  // A custom field keeps its name as written; a built-in breakdown reads in lower case in a sentence.
  const inWords = choice === 'byField' ? choiceLabel : choiceLabel.toLowerCase();
  const credit = figures === 'pipeline' ? 'Pipeline credit' : 'Credit';
  const total = figures === 'pipeline' ? 'attributed pipeline' : 'attributed revenue';
  const projectName = useProjectStore((state) => state.summary?.meta.name ?? 'Tributary');
  const switchOptions = fields.length > 0 || choice === 'byField' ? [...SWITCH_OPTIONS, FIELD_OPTION] : SWITCH_OPTIONS;

  function choose(next: BreakdownChoice) {
    if (next !== 'byField') setBreakdown(next);
    else setBreakdownField(field ?? fields[0]?.field ?? '');
  }

  function downloadCsv() {
    downloadTableCsv(
      `${projectName} ${credit.toLowerCase()} by ${inWords}.csv`,
      [inWords, figures === 'pipeline' ? 'pipeline_credit' : 'credit', 'share_of_attributed', 'touches'],
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
    <section aria-labelledby={`${figures}-breakdown-heading`} className="credit-breakdown">
      <div className="results-header">
        <h3 id={`${figures}-breakdown-heading`}>{credit} by channel and campaign</h3>
        <ChoiceSwitch
          label="Credit breakdown"
          name={`${figures}-credit-breakdown`}
          options={switchOptions}
          value={choice}
          onChange={choose}
        />
        {choice === 'byField' && fields.length > 0 && (
          <label className="breakdown-field">
            Field
            <select value={field ?? ''} onChange={(event) => setBreakdownField(event.target.value)}>
              {fields.map((option) => (
                <option key={`${option.kind}:${option.field}`} value={option.field}>
                  {option.field} ({option.kind === 'accounts' ? 'account' : 'deal'})
                </option>
              ))}
            </select>
          </label>
        )}
        {rows.length > 0 && (
          <button type="button" className="secondary" onClick={downloadCsv}>
            Download CSV
          </button>
        )}
      </div>
      {entries === null ? (
        <p className="muted">Computing the credit by {inWords}…</p>
      ) : rows.length === 0 ? (
        <p className="muted">
          No {credit.toLowerCase()} by {inWords} for these settings.
        </p>
      ) : (
        <div
          ref={scrollRef}
          className="breakdown-grid"
          role="table"
          aria-label={`${credit} by ${inWords}`}
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
                    <SortButton
                      label={label}
                      direction={sorted ? sort.direction : null}
                      onClick={() => setSort(nextBreakdownSort(sort, column))}
                    />
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
        {formatCount(rows.length)} {rows.length === 1 ? 'row' : 'rows'}; shares are of {total} (
        {formatMoney(breakdowns.attributed, currency)}).
        {choice === 'byActionType' && ' Action types cover community touches only, so they sum to the community share.'}
        {choice === 'byField' &&
          ` Each touch counts under its deal's ${field ?? 'field'} (the deal's own field, else its account's).`}
      </p>
    </section>
  );
}
