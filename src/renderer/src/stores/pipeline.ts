import { create } from 'zustand';
import type { ModelOptions } from '../../../shared/modelOptions';
import type { PipelineView } from '../../../shared/reportApi';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

/** Which figures the Model tab shows: won revenue, or the open deals' pipeline (spec 11), never the two added. */
export type ModelFigures = 'revenue' | 'pipeline';

interface PipelineState {
  figures: ModelFigures;
  /** The as-of date (YYYY-MM-DD) the user chose; null for the data's latest timestamp. */
  asOf: string | null;
  /** The newest answer; null before the first. */
  view: PipelineView | null;
  loading: boolean;
  error: string | null;
  setFigures(figures: ModelFigures): void;
  setAsOf(asOf: string | null): void;
  /** Asks for the pipeline of a run's options at the chosen as-of date; an older answer never replaces it. */
  request(options: ModelOptions): void;
  reset(): void;
}

const INITIAL = {
  figures: 'revenue',
  asOf: null,
  view: null,
  loading: false,
  error: null,
} satisfies Partial<PipelineState>;

/** The Model tab's pipeline mode: open deals credited as if their journeys ended at the as-of date. */
export const usePipelineStore = create<PipelineState>()((set, get) => {
  const answers = latestOnly();
  let requested: { options: ModelOptions; asOf: string | null } | null = null;

  async function send(options: ModelOptions, asOf: string | null): Promise<void> {
    requested = { options, asOf };
    const wanted = answers.next();
    set({ loading: true, error: null });
    try {
      const view = await call('model:pipeline', asOf ? { options, asOf } : { options });
      if (wanted()) set({ view, loading: false });
    } catch (error) {
      if (wanted()) set({ loading: false, error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    setFigures: (figures) => set({ figures }),
    setAsOf: (asOf) => {
      set({ asOf });
      if (requested && requested.asOf !== asOf) void send(requested.options, asOf);
    },
    request: (options) => {
      const { asOf } = get();
      if (requested && requested.options === options && requested.asOf === asOf) return;
      void send(options, asOf);
    },
    reset: () => {
      answers.dropAll();
      requested = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(usePipelineStore);
