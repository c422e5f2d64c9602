import { create } from 'zustand';
import type { ModelRun } from '../../../shared/modelApi';
import { modelOptionsSchema, type ModelOptions } from '../../../shared/modelOptions';
import { call, errorMessage } from '../api/client';
import { keepUnchanged } from './keepUnchanged';
import { latestOnly } from './latestOnly';
import type { FlowTouches } from './model';
import { resetOnProjectChange } from './projectStores';

export const FLOW_TOP_N = 12;

export type { ModelRun };

/**
 * What the Model tab asks for: the options, the flows' touches, the Sankey node the results are filtered to and the
 * custom field the credit is broken down by (null: none).
 */
export interface ModelQuery {
  options: ModelOptions;
  flows: FlowTouches;
  focus: string | null;
  breakdownField: string | null;
}

interface ModelRequest extends ModelQuery {
  seq: number;
}

interface ModelResultsState {
  /** The newest answer received, for the request numbered `shownSeq`. */
  run: ModelRun | null;
  shownSeq: number;
  /** The newest request made; results are current only when it is the one shown. */
  latestSeq: number;
  /** A request newer than the shown answer is under way. */
  updating: boolean;
  /** Why the newest request has no answer (invalid options or an API error); the shown run is then out of date. */
  error: string | null;
  request(query: ModelQuery): void;
  reset(): void;
}

const INITIAL = {
  run: null,
  shownSeq: 0,
  latestSeq: 0,
  updating: false,
  error: null,
} satisfies Partial<ModelResultsState>;

/**
 * The model's results, recomputed on every change of options. One request at a time: while one is in flight,
 * changes only replace the queued one, and when the answer arrives the latest queued options are sent. Every
 * request has a sequence number, so an older answer is never taken for the current one.
 */
export const useModelResultsStore = create<ModelResultsState>()((set, get) => {
  let inFlight = false;
  let queued: ModelRequest | null = null;
  // Requests go one at a time and are numbered in the state; this only drops answers for a project closed meanwhile.
  const answers = latestOnly();

  async function send(next: ModelRequest): Promise<void> {
    inFlight = true;
    const wanted = answers.alongside();
    const { options, flows, focus, breakdownField, seq } = next;
    try {
      // One call, one run of the model: the cards, the chart and the tables always come from the same run.
      const run = await call('model:run', { options, flows, focus, breakdownField, topN: FLOW_TOP_N });
      if (wanted() && seq > get().shownSeq) {
        // What this run did not change keeps its object, so the panels drawn from it are not drawn again.
        const shown = get().run;
        set({
          run: shown ? keepUnchanged(shown, run) : run,
          shownSeq: seq,
          error: seq === get().latestSeq ? null : get().error,
        });
      }
    } catch (error) {
      if (wanted() && seq === get().latestSeq) set({ error: errorMessage(error) });
    } finally {
      if (wanted()) {
        inFlight = false;
        const after = queued;
        queued = null;
        if (after) void send(after);
        else set({ updating: false });
      }
    }
  }

  return {
    ...INITIAL,
    request: ({ options, flows, focus, breakdownField }) => {
      const seq = get().latestSeq + 1;
      const parsed = modelOptionsSchema.safeParse(options);
      if (!parsed.success) {
        // Nothing is sent; the shown results stay, marked as out of date.
        queued = null;
        set({ latestSeq: seq, error: parsed.error.issues[0]?.message ?? 'These options are not valid.' });
        set({ updating: inFlight });
        return;
      }
      set({ latestSeq: seq, updating: true, error: null });
      const next = { options: parsed.data, flows, focus, breakdownField, seq };
      if (inFlight) queued = next;
      else void send(next);
    },
    reset: () => {
      answers.dropAll();
      inFlight = false;
      queued = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useModelResultsStore);

/** Whether the shown results answer the newest options. */
export function resultsAreCurrent(state: Pick<ModelResultsState, 'run' | 'shownSeq' | 'latestSeq'>): boolean {
  return state.run !== null && state.shownSeq === state.latestSeq;
}
