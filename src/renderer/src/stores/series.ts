import { create } from 'zustand';
import type { ModelOptions } from '../../../shared/modelOptions';
import type { SeriesBucketView } from '../../../shared/reportApi';
import { call, errorMessage } from '../api/client';
import { latestOnly } from './latestOnly';
import { resetOnProjectChange } from './projectStores';

export type SeriesBucketSize = 'month' | 'quarter' | 'year';

interface SeriesState {
  by: SeriesBucketSize;
  /** The newest answer, for the options and bucket size it was asked with; null before the first. */
  buckets: SeriesBucketView[] | null;
  /** The bucket size of the shown answer: the switch may already name the next one. */
  shownBy: SeriesBucketSize | null;
  loading: boolean;
  error: string | null;
  setBy(by: SeriesBucketSize): void;
  /** Asks for the series of a run's options (spec 9), in the chosen buckets; an older answer never replaces it. */
  request(options: ModelOptions): void;
  reset(): void;
}

const INITIAL = {
  by: 'month',
  buckets: null,
  shownBy: null,
  loading: false,
  error: null,
} satisfies Partial<SeriesState>;

/**
 * How long the shown run's options must stay the same before its series is asked for. A series is a second model
 * run in the engine thread: asked for on every slider step, it queued before the next step's run and tripled the
 * time a weight move takes to reach the cards (118 ms to 313 ms at a million touches). It follows once the user
 * stops.
 */
export const SERIES_SETTLE_MS = 400;

/** The Model tab's "Over time": the shown run's figures by calendar month, quarter or year. */
export const useSeriesStore = create<SeriesState>()((set, get) => {
  const answers = latestOnly();
  let requested: { options: ModelOptions; by: SeriesBucketSize } | null = null;
  let settling: ReturnType<typeof setTimeout> | null = null;
  const stopSettling = (): void => {
    if (settling !== null) clearTimeout(settling);
    settling = null;
  };

  async function send(options: ModelOptions, by: SeriesBucketSize): Promise<void> {
    requested = { options, by };
    const wanted = answers.next();
    set({ loading: true, error: null });
    try {
      const buckets = await call('model:series', { options, by });
      if (wanted()) set({ buckets, shownBy: by, loading: false });
    } catch (error) {
      if (wanted()) set({ loading: false, error: errorMessage(error) });
    }
  }

  return {
    ...INITIAL,
    setBy: (by) => {
      set({ by });
      if (requested && requested.by !== by) void send(requested.options, by);
    },
    request: (options) => {
      const { by } = get();
      if (requested && requested.options === options && requested.by === by) return;
      stopSettling();
      // The first series of a project is asked for at once; later ones when the options have settled.
      if (requested === null) {
        void send(options, by);
        return;
      }
      settling = setTimeout(() => {
        settling = null;
        void send(options, get().by);
      }, SERIES_SETTLE_MS);
    },
    reset: () => {
      stopSettling();
      answers.dropAll();
      requested = null;
      set(INITIAL);
    },
  };
});
resetOnProjectChange(useSeriesStore);
