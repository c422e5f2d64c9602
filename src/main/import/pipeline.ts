import { Worker } from 'node:worker_threads';
import { TributaryError } from '../../shared/errors';
import { workerScript } from '../workerScript';
import type { ParseThreadInput, ParseThreadMessage } from './parseThread';
import type { ParseEnd } from './rowBatch';
import type { ParseInput, ParseSink } from './rowParser';

/**
 * Batches the parser may run ahead of the writer: each is one chunk papaparse hands over (about a MiB of the file),
 * so a few are enough to keep both threads busy and memory stays a few MiB whatever the file's size.
 */
const MAX_IN_FLIGHT = 4;

/**
 * parseRows in a worker thread, feeding `sink` in this one (issue 16: parsing and writing side by side on two
 * cores). The sink sees the same header and batches in the same order as with parseRows here, so both paths give
 * the same project. A cancel (`signal`) or a sink that throws stops the worker and rejects; the caller's
 * transaction then rolls back, as for any failed import.
 */
export function parseRowsInWorker(input: ParseInput, sink: ParseSink, signal?: AbortSignal): Promise<ParseEnd> {
  const inFlight = new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT);
  const counter = new Int32Array(inFlight);
  const workerData: ParseThreadInput = { parse: input, inFlight, maxInFlight: MAX_IN_FLIGHT };
  const worker = new Worker(workerScript('parseThread', import.meta.url, './parseBoot.mjs'), { workerData });
  return new Promise<ParseEnd>((resolve, reject) => {
    let settled = false;
    const onAbort = (): void => settle(cancelled(input.path));
    function settle(error: unknown, end?: ParseEnd): void {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      void worker.terminate();
      if (end) resolve(end);
      else reject(error);
    }
    worker.on('message', (message: ParseThreadMessage) => {
      if (settled) return;
      try {
        if (signal?.aborted) throw cancelled(input.path);
        if (message.type === 'header') sink.header(message.info);
        else if (message.type === 'batch') {
          sink.batch(message.batch);
          Atomics.sub(counter, 0, 1);
          Atomics.notify(counter, 0);
        } else if (message.type === 'end') settle(null, message.end);
        else settle(new TributaryError(message.error.code, message.error.message));
      } catch (error) {
        settle(error);
      }
    });
    worker.on('error', (error) => settle(error));
    worker.on('exit', () =>
      settle(new TributaryError('internal', 'The import stopped unexpectedly; nothing was imported.')),
    );
    if (signal?.aborted) onAbort();
    else signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function cancelled(path: string): TributaryError {
  const fileName = path.split(/[\\/]/).pop() ?? path;
  return new TributaryError('cancelled', `Import of ${fileName} cancelled; nothing was imported.`);
}
