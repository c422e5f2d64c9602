import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef } from 'react';
import type { OpportunitySortColumn } from '../../../../shared/journeyApi';
import type { ReportScope } from '../../../../shared/scope';
import { formatCount, formatDate, formatMoney } from '../../format';
import { useJourneysStore } from '../../stores/journeys';
import { useModelStore } from '../../stores/model';
import { rowAt, useOpportunityListStore, type StageFilter } from '../../stores/opportunityList';
import { SortButton } from '../SortButton';

/** Fixed, so only the rows in view are rendered: a project can hold a million deals. */
const ROW_HEIGHT = 30;
const TABLE_HEIGHT = 390;
const BORDER_ALLOWANCE = 2;

const COLUMNS: { label: string; sort: OpportunitySortColumn | null; numeric: boolean }[] = [
  { label: 'Opportunity', sort: null, numeric: false },
  { label: 'Account', sort: null, numeric: false },
  { label: 'Stage', sort: null, numeric: false },
  { label: 'Amount', sort: 'amount', numeric: true },
  { label: 'Closed', sort: 'closedAt', numeric: true },
  { label: 'Touches', sort: 'touches', numeric: true },
  { label: 'Community touches', sort: 'communityTouches', numeric: true },
];

const STAGES: { value: StageFilter; label: string }[] = [
  { value: 'all', label: 'All stages' },
  { value: 'won', label: 'Won' },
  { value: 'lost', label: 'Lost' },
  { value: 'open', label: 'Open' },
];

/**
 * The report scope's opportunities as a sortable, virtualised table, filtered by stage and by text: the engine sorts
 * and pages them, and the pages in view are loaded as the table scrolls. Choosing one explains its journey.
 */
export function OpportunityBrowser({ currency }: { currency: string }) {
  const scope = useModelStore((state) => state.options.scope);
  const { stage, text, sort, total, pages, loading, error } = useOpportunityListStore();
  const { setStage, setText, sortBy, browse, ensure } = useOpportunityListStore.getState();
  const selectedId = useJourneysStore((state) => state.selectedId);
  const select = useJourneysStore((state) => state.select);
  const scrollRef = useRef<HTMLDivElement>(null);
  // A scope that only looks new (the same choices in a new object) does not list again.
  const scopeKey = JSON.stringify(scope);
  const stableScope = useMemo(() => JSON.parse(scopeKey) as ReportScope, [scopeKey]);

  useEffect(() => {
    void browse(stableScope);
  }, [stableScope, stage, text, sort, browse]);

  const count = total ?? 0;
  // The virtualizer re-renders this component itself on scroll; nothing here is memoised by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  useEffect(() => {
    if (count > 0) ensure(stableScope, first, last);
  }, [stableScope, first, last, count, pages, ensure]);

  return (
    <section className="panel opportunity-browser" aria-labelledby="opportunity-browser-heading">
      <h2 id="opportunity-browser-heading">Opportunities in scope</h2>
      <div className="opportunity-filters">
        <label>
          Stage
          <select value={stage} onChange={(event) => setStage(event.target.value as StageFilter)}>
            {STAGES.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Find an opportunity
          <input
            type="search"
            value={text}
            placeholder="Id, name or account"
            maxLength={200}
            onChange={(event) => setText(event.target.value)}
          />
        </label>
      </div>
      {error && (
        <p className="inline-error" role="alert">
          {error}
        </p>
      )}
      {total === 0 && <p className="muted">No opportunity in this scope passes these filters.</p>}
      {count > 0 && (
        <div
          ref={scrollRef}
          className="breakdown-grid opportunity-grid"
          role="table"
          aria-label="Opportunities"
          aria-busy={loading}
          aria-rowcount={count + 1}
          aria-colcount={COLUMNS.length}
          style={{ height: Math.min(TABLE_HEIGHT, (count + 1) * ROW_HEIGHT + BORDER_ALLOWANCE) }}
        >
          <div role="rowgroup" className="breakdown-grid-head">
            <div role="row" aria-rowindex={1} className="breakdown-grid-row">
              {COLUMNS.map((column) => {
                const sorted = column.sort !== null && sort.column === column.sort;
                return (
                  <div
                    role="columnheader"
                    key={column.label}
                    aria-sort={sorted ? sort.direction : 'none'}
                    className={column.numeric ? 'number' : undefined}
                  >
                    {column.sort === null ? (
                      <span className="column-label">{column.label}</span>
                    ) : (
                      <SortButton
                        label={column.label}
                        direction={sorted ? sort.direction : null}
                        onClick={() => column.sort && sortBy(column.sort)}
                      />
                    )}
                  </div>
                );
              })}
            </div>
          </div>
          <div role="rowgroup" className="breakdown-grid-body" style={{ height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const row = rowAt(pages, item.index);
              const style = { height: ROW_HEIGHT, transform: `translateY(${item.start}px)` };
              if (!row) {
                return (
                  <div key={`loading-${item.index}`} role="row" className="breakdown-grid-row" style={style}>
                    <div role="cell" className="muted">
                      …
                    </div>
                  </div>
                );
              }
              return (
                <div
                  key={row.opportunityId}
                  role="row"
                  aria-rowindex={item.index + 2}
                  aria-selected={row.opportunityId === selectedId}
                  className="breakdown-grid-row"
                  style={style}
                >
                  <div role="rowheader" title={row.name ?? row.opportunityId}>
                    <button type="button" className="link" onClick={() => select(row.opportunityId)}>
                      {row.opportunityId}
                    </button>{' '}
                    {row.name ?? ''}
                  </div>
                  <div role="cell" title={row.accountId ?? undefined}>
                    {row.accountName ?? row.accountId ?? '—'}
                  </div>
                  <div role="cell">{row.stage}</div>
                  <div role="cell" className="number" data-value={row.amount ?? ''}>
                    {row.amount === null ? '—' : formatMoney(row.amount, currency)}
                  </div>
                  <div role="cell" className="number">
                    {row.closedAt === null ? '—' : formatDate(row.closedAt)}
                  </div>
                  <div role="cell" className="number">
                    {row.touches === null ? '—' : formatCount(row.touches)}
                  </div>
                  <div role="cell" className="number">
                    {row.communityTouches === null ? '—' : formatCount(row.communityTouches)}
                  </div>
                </div>
              );
            })}
          </div>
        </div>
      )}
      {total !== null && (
        <p className="muted small">
          {formatCount(total)} {total === 1 ? 'opportunity' : 'opportunities'}; touches are of each deal’s journey under
          the default lookback and upgrade policy (open deals have none).
        </p>
      )}
    </section>
  );
}
