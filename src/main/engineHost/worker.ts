import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { TributaryError, type ApiErrorShape } from '../../shared/errors';
import { EngineCache, type EngineSnapshot } from '../engine/cache';
import { createEngineHandlers } from '../handlers/engineHandlers';
import type { ProjectSource } from '../handlers/projectSource';
import { connect } from '../store/database';
import { readMeta } from '../store/meta';
import type { EngineProjectRef, EngineRequest, EngineResponse, EngineStatus, EngineWorkerInput } from './protocol';

/** The worker's own connection to the project the app has open (WAL: it sees every commit); it writes only scenarios. */
class WorkerProject implements ProjectSource {
  private opened: { ref: EngineProjectRef; db: Database.Database } | null = null;
  private readonly nativeBinding: string | undefined;

  constructor(nativeBinding: string | undefined) {
    this.nativeBinding = nativeBinding;
  }

  get ref(): EngineProjectRef | null {
    return this.opened?.ref ?? null;
  }

  /** Makes `ref` the project in use; true when that meant opening it (the cache must forget the old one). */
  use(ref: EngineProjectRef): boolean {
    const current = this.opened?.ref;
    if (current && current.path === ref.path && current.generation === ref.generation) return false;
    this.close();
    // Read-write only for saved scenarios (handlers/scenarioHandlers.ts): the engine itself never writes. The file
    // must exist: a project moved away while open must not come back as a new empty file beside its old -wal.
    const db = connect(ref.path, {
      fileMustExist: true,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    this.opened = { ref, db };
    return true;
  }

  require(): { db: Database.Database; path: string; readonly meta: ReturnType<typeof readMeta> } {
    if (!this.opened) throw new TributaryError('no_project', 'No project is open; create or open one first.');
    const { db, ref } = this.opened;
    return {
      db,
      path: ref.path,
      get meta() {
        return readMeta(db);
      },
    };
  }

  close(): void {
    if (this.opened?.db.open) this.opened.db.close();
    this.opened = null;
  }
}

/** The cache, counting whole-project loads so a test can tell a prewarmed answer from a fresh load. */
class CountingCache extends EngineCache {
  loads = 0;
  private last: EngineSnapshot | null = null;

  override snapshot(db: Database.Database): EngineSnapshot {
    const snapshot = super.snapshot(db);
    if (snapshot !== this.last) {
      this.loads += 1;
      this.last = snapshot;
    }
    return snapshot;
  }

  override clear(): void {
    super.clear();
    this.last = null;
  }
}

const input = (workerData ?? {}) as EngineWorkerInput;
const project = new WorkerProject(input.nativeBinding);
const cache = new CountingCache();
const handlers = createEngineHandlers(project, cache);

function use(ref: EngineProjectRef): void {
  if (project.use(ref)) cache.clear();
}

async function handle(request: EngineRequest): Promise<unknown> {
  switch (request.type) {
    case 'open':
      use(request.project);
      // Prewarm: the arrays are read now, before anyone asks; a call sent meanwhile queues behind this load.
      cache.snapshot(project.require().db);
      return null;
    case 'status':
      return { project: project.ref, loads: cache.loads } satisfies EngineStatus;
    case 'call': {
      use(request.project);
      const handler = handlers[request.method] as (args: unknown) => unknown;
      return await handler(request.args);
    }
  }
}

function shaped(error: unknown, request: EngineRequest): ApiErrorShape {
  if (error instanceof TributaryError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  const what = request.type === 'call' ? request.method : 'Loading the project';
  return { code: 'internal', message: `${what} failed unexpectedly: ${message}` };
}

if (parentPort) {
  const port = parentPort;
  // One request at a time, in the order sent: a call that arrives during a load waits for it, never loads twice.
  let queue = Promise.resolve();
  port.on('message', (request: EngineRequest) => {
    queue = queue.then(async () => {
      let response: EngineResponse;
      try {
        response = { id: request.id, ok: true, result: await handle(request) };
      } catch (error) {
        response = { id: request.id, ok: false, error: shaped(error, request) };
      }
      try {
        port.postMessage(response);
      } catch (error) {
        // A result that cannot be cloned must still answer, or the caller would wait forever.
        port.postMessage({ id: request.id, ok: false, error: shaped(error, request) } satisfies EngineResponse);
      }
    });
  });
}
