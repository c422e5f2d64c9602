// The engine worker for tests, with one kind of request held (test/helpers/engineGate.ts): the thread blocks as it
// receives that request, as if the request took as long as the test needs, and goes on when the test releases it.
import { BroadcastChannel, parentPort } from 'node:worker_threads';

// The channel engineGate.ts answers on: it sends which request to hold, and the flag it sets to release it.
const channel = new BroadcastChannel('tributary-test-engine-gate');
const { hold, release } = await new Promise((resolve) => {
  channel.onmessage = ({ data }) => {
    if (data.kind === 'rules') resolve(data);
  };
  channel.postMessage({ kind: 'boot' });
});
channel.onmessage = null;
channel.unref();

await import('../../src/main/engineHost/workerBoot.mjs');
// Added after the worker's own listener, which only queues the request: blocking here holds it before it runs.
const released = new Int32Array(release);
parentPort.on('message', (request) => {
  if (request.type !== hold.type || (hold.method !== undefined && request.method !== hold.method)) return;
  channel.postMessage({ kind: 'held' });
  Atomics.wait(released, 0, 0);
});
