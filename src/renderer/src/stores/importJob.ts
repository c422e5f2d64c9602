import { create } from 'zustand';
import type { ImportJobStatus, ImportReport } from '../../../shared/importApi';
import type { ImportMapping } from '../../../shared/importSpec';
import { call, errorMessage } from '../api/client';
import { useDataStore } from './data';
import { latestOnly, type StillWanted } from './latestOnly';
import { useProjectStore } from './project';
import { resetOnProjectChange } from './projectStores';

const POLL_MS = 200;

export interface ImportRequest {
  path: string;
  mapping: ImportMapping;
  strict: boolean;
  dryRun: boolean;
  saveMappingAs?: string;
}

interface ImportJobState {
  /** The job in progress, polled until it ends. */
  running: { jobId: string; dryRun: boolean } | null;
  status: ImportJobStatus | null;
  /** The last dry run's report, for the mapping as it was then. */
  validation: ImportReport | null;
  /** The last real import's report. */
  result: ImportReport | null;
  /** How the last job ended when it did not finish: failed or cancelled, in plain words. */
  error: string | null;
  /** Whether the last job started was a validation, so its error shows by the right button. */
  lastDryRun: boolean;
  start(request: ImportRequest): Promise<void>;
  cancel(): Promise<void>;
  clearReports(): void;
  reset(): void;
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Validation runs and imports: starts a background job, polls its progress and keeps its report. */
export const useImportJobStore = create<ImportJobState>()((set, get) => {
  // After a reset, a poll loop from before stops at its next turn.
  const jobs = latestOnly();

  async function poll(jobId: string, dryRun: boolean, wanted: StillWanted): Promise<void> {
    for (;;) {
      await delay(POLL_MS);
      if (!wanted()) return;
      const status = await call('import:status', { jobId });
      if (!wanted()) return;
      set({ status });
      if (status.state === 'running') continue;
      set({ running: null });
      if (status.state === 'done' && status.report) {
        set(dryRun ? { validation: status.report } : { result: status.report });
        if (!dryRun) await refreshAfterImport();
      } else if (status.state === 'cancelled') {
        set({ error: dryRun ? 'Validation cancelled.' : 'Import cancelled: nothing was written.' });
      } else {
        set({ error: status.error?.message ?? 'The import failed: nothing was written.' });
      }
      return;
    }
  }

  return {
    running: null,
    status: null,
    validation: null,
    result: null,
    error: null,
    lastDryRun: false,

    start: async ({ path, mapping, strict, dryRun, saveMappingAs }) => {
      if (get().running) return;
      const wanted = jobs.next();
      set({ error: null, status: null, lastDryRun: dryRun, ...(dryRun ? { validation: null } : { result: null }) });
      try {
        const args = { path, mapping, strict, dryRun, ...(saveMappingAs && !dryRun ? { saveMappingAs } : {}) };
        const { jobId } = await call('import:start', args);
        if (!wanted()) return;
        set({ running: { jobId, dryRun } });
        await poll(jobId, dryRun, wanted);
      } catch (error) {
        if (wanted()) set({ running: null, error: errorMessage(error) });
      }
    },

    cancel: async () => {
      const running = get().running;
      if (!running) return;
      try {
        await call('import:cancel', { jobId: running.jobId });
      } catch (error) {
        set({ error: errorMessage(error) });
      }
    },

    clearReports: () => set({ validation: null, result: null, error: null }),

    reset: () => {
      jobs.dropAll();
      const running = get().running;
      // Leaving the project mid-import: stop the job rather than let it finish unseen.
      if (running) call('import:cancel', { jobId: running.jobId }).catch(() => undefined);
      set({ running: null, status: null, validation: null, result: null, error: null, lastDryRun: false });
    },
  };
});
resetOnProjectChange(useImportJobStore);

async function refreshAfterImport(): Promise<void> {
  await Promise.all([useProjectStore.getState().refreshSummary(), useDataStore.getState().refresh()]);
}
