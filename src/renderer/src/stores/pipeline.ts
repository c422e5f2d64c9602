import { create } from 'zustand';
import { FLOW_TOP_N, type ModelQuery } from './modelResults';
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
  /**
   * Asks for the pipeline of a run's options at the chosen as-of date, with the flows chart and the breakdowns as the
   * Model tab's query asks for them; an older answer never replaces a newer one.
   */
  request(query: ModelQuery): void;
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
  let requested: { query: ModelQuery; asOf: string | null } | null = null;

  async function send(query: ModelQuery, asOf: string | null): Promise<void> {
    requested = { query, asOf };
    const wanted = answers.next();
    set({ loading: true, error: null });
    try {
      const { options, flows, focus, breakdownField } = query;
      const args = { options, flows, focus, breakdownField, topN: FLOW_TOP_N };
      const view = await call('model:pipeline', asOf ? { ...args, asOf } : args);
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
      if (requested && requested.asOf !== asOf) void send(requested.query, asOf);
    },
    request: (query) => {
      const { asOf } = get();
      if (requested && sameQuery(requested.query, query) && requested.asOf === asOf) return;
      void send(query, asOf);
    },
    reset: () => {
      answers.dropAll();
      requested = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(usePipelineStore);

const sameQuery = (a: ModelQuery, b: ModelQuery): boolean =>
  a.options === b.options && a.flows === b.flows && a.focus === b.focus && a.breakdownField === b.breakdownField;
