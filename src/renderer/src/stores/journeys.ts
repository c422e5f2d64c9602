import { create } from 'zustand';
import type { JourneyDetail, OpportunityMatch } from '../../../shared/journeyApi';
import { modelOptionsSchema, type ModelOptions } from '../../../shared/modelOptions';
import type { ReportScope } from '../../../shared/scope';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

export const SEARCH_LIMIT = 20;

interface JourneysState {
  query: string;
  /** The answer to the latest search, or null before any. */
  matches: OpportunityMatch[] | null;
  searching: boolean;
  selectedId: string | null;
  detail: JourneyDetail | null;
  loading: boolean;
  error: string | null;
  setQuery(query: string): void;
  /** Finds the opportunities of the report scope (spec 9) that match the query typed. */
  search(scope: ReportScope): Promise<void>;
  /** Runs the last search again when the scope changed since, so the list only holds in-scope opportunities. */
  rescope(scope: ReportScope): Promise<void>;
  select(opportunityId: string): void;
  /** Explains the selected opportunity under these options (the Model tab's current ones). */
  explain(options: ModelOptions): Promise<void>;
  reset(): void;
}

const INITIAL = {
  query: '',
  matches: null,
  searching: false,
  selectedId: null,
  detail: null,
  loading: false,
  error: null,
} satisfies Partial<JourneysState>;

/**
 * The Journeys tab: a search for one opportunity and the explanation of its credit. An answer that a newer search or
 * a newer model arrived after is dropped.
 */
export const useJourneysStore = create<JourneysState>()((set, get) => {
  const searches = latestOnly();
  const details = latestOnly();
  /** What the shown matches were searched for. */
  let searched: { query: string; scope: ReportScope } | null = null;

  async function find(query: string, scope: ReportScope): Promise<void> {
    const wanted = searches.next();
    if (!query) {
      searched = null;
      set({ matches: null, searching: false });
      return;
    }
    searched = { query, scope };
    set({ searching: true, error: null });
    try {
      const matches = await call('journey:search', { query, limit: SEARCH_LIMIT, scope });
      if (wanted()) set({ matches, searching: false });
    } catch (error) {
      if (wanted()) set({ searching: false, error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    setQuery: (query) => set({ query }),
    search: (scope) => find(get().query.trim(), scope),
    rescope: async (scope) => {
      if (searched === null || JSON.stringify(searched.scope) === JSON.stringify(scope)) return;
      await find(searched.query, scope);
    },
    select: (opportunityId) => set({ selectedId: opportunityId, detail: null }),
    explain: async (options) => {
      const opportunityId = get().selectedId;
      const wanted = details.next();
      if (!opportunityId) return;
      const parsed = modelOptionsSchema.safeParse(options);
      if (!parsed.success) {
        set({ loading: false, error: parsed.error.issues[0]?.message ?? 'The model options are not valid.' });
        return;
      }
      set({ loading: true, error: null });
      try {
        const detail = await call('journey:detail', { opportunityId, options: parsed.data });
        if (wanted()) set({ detail, loading: false });
      } catch (error) {
        if (wanted()) set({ loading: false, error: errorMessage(error) });
      }
    },
    reset: () => {
      searches.dropAll();
      searched = null;
      details.dropAll();
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useJourneysStore);
