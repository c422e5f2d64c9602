import { create } from 'zustand';
import type { ScopeChoices } from '../../../shared/importApi';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

interface ScopeChoicesState {
  /** What the scope bar offers: segments, custom fields and their values, the span of the data's dates. */
  choices: ScopeChoices | null;
  error: string | null;
  /**
   * Reads the choices, unless those held were read for this `data` (any value that changes when the project's data
   * does, such as the summary an import refreshes): new data may bring new segments, values and dates.
   */
  load(data: unknown): void;
  reset(): void;
}

const INITIAL = { choices: null, error: null } satisfies Partial<ScopeChoicesState>;

/** What the project's report scope can be filtered by (spec 9), for the scope bar. */
export const useScopeChoicesStore = create<ScopeChoicesState>()((set) => {
  const answers = latestOnly();
  let readFor: { data: unknown } | null = null;

  async function read(): Promise<void> {
    const wanted = answers.next();
    try {
      const choices = await call('data:scopeChoices', {});
      if (wanted()) set({ choices, error: null });
    } catch (error) {
      if (!wanted()) return;
      // The next time the bar shows, it asks again.
      readFor = null;
      set({ error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    load: (data) => {
      if (readFor !== null && readFor.data === data) return;
      readFor = { data };
      void read();
    },
    reset: () => {
      answers.dropAll();
      readFor = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useScopeChoicesStore);
