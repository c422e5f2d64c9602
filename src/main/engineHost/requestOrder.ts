import { ENGINE_READS, type EngineMethod, type EngineRequest } from './protocol';

/**
 * What a model run may be answered before. Every other request (an open, a write such as groups:set or
 * scenario:save, a bootstrap started or cancelled, an export, a status) keeps its place, and no model run goes before it.
 */
const READS = new Set<EngineMethod>(ENGINE_READS);

const isRun = (request: EngineRequest): boolean => request.type === 'call' && request.method === 'model:run';

/**
 * Takes the next request to answer from `queue`: the oldest, unless a model run waits behind reads only. The model
 * run is what the user waits on (the cards and the Sankey of a weight move, the Model tab as it opens); the reads it
 * goes before (a series, the velocity, the ranges, a page of journeys) are panels around it and read nothing it
 * writes. At a million touches the Model tab's run waited 0.2-0.5 s behind its own series request, sent first.
 */
export function takeNextRequest(queue: EngineRequest[]): EngineRequest | undefined {
  for (let i = 0; i < queue.length; i++) {
    const request = queue[i] as EngineRequest;
    if (isRun(request)) return queue.splice(i, 1)[0];
    if (request.type !== 'call' || !READS.has(request.method)) break;
  }
  return queue.shift();
}
