import { create } from 'zustand';
import type { RestorePointInfo } from '../../../shared/restoreApi';
import { call, errorMessage } from '../api/client';
import { resetOnProjectChange } from './projectStores';

interface RestorePointsState {
  points: RestorePointInfo[] | null;
  error: string | null;
  load(): Promise<void>;
  reset(): void;
}

/** The open project's restore points, newest first; restoring one goes through the project store (it reopens). */
export const useRestorePointsStore = create<RestorePointsState>()((set) => ({
  points: null,
  error: null,
  load: async () => {
    try {
      set({ points: await call('restore:list', {}), error: null });
    } catch (error) {
      set({ error: errorMessage(error) });
    }
  },
  reset: () => set({ points: null, error: null }),
}));
resetOnProjectChange(useRestorePointsStore);
