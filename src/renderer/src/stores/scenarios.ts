import { create } from 'zustand';
import type { ModelOptions } from '../../../shared/modelOptions';
import type { SavedScenario } from '../../../shared/scenarioApi';
import { call, errorMessage } from '../api/client';

interface ScenariosState {
  /** The project's saved scenarios by name, as last read; null until first read. */
  list: SavedScenario[] | null;
  busy: boolean;
  error: string | null;
  refresh(): Promise<void>;
  /** Saves (or replaces) a scenario; false when it failed, with `error` saying why. */
  save(name: string, options: ModelOptions): Promise<boolean>;
  remove(name: string): Promise<void>;
  reset(): void;
}

/** Named model options saved in the project: the Model tab saves and loads them, the Compare tab compares them. */
export const useScenariosStore = create<ScenariosState>()((set) => {
  /** Bumped by reset, so an answer for a project that was closed meanwhile is dropped. */
  let epoch = 0;

  async function update(request: () => Promise<SavedScenario[]>): Promise<boolean> {
    const sentIn = epoch;
    set({ busy: true, error: null });
    try {
      const list = await request();
      if (sentIn === epoch) set({ list, busy: false });
      return true;
    } catch (error) {
      if (sentIn === epoch) set({ busy: false, error: errorMessage(error) });
      return false;
    }
  }

  return {
    list: null,
    busy: false,
    error: null,
    refresh: async () => {
      await update(() => call('scenario:list', {}));
    },
    save: (name, options) => update(() => call('scenario:save', { name, options })),
    remove: async (name) => {
      await update(() => call('scenario:delete', { name }));
    },
    reset: () => {
      epoch += 1;
      set({ list: null, busy: false, error: null });
    },
  };
});
