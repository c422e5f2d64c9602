import { create } from 'zustand';
import type { ModelOptions } from '../../../shared/modelOptions';
import type { ReportScope } from '../../../shared/scope';
import { MAX_COMPARED, type ComparedModel } from '../../../shared/scenarioApi';
import { call, errorMessage } from '../api/client';
import { latestOnly, type StillWanted } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

export type CompareSource = 'scenario' | 'model' | 'current';

/** One model in the comparison; its options are a copy taken when it was added. */
export interface CompareEntry {
  /** `scenario:<name>`, `model:<model>` or `current`: one entry per scenario, built-in model and current settings. */
  id: string;
  label: string;
  source: CompareSource;
  options: ModelOptions;
}

interface CompareState {
  entries: CompareEntry[];
  /** The entry the others' deltas are measured against; the first one added unless the user picks another. */
  baselineId: string | null;
  /** The newest answer, and which entries (by id, in order) it answers. */
  results: ComparedModel[] | null;
  resultIds: string[];
  loading: boolean;
  error: string | null;
  /** Adds an entry, or replaces the options of the entry with the same id (current settings taken again). */
  add(entry: CompareEntry): void;
  remove(id: string): void;
  setBaseline(id: string): void;
  /**
   * Runs the comparison of the entries as they are now over the report scope (spec 9), unless the shown answer
   * already is for these entries, this scope and this `data` (any value that changes when the project's data does).
   * An older answer never replaces a newer one.
   */
  refresh(data: unknown, scope: ReportScope): void;
  reset(): void;
}

const INITIAL = {
  entries: [],
  baselineId: null,
  results: null,
  resultIds: [],
  loading: false,
  error: null,
} satisfies Partial<CompareState>;

/** The Compare tab: which models are compared, against which baseline, and their results. */
export const useCompareStore = create<CompareState>()((set, get) => {
  const answers = latestOnly();
  /** What the newest request was for: a tab switch back to Compare does not run every model again. */
  let requested: { entries: CompareEntry[]; data: unknown; scope: ReportScope } | null = null;

  async function send(entries: CompareEntry[], scope: ReportScope, wanted: StillWanted): Promise<void> {
    try {
      // Every model runs over the scope bar's deals, whatever scope a scenario was saved with: models compared over
      // different deals would split different revenue, and every delta would measure the scopes, not the models.
      const results = await call('model:compare', {
        entries: entries.map(({ label, options }) => ({ label, options: { ...options, scope } })),
      });
      if (wanted()) set({ results, resultIds: entries.map((entry) => entry.id), loading: false });
    } catch (error) {
      if (wanted()) set({ loading: false, error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    add: (entry) =>
      set((state) => {
        const exists = state.entries.some((item) => item.id === entry.id);
        if (!exists && state.entries.length >= MAX_COMPARED) {
          return { error: `Compare at most ${MAX_COMPARED} models at once: remove one first.` };
        }
        const entries = exists
          ? state.entries.map((item) => (item.id === entry.id ? entry : item))
          : [...state.entries, entry];
        return { entries, baselineId: state.baselineId ?? entry.id, error: null };
      }),
    remove: (id) =>
      set((state) => {
        const entries = state.entries.filter((item) => item.id !== id);
        const baselineId = state.baselineId === id ? (entries[0]?.id ?? null) : state.baselineId;
        return { entries, baselineId };
      }),
    setBaseline: (id) => set({ baselineId: id }),
    refresh: (data, scope) => {
      const { entries, error } = get();
      if (
        requested &&
        requested.entries === entries &&
        requested.data === data &&
        requested.scope === scope &&
        error === null
      ) {
        return;
      }
      requested = { entries, data, scope };
      const wanted = answers.next();
      if (entries.length === 0) {
        set({ results: null, resultIds: [], loading: false, error: null });
        return;
      }
      set({ loading: true, error: null });
      void send(entries, scope, wanted);
    },
    reset: () => {
      answers.dropAll();
      requested = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useCompareStore);

/** The shown results, each with its entry, in the entries' order; only entries the newest answer covers. */
export function comparedEntries(
  state: Pick<CompareState, 'entries' | 'results' | 'resultIds'>,
): { entry: CompareEntry; result: ComparedModel }[] {
  if (!state.results) return [];
  const byId = new Map(state.resultIds.map((id, index) => [id, state.results?.[index]]));
  return state.entries.flatMap((entry) => {
    const result = byId.get(entry.id);
    return result ? [{ entry, result }] : [];
  });
}
