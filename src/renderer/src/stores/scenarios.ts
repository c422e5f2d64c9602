import { create } from 'zustand';
import type { ModelOptions } from '../../../shared/modelOptions';
import type { SavedScenario } from '../../../shared/scenarioApi';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

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
  // Every answer is the whole list after the change, so each is shown; a reset drops those for a closed project.
  const answers = latestOnly();

  async function update(request: () => Promise<SavedScenario[]>): Promise<boolean> {
    const wanted = answers.alongside();
    set({ busy: true, error: null });
    try {
      const list = await request();
      if (wanted()) set({ list, busy: false });
      return true;
    } catch (error) {
      if (wanted()) set({ busy: false, error: errorMessage(error) });
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
      answers.dropAll();
      set({ list: null, busy: false, error: null });
    },
  };
});
resetOnProjectChange(useScenariosStore);
