import { create } from 'zustand';
import type { DataOverview, ImportHistoryRow, Page, UnresolvedMember } from '../../../shared/importApi';
import type { DataKind } from '../../../shared/kinds';
import { call, errorMessage } from '../api/client';
import { resetOnProjectChange } from './projectStores';

export const UNRESOLVED_PAGE = 50;

interface DataState {
  overview: DataOverview | null;
  history: ImportHistoryRow[];
  unresolved: Page<UnresolvedMember> | null;
  /** The history row whose issues are shown. */
  selectedImport: ImportHistoryRow | null;
  tableKind: DataKind;
  /** Bumped whenever the project's data changed, so cached pages of rows are fetched again. */
  generation: number;
  loading: boolean;
  error: string | null;
  load(): Promise<void>;
  /** After an import: reloads what the view shows, if it has been shown. */
  refresh(): Promise<void>;
  loadUnresolved(offset: number): Promise<void>;
  selectImport(row: ImportHistoryRow | null): void;
  setTableKind(kind: DataKind): void;
  reset(): void;
}

const INITIAL = {
  overview: null,
  history: [],
  unresolved: null,
  selectedImport: null,
  tableKind: 'accounts',
  generation: 0,
  loading: false,
  error: null,
} satisfies Partial<DataState>;

/** The data view: what the project holds, what did not resolve, and what was imported when. */
export const useDataStore = create<DataState>()((set, get) => ({
  ...INITIAL,

  load: async () => {
    set({ loading: true, error: null });
    try {
      const offset = get().unresolved?.offset ?? 0;
      const [overview, history, unresolved] = await Promise.all([
        call('data:overview', {}),
        call('import:history', {}),
        call('data:unresolved', { offset, limit: UNRESOLVED_PAGE }),
      ]);
      const selected = get().selectedImport;
      set({
        overview,
        history,
        unresolved,
        selectedImport: history.find((row) => row.importId === selected?.importId) ?? null,
      });
    } catch (error) {
      set({ error: errorMessage(error) });
    } finally {
      set({ loading: false });
    }
  },

  refresh: async () => {
    set((state) => ({ generation: state.generation + 1 }));
    if (get().overview) await get().load();
  },

  loadUnresolved: async (offset) => {
    try {
      set({ unresolved: await call('data:unresolved', { offset, limit: UNRESOLVED_PAGE }) });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },

  selectImport: (selectedImport) => set({ selectedImport }),
  setTableKind: (tableKind) => set({ tableKind }),
  reset: () => set((state) => ({ ...INITIAL, generation: state.generation + 1 })),
}));
resetOnProjectChange(useDataStore);
