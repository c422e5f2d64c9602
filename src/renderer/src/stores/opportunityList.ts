import { create } from 'zustand';
import {
  OPPORTUNITY_PAGE_LIMIT,
  type OpportunityRow,
  type OpportunitySortColumn,
  type StageName,
} from '../../../shared/journeyApi';
import type { ReportScope } from '../../../shared/scope';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

export interface OpportunitySort {
  column: OpportunitySortColumn;
  direction: 'ascending' | 'descending';
}

export type StageFilter = StageName | 'all';

/** Rows asked for at a time: a page of the API, loaded as the list scrolls to it. */
export const PAGE_SIZE = OPPORTUNITY_PAGE_LIMIT;

interface OpportunityListState {
  stage: StageFilter;
  text: string;
  sort: OpportunitySort;
  /** How many opportunities pass the scope and filters; null before the first answer. */
  total: number | null;
  /** Loaded pages by their first row's index. */
  pages: Record<number, OpportunityRow[]>;
  loading: boolean;
  error: string | null;
  setStage(stage: StageFilter): void;
  setText(text: string): void;
  /** A new column sorts descending (the biggest deals first); the sorted one turns round. */
  sortBy(column: OpportunitySortColumn): void;
  /** Lists the scope's opportunities afresh for the current filters and sort, from the top. */
  browse(scope: ReportScope): Promise<void>;
  /** Loads the pages that hold rows [from, to] of the current list, unless loaded or asked for already. */
  ensure(scope: ReportScope, from: number, to: number): void;
  reset(): void;
}

const INITIAL = {
  stage: 'all',
  text: '',
  sort: { column: 'amount', direction: 'descending' },
  total: null,
  pages: {},
  loading: false,
  error: null,
} satisfies Partial<OpportunityListState>;

/**
 * The Journeys tab's list of opportunities: the engine filters, sorts and pages them; this holds the pages loaded for
 * the current filters, and drops pages that arrive for filters since changed.
 */
export const useOpportunityListStore = create<OpportunityListState>()((set, get) => {
  const lists = latestOnly();
  let wanted = lists.next();
  /** Pages asked for since the last browse. */
  let asked = new Set<number>();

  async function load(scope: ReportScope, offset: number, stillWanted: () => boolean): Promise<void> {
    asked.add(offset);
    const { stage, text, sort } = get();
    try {
      const page = await call('journey:list', {
        scope,
        stage: stage === 'all' ? undefined : stage,
        text: text.trim() || undefined,
        sort,
        offset,
        limit: PAGE_SIZE,
      });
      if (!stillWanted()) return;
      set((state) => ({ total: page.total, pages: { ...state.pages, [offset]: page.rows }, loading: false }));
    } catch (error) {
      if (stillWanted()) set({ loading: false, error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    setStage: (stage) => set({ stage }),
    setText: (text) => set({ text }),
    sortBy: (column) =>
      set(({ sort }) => ({
        sort: {
          column,
          direction: sort.column === column && sort.direction === 'descending' ? 'ascending' : 'descending',
        },
      })),
    browse: async (scope) => {
      wanted = lists.next();
      asked = new Set();
      set({ pages: {}, loading: true, error: null });
      await load(scope, 0, wanted);
    },
    ensure: (scope, from, to) => {
      const { total } = get();
      if (total === null) return;
      for (let offset = from - (from % PAGE_SIZE); offset <= to && offset < total; offset += PAGE_SIZE) {
        if (!asked.has(offset)) void load(scope, offset, wanted);
      }
    },
    reset: () => {
      lists.dropAll();
      wanted = lists.next();
      asked = new Set();
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useOpportunityListStore);

/** Row `index` of the list, or undefined while its page loads. */
export function rowAt(pages: Record<number, OpportunityRow[]>, index: number): OpportunityRow | undefined {
  return pages[index - (index % PAGE_SIZE)]?.[index % PAGE_SIZE];
}
