import { create } from 'zustand';
import type { ModelOptions } from '../../../shared/modelOptions';
import { DEFAULT_RESAMPLES, DEFAULT_ROBUSTNESS_DELTA, type RobustnessResult } from '../../../shared/robustness';
import type { BootstrapStatus } from '../../../shared/robustnessApi';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

/** How often a running bootstrap's progress is asked for. */
const POLL_MS = 250;

/** A bootstrap the panel started, with the options it is of (its intervals are shown for those options only). */
export interface BootstrapRun {
  optionsKey: string;
  status: BootstrapStatus;
}

interface RobustnessState {
  delta: number;
  result: RobustnessResult | null;
  /** The options `result` is of, as a key. */
  resultKey: string | null;
  loading: boolean;
  error: string | null;
  bootstrap: BootstrapRun | null;
  bootstrapError: string | null;
  setDelta(delta: number): void;
  /** Asks for the ranges of these options; an older answer never replaces a newer one. */
  request(options: ModelOptions): void;
  /** Starts a bootstrap of the options last requested, in the engine worker. */
  startBootstrap(): void;
  cancelBootstrap(): void;
  reset(): void;
}

const INITIAL = {
  delta: DEFAULT_ROBUSTNESS_DELTA,
  result: null,
  resultKey: null,
  loading: false,
  error: null,
  bootstrap: null,
  bootstrapError: null,
} satisfies Partial<RobustnessState>;

export const optionsKeyOf = (options: ModelOptions): string => JSON.stringify(options);

/** How long the options must stay the same before their ranges are asked for. */
const SETTLE_MS = 400;

/** Robustness of the answer (spec 13) for the Model tab: weight ranges and model spread, and a bootstrap on demand. */
export const useRobustnessStore = create<RobustnessState>()((set, get) => {
  const answers = latestOnly();
  const polls = latestOnly();
  let options: ModelOptions | null = null;
  let settle: ReturnType<typeof setTimeout> | null = null;

  async function send(): Promise<void> {
    if (options === null) return;
    const asked = options;
    const wanted = answers.next();
    set({ loading: true, error: null });
    try {
      const result = await call('model:robustness', { options: asked, delta: get().delta });
      if (wanted()) set({ result, resultKey: optionsKeyOf(asked), loading: false });
    } catch (error) {
      if (wanted()) set({ loading: false, error: errorMessage(error) });
    }
  }

  async function poll(jobId: string, optionsKey: string, wanted: () => boolean): Promise<void> {
    try {
      const status = await call('model:bootstrapStatus', { jobId });
      if (!wanted()) return;
      set({ bootstrap: { optionsKey, status } });
      if (status.state === 'running') setTimeout(() => void poll(jobId, optionsKey, wanted), POLL_MS);
      else if (status.error) set({ bootstrapError: status.error.message });
    } catch (error) {
      if (wanted()) set({ bootstrapError: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    setDelta: (delta) => {
      set({ delta });
      void send();
    },
    request: (next) => {
      if (next === options) return;
      options = next;
      // Asked once the options settle: the ranges cost the engine worker a model spread and a grid, and sent on
      // every move of a slider they queued before the model's own answer (a weight move took 83 ms instead of 33 at
      // 1M, and the first open of the Model tab 4.1 s instead of 2.3).
      if (settle !== null) clearTimeout(settle);
      settle = setTimeout(() => {
        settle = null;
        void send();
      }, SETTLE_MS);
    },
    startBootstrap: () => {
      if (options === null) return;
      const asked = options;
      const optionsKey = optionsKeyOf(asked);
      const wanted = polls.next();
      set({ bootstrapError: null });
      void (async () => {
        try {
          const { jobId } = await call('model:bootstrapStart', { options: asked, resamples: DEFAULT_RESAMPLES });
          if (!wanted()) return;
          const status: BootstrapStatus = {
            jobId,
            state: 'running',
            done: 0,
            total: DEFAULT_RESAMPLES,
            intervals: null,
            error: null,
          };
          set({ bootstrap: { optionsKey, status } });
          await poll(jobId, optionsKey, wanted);
        } catch (error) {
          if (wanted()) set({ bootstrapError: errorMessage(error) });
        }
      })();
    },
    cancelBootstrap: () => {
      const run = get().bootstrap;
      if (!run || run.status.state !== 'running') return;
      // Cancelled when the user says so: a job that finishes while the cancel is on its way is not shown either,
      // so what the panel says never depends on which of the two reached the worker first.
      polls.dropAll();
      set({ bootstrap: { ...run, status: { ...run.status, state: 'cancelled' } } });
      call('model:bootstrapCancel', { jobId: run.status.jobId }).catch((error: unknown) =>
        set({ bootstrapError: errorMessage(error) }),
      );
    },
    // A bootstrap running for the project that goes stops in the worker: closing a project ends the engine thread,
    // and opening another cancels the bootstraps of the one before (engineHost/engineThread.ts).
    reset: () => {
      if (settle !== null) clearTimeout(settle);
      settle = null;
      answers.dropAll();
      polls.dropAll();
      options = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useRobustnessStore);

/** The job of a finished bootstrap of these options, for the summary report to show its intervals; else null. */
export function finishedBootstrapOf(options: ModelOptions): string | null {
  const run = useRobustnessStore.getState().bootstrap;
  return run && run.status.state === 'done' && run.optionsKey === optionsKeyOf(options) ? run.status.jobId : null;
}
