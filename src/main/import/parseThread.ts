import { parentPort, workerData } from 'node:worker_threads';
import { TributaryError, type ApiErrorShape } from '../../shared/errors';
import type { HeaderInfo, ParseEnd, RowBatch } from './rowBatch';
import { parseRows, type ParseInput } from './rowParser';

/** What import/pipeline.ts hands the parsing worker. */
export interface ParseThreadInput {
  parse: ParseInput;
  /** One Int32: batches posted and not yet written. The writer takes one off for each batch it has written. */
  inFlight: SharedArrayBuffer;
  /** Batches the parser may run ahead of the writer. */
  maxInFlight: number;
}

export type ParseThreadMessage =
  | { type: 'header'; info: HeaderInfo }
  | { type: 'batch'; batch: RowBatch }
  | { type: 'end'; end: ParseEnd }
  | { type: 'failed'; error: ApiErrorShape };

/**
 * The parsing half of a pipelined import: reads, parses and converts the file while the importing thread writes,
 * never more than `maxInFlight` batches ahead of it, so memory stays flat however fast the disk is. It blocks on the
 * shared counter rather than pausing papaparse: a worker has nothing else to do while the writer catches up.
 */
function run(input: ParseThreadInput, port: NonNullable<typeof parentPort>): void {
  const inFlight = new Int32Array(input.inFlight);
  const post = (message: ParseThreadMessage): void => port.postMessage(message);
  parseRows(input.parse, {
    header: (info) => post({ type: 'header', info }),
    batch: (batch) => {
      Atomics.add(inFlight, 0, 1);
      post({ type: 'batch', batch });
      for (let waiting = Atomics.load(inFlight, 0); waiting >= input.maxInFlight;) {
        Atomics.wait(inFlight, 0, waiting, 1000);
        waiting = Atomics.load(inFlight, 0);
      }
    },
  }).then(
    (end) => post({ type: 'end', end }),
    (error: unknown) => {
      const shaped =
        error instanceof TributaryError
          ? error.toJSON()
          : { code: 'internal' as const, message: error instanceof Error ? error.message : String(error) };
      post({ type: 'failed', error: shaped });
    },
  );
}

if (parentPort) run(workerData as ParseThreadInput, parentPort);
