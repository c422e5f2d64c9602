import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { DemoBatch } from '../store/demoRows';
import { workerScript } from '../workerScript';
import { ENDED, POSTED, WRITTEN, type DemoThreadInput, type DemoThreadMessage } from './demoThread';
import type { DemoRowsOptions } from './rows';
import type { DemoStats } from './writer';

/** Batches the worker may make ahead of the writer: enough to keep both threads busy, a few MiB in all. */
const MAX_IN_FLIGHT = 4;

/**
 * generateDemoRows in a worker thread while this one writes (issue 16: the generator and SQLite side by side on two
 * cores). Synchronous like the rest of the generator: this thread takes each batch off the port as it comes
 * (receiveMessageOnPort), sleeping on the shared counter in between, so the caller's transaction never awaits.
 */
export function generateDemoRowsInWorker(options: DemoRowsOptions, onBatch: (batch: DemoBatch) => void): DemoStats {
  const signals = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
  const shared = new Int32Array(signals);
  const { port1, port2 } = new MessageChannel();
  const workerData: DemoThreadInput = { options, port: port2, signals, maxInFlight: MAX_IN_FLIGHT };
  const worker = new Worker(workerScript('demoThread', import.meta.url, './demoBoot.mjs'), {
    workerData,
    transferList: [port2],
  });
  let received = 0;
  try {
    for (;;) {
      const next = receiveMessageOnPort(port1);
      if (next === undefined) {
        if (Atomics.load(shared, ENDED) === 1 && Atomics.load(shared, POSTED) === received) {
          throw new Error('The demo generator stopped unexpectedly; nothing was written.');
        }
        Atomics.wait(shared, POSTED, received, 1000);
        continue;
      }
      received++;
      const message = next.message as DemoThreadMessage;
      if (message.type === 'end') return message.stats;
      if (message.type === 'failed') throw new Error(message.message);
      onBatch(message.batch);
      Atomics.add(shared, WRITTEN, 1);
      Atomics.notify(shared, WRITTEN);
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}
