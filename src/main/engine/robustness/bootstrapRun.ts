import { setImmediate as nextTurn } from 'node:timers/promises';
import { TributaryError } from '../../../shared/errors';
import type { Bootstrap } from './bootstrap';

export interface BootstrapControl {
  /** Aborting stops the run between two resamples with a `cancelled` error. */
  signal?: AbortSignal;
  /** Called after each resample, and once at the start with 0. */
  onProgress?(done: number, total: number): void;
}

/** How long the run keeps the thread before letting its messages (a cancel) through. */
const SLICE_MS = 50;

/**
 * Runs a bootstrap to its end, giving the event loop a turn every SLICE_MS so that a worker thread running it still
 * hears a cancel, and reporting progress as it goes.
 */
export async function runBootstrap(bootstrap: Bootstrap, control: BootstrapControl = {}): Promise<void> {
  const { signal, onProgress } = control;
  onProgress?.(bootstrap.done, bootstrap.total);
  let sliceStart = Date.now();
  while (bootstrap.done < bootstrap.total) {
    if (signal?.aborted) throw new TributaryError('cancelled', 'The bootstrap was cancelled.');
    bootstrap.step();
    onProgress?.(bootstrap.done, bootstrap.total);
    if (Date.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = Date.now();
    }
  }
}
