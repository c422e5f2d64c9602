import { create } from 'zustand';
import type { OpportunityType } from '../../../shared/importSpec';
import type { ModelOptions } from '../../../shared/modelOptions';
import type { VelocityResult } from '../../../shared/velocity';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

interface VelocityState {
  type: OpportunityType;
  /** D as typed: a whole number of days, at least 1, or the reason it is not one. */
  days: number;
  daysProblem: string | null;
  result: VelocityResult | null;
  loading: boolean;
  error: string | null;
  setType(type: OpportunityType): void;
  setDays(text: string): void;
  /** Asks for the velocity of these options' scope and journeys; an older answer never replaces a newer one. */
  request(options: ModelOptions): void;
  reset(): void;
}

const INITIAL = {
  type: 'new_business',
  days: 90,
  daysProblem: null,
  result: null,
  loading: false,
  error: null,
} satisfies Partial<VelocityState>;

/** Deal velocity and win rate by community involvement (spec 12), for the Overview. */
export const useVelocityStore = create<VelocityState>()((set, get) => {
  const answers = latestOnly();
  let options: ModelOptions | null = null;

  async function send(): Promise<void> {
    if (options === null) return;
    const { type, days } = get();
    const wanted = answers.next();
    set({ loading: true, error: null });
    try {
      const result = await call('model:velocity', { options, type, days });
      if (wanted()) set({ result, loading: false });
    } catch (error) {
      if (wanted()) set({ loading: false, error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    setType: (type) => {
      set({ type });
      void send();
    },
    setDays: (text) => {
      const value = Number(text);
      if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < 1) {
        set({ daysProblem: 'D is a whole number of days, at least 1.' });
        return;
      }
      set({ days: value, daysProblem: null });
      void send();
    },
    request: (next) => {
      if (next === options) return;
      options = next;
      void send();
    },
    reset: () => {
      answers.dropAll();
      options = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useVelocityStore);
