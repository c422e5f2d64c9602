import { create } from 'zustand';
import type { Cell } from '../../../shared/importApi';
import type { DataKind } from '../../../shared/kinds';
import { call, errorMessage } from '../api/client';
import { resetOnProjectChange } from './projectStores';

export const ROWS_PAGE = 200;
/** Pages kept in memory (40,000 rows); the ones farthest from where the user looks are dropped first. */
const PAGES_KEPT = 200;

interface RowsState {
  /** Which table the cache holds: a kind at one generation of the project's data. */
  key: string | null;
  total: number | null;
  columns: string[];
  pages: Record<number, Cell[][]>;
  error: string | null;
  /** Shows `kind` afresh: loads its first page, which also says how many rows there are. */
  open(kind: DataKind, generation: number): Promise<void>;
  /** Fetches the pages from `first` to `last` (inclusive) that are not cached or on their way. */
  ensure(first: number, last: number): void;
  reset(): void;
}

const INITIAL = {
  key: null,
  total: null,
  columns: [],
  pages: {},
  error: null,
} satisfies Partial<RowsState>;

/** Pages of one kind's rows for the virtualised table, fetched as the user scrolls. */
export const useRowsStore = create<RowsState>()((set, get) => {
  let kind: DataKind | null = null;
  const inFlight = new Set<string>();

  async function fetchPage(key: string, forKind: DataKind, page: number): Promise<void> {
    const flightKey = `${key}#${page}`;
    if (inFlight.has(flightKey)) return;
    inFlight.add(flightKey);
    try {
      const result = await call('data:rows', { kind: forKind, offset: page * ROWS_PAGE, limit: ROWS_PAGE });
      if (get().key !== key) return;
      set((state) => ({
        total: result.total,
        columns: result.columns,
        pages: evictFarthest({ ...state.pages, [page]: result.rows }, page),
        error: null,
      }));
    } catch (error) {
      if (get().key === key) set({ error: errorMessage(error) });
    } finally {
      inFlight.delete(flightKey);
    }
  }

  return {
    ...INITIAL,

    open: async (nextKind, generation) => {
      const key = `${nextKind}@${generation}`;
      if (get().key === key) return;
      kind = nextKind;
      set({ ...INITIAL, key });
      await fetchPage(key, nextKind, 0);
    },

    ensure: (first, last) => {
      const { key, pages } = get();
      if (!key || !kind) return;
      for (let page = first; page <= last; page++) {
        if (!(page in pages)) void fetchPage(key, kind, page);
      }
    },

    // An answer on its way is for the old key, so fetchPage drops it.
    reset: () => {
      kind = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useRowsStore);

function evictFarthest(pages: Record<number, Cell[][]>, near: number): Record<number, Cell[][]> {
  const indexes = Object.keys(pages).map(Number);
  if (indexes.length <= PAGES_KEPT) return pages;
  const keep = indexes.sort((a, b) => Math.abs(a - near) - Math.abs(b - near)).slice(0, PAGES_KEPT);
  return Object.fromEntries(keep.map((index) => [index, pages[index] ?? []]));
}
