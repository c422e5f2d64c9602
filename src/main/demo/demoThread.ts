import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { DemoBatch } from '../store/demoRows';
import { generateDemoRows, type DemoRowsOptions } from './rows';
import type { DemoStats } from './writer';

/** What demo/inWorker.ts hands the generating worker. */
export interface DemoThreadInput {
  options: DemoRowsOptions;
  port: MessagePort;
  /** Int32s: [batches posted, batches written, 1 once the worker has ended]. */
  signals: SharedArrayBuffer;
  maxInFlight: number;
}

export type DemoThreadMessage =
  { type: 'batch'; batch: DemoBatch } | { type: 'end'; stats: DemoStats } | { type: 'failed'; message: string };

export const POSTED = 0;
export const WRITTEN = 1;
export const ENDED = 2;

/**
 * Makes the demo's rows while the writing thread inserts them, never more than `maxInFlight` batches ahead, so
 * memory stays flat at any scale. Every message is counted in POSTED and woken on, because the writer waits for it
 * synchronously (generateDemo is synchronous for every caller).
 */
function run({ options, port, signals, maxInFlight }: DemoThreadInput): void {
  const shared = new Int32Array(signals);
  const post = (message: DemoThreadMessage): void => {
    port.postMessage(message);
    Atomics.add(shared, POSTED, 1);
    Atomics.notify(shared, POSTED);
  };
  // Said even when the thread dies of something no catch sees, so the writer never waits for nothing.
  process.on('exit', () => {
    Atomics.store(shared, ENDED, 1);
    Atomics.notify(shared, POSTED);
  });
  try {
    const stats = generateDemoRows(options, (batch) => {
      post({ type: 'batch', batch });
      while (Atomics.load(shared, POSTED) - Atomics.load(shared, WRITTEN) >= maxInFlight) {
        Atomics.wait(shared, WRITTEN, Atomics.load(shared, WRITTEN), 1000);
      }
    });
    post({ type: 'end', stats });
  } catch (error) {
    post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}

if (parentPort) run(workerData as DemoThreadInput);
