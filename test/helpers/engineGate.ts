import { BroadcastChannel } from 'node:worker_threads';
import { afterEach } from 'vitest';
import type { EngineMethod, EngineRequest } from '../../src/main/engineHost/protocol';

/** A request the engine worker receives: its type, and for a call its method. */
export type HeldRequest = { type: 'call'; method: EngineMethod } | { type: Exclude<EngineRequest['type'], 'call'> };

export interface EngineGate {
  /** The worker script to start the engine with (EngineClientOptions.workerEntry). */
  workerEntry: URL;
  /** Settles once a worker thread received the held request: it then stays busy with it until `release`. */
  held: Promise<void>;
  /** Lets the held request go on, and every one after it: nothing is held again. */
  release(): void;
}

type GateMessage = { kind: 'boot' } | { kind: 'held' };

const WORKER_ENTRY = new URL('./engineGateWorker.mjs', import.meta.url);

/**
 * Engine workers that hold one request until the test releases it, so that a test can say "while the worker is
 * busy with this" as an event instead of counting on a big project to take long enough. Every thread the engine
 * starts (a restarted worker, one started for a single request) asks for the rules as it boots. Released and closed
 * after each test.
 */
export function useEngineGate(): (hold: HeldRequest) => EngineGate {
  const open: (() => void)[] = [];
  afterEach(() => {
    for (const close of open.splice(0)) close();
  });
  return (hold) => {
    // The name engineGateWorker.mjs asks on; one gate at a time in a test file.
    const channel = new BroadcastChannel('tributary-test-engine-gate');
    const released = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    let heldNow = (): void => undefined;
    const held = new Promise<void>((resolve) => (heldNow = resolve));
    channel.onmessage = (event) => {
      const message = event.data as GateMessage;
      if (message.kind === 'boot') channel.postMessage({ kind: 'rules', hold, release: released.buffer });
      else heldNow();
    };
    const release = (): void => {
      Atomics.store(released, 0, 1);
      Atomics.notify(released, 0);
    };
    open.push(() => {
      release();
      channel.close();
    });
    return { workerEntry: WORKER_ENTRY, held, release };
  };
}
