import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type CSSProperties } from 'react';
import type { DataKind } from '../../../../shared/kinds';
import { formatCell, formatCount } from '../../format';
import { ROWS_PAGE, useRowsStore } from '../../stores/rows';

/** Fixed, so the table's height is rows × this and only the rows in view are ever rendered. */
const ROW_HEIGHT = 30;
/** The scroll box's height at most: about fourteen rows, leaving the rest of the view on a 1280×800 screen. */
const GRID_HEIGHT = 420;
/** Room for a horizontal scroll bar under a short table's last row, plus the border. */
const SCROLLBAR_ALLOWANCE = 18;
/** Rows beyond the visible ones whose page is fetched ahead, so scrolling on rarely meets an empty row. */
const PREFETCH_ROWS = 100;
/** Dragging the scroll bar across a million rows should not fetch every page it passes over. */
const FETCH_SETTLE_MS = 60;

/** A virtualised table of one kind's stored rows, fetching pages of rows on demand as the user scrolls. */
export function RowsGrid({ kind }: { kind: DataKind }) {
  const total = useRowsStore((state) => state.total);
  const columns = useRowsStore((state) => state.columns);
  const pages = useRowsStore((state) => state.pages);
  const ensure = useRowsStore((state) => state.ensure);
  const cacheKey = useRowsStore((state) => state.key);
  const scrollRef = useRef<HTMLDivElement>(null);
  const count = total ?? 0;

  // The virtualizer re-renders this component itself on scroll; nothing here is memoised by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items[items.length - 1]?.index ?? 0;
  const firstPage = Math.floor(Math.max(0, firstIndex - PREFETCH_ROWS) / ROWS_PAGE);
  const lastPage = Math.floor(Math.min(count - 1, lastIndex + PREFETCH_ROWS) / ROWS_PAGE);

  useEffect(() => {
    if (count === 0) return;
    const timer = setTimeout(() => ensure(firstPage, lastPage), FETCH_SETTLE_MS);
    return () => clearTimeout(timer);
  }, [ensure, firstPage, lastPage, count, cacheKey]);

  if (total === null) return <p className="muted">Loading rows…</p>;
  if (total === 0) return <p className="muted">No {kind} rows yet.</p>;

  // Wide enough for the last row's number (1,000,000) at this font size.
  const numberWidth = 24 + formatCount(total).length * 9;
  const template: CSSProperties = {
    gridTemplateColumns: `${numberWidth}px repeat(${columns.length}, minmax(150px, 1fr))`,
    minWidth: numberWidth + columns.length * 150,
  };

  return (
    <>
      <p className="small muted">{formatCount(total)} rows</p>
      <div
        ref={scrollRef}
        className="rows-grid"
        role="table"
        aria-label={`${kind} rows`}
        aria-rowcount={total + 1}
        aria-colcount={columns.length + 1}
        tabIndex={0}
        style={{ height: Math.min(GRID_HEIGHT, (total + 1) * ROW_HEIGHT + SCROLLBAR_ALLOWANCE) }}
      >
        <div role="rowgroup" className="rows-grid-head">
          <div role="row" aria-rowindex={1} className="rows-grid-row" style={template}>
            <div role="columnheader" className="number">
              #
            </div>
            {columns.map((column) => (
              <div role="columnheader" key={column} title={column}>
                {column}
              </div>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          className="rows-grid-body"
          style={{ height: virtualizer.getTotalSize(), minWidth: template.minWidth }}
        >
          {items.map((item) => {
            const values = pages[Math.floor(item.index / ROWS_PAGE)]?.[item.index % ROWS_PAGE];
            return (
              <div
                key={item.key}
                role="row"
                aria-rowindex={item.index + 2}
                className={values ? 'rows-grid-row' : 'rows-grid-row loading'}
                style={{ ...template, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
              >
                <div role="cell" className="number">
                  {formatCount(item.index + 1)}
                </div>
                {columns.map((column, index) => {
                  const text = values ? formatCell(column, values[index] ?? null) : '…';
                  return (
                    <div role="cell" key={column} title={text}>
                      {text}
                    </div>
                  );
                })}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
