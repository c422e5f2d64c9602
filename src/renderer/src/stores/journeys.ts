import { create } from 'zustand';
import type { JourneyDetail } from '../../../shared/journeyApi';
import { modelOptionsSchema, type ModelOptions } from '../../../shared/modelOptions';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

interface JourneysState {
  selectedId: string | null;
  detail: JourneyDetail | null;
  loading: boolean;
  error: string | null;
  select(opportunityId: string): void;
  /** Explains the selected opportunity under these options (the Model tab's current ones). */
  explain(options: ModelOptions): Promise<void>;
  reset(): void;
}

const INITIAL = {
  selectedId: null,
  detail: null,
  loading: false,
  error: null,
} satisfies Partial<JourneysState>;

/**
 * The Journeys tab's chosen opportunity (picked from the list, stores/opportunityList.ts) and the explanation of its
 * credit. An answer that a newer model arrived after is dropped.
 */
export const useJourneysStore = create<JourneysState>()((set, get) => {
  const details = latestOnly();
  return {
    ...INITIAL,
    select: (opportunityId) => set({ selectedId: opportunityId, detail: null, error: null }),
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
      details.dropAll();
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useJourneysStore);
