import { parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import { TributaryError, type ApiErrorShape } from '../../shared/errors';
import { argSchemas } from '../../shared/api';
import { EngineCache } from '../engine/cache/cache';
import { packSnapshotOffThread, writePackedSnapshot } from '../engine/arrays/projectSnapshot';
import { BootstrapJobs } from './bootstrapJobs';
import { createEngineHandlers } from './handlers/engineHandlers';
import type { ProjectSource } from './handlers/projectSource';
import { anonymiseFile } from '../store/anonymise';
import { connect } from '../store/database';
import { readMeta } from '../store/meta';
import { checkProject } from '../store/project';
import type { EngineProjectRef, EngineRequest, EngineResponse, EngineStatus, EngineThreadInput } from './protocol';
import { takeNextRequest } from './requestOrder';

/**
 * The worker's own connection to the project the app has open (WAL: it sees every commit). It writes saved
 * scenarios and the engine's snapshot of its arrays (engine/arrays/projectSnapshot.ts), never the data.
 */
class WorkerProject implements ProjectSource {
  /** `provisional`: opened ahead of the session's quick_check; the connection refuses writes until confirmed. */
  private opened: { ref: EngineProjectRef; db: Database.Database; provisional: boolean } | null = null;
  private readonly nativeBinding: string | undefined;

  constructor(nativeBinding: string | undefined) {
    this.nativeBinding = nativeBinding;
  }

  get ref(): EngineProjectRef | null {
    return this.opened?.ref ?? null;
  }

  /** The project in use refuses writes: the session still checks the file (see use). */
  get provisional(): boolean {
    return this.opened?.provisional ?? false;
  }

  /**
   * Makes `ref` the project in use; true when that meant opening it (the cache must forget the old one).
   * `provisional`: the session has yet to finish checking the file, so the connection refuses every write (but is
   * not read-only: a read-only connection that closes last would leave the -wal and -shm files behind, beside a
   * file whose open failed and must stay as it was). The same project used again for good lifts the refusal.
   */
  use(ref: EngineProjectRef, provisional = false): boolean {
    const opened = this.opened;
    if (opened && opened.ref.path === ref.path && opened.ref.generation === ref.generation) {
      if (opened.provisional && !provisional) {
        opened.db.pragma('query_only = OFF');
        opened.provisional = false;
      }
      return false;
    }
    this.close();
    // Read-write for saved scenarios (handlers/scenarioHandlers.ts) and the engine's snapshot. The file must exist:
    // a project moved away while open must not come back as a new empty file beside its old -wal.
    const db = connect(ref.path, {
      fileMustExist: true,
      queryOnly: provisional,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    this.opened = { ref, db, provisional };
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

const input = (workerData ?? {}) as EngineThreadInput;
/** The native binding the app passed, for every connection this thread opens. */
const storeOptions = input.nativeBinding ? { nativeBinding: input.nativeBinding } : {};
const project = new WorkerProject(input.nativeBinding);
const cache = new EngineCache();
/** Bootstraps run as background work of the request loop (set below), so requests keep going between slices. */
let scheduleBackground: (task: () => void) => void = (task) => setImmediate(task);
const jobs = new BootstrapJobs((task) => scheduleBackground(task));
const handlers = createEngineHandlers(project, cache, storeOptions, jobs);
/** Default model runs made ahead of any request (see prewarmModel), for the status. */
let prewarms = 0;

function use(ref: EngineProjectRef, provisional = false): void {
  if (project.use(ref, provisional)) {
    cache.clear();
    jobs.cancelAll();
  }
}

async function handle(request: EngineRequest): Promise<unknown> {
  switch (request.type) {
    case 'open':
      use(request.project);
      // Prewarm: the arrays are read now, before anyone asks; a call sent meanwhile queues behind this load.
      cache.load(project.require().db);
      return null;
    case 'readAhead':
      // A new opening (its own generation): whatever project the worker held is left, its arrays dropped before the
      // new ones are read, so two sets never coexist.
      use(request.project, true);
      cache.readAhead(project.require().db);
      return null;
    case 'anonymise':
      return anonymiseFile(request.path, storeOptions);
    case 'checkFile':
      return checkProject(request.path, storeOptions);
    case 'status':
      // Every load's arrays came from the tables or from the project's snapshot: their sum is the loads.
      return {
        project: project.ref,
        loads: cache.reads.project + cache.reads.snapshot,
        reads: { ...cache.reads },
        prewarms,
      } satisfies EngineStatus;
    case 'call': {
      use(request.project);
      const handler = handlers[request.method] as (args: unknown) => unknown;
      return await handler(request.args);
    }
  }
}

/**
 * The Overview's first request, and the Model tab's, is most likely the default model: its journeys and the CAR
 * parts that do not depend on the credits (churn bootstrap, roadmap, sourcing; about 0.6 s at a million touches)
 * are computed as soon as the project is read ahead, while the session's quick_check still runs, and again (found
 * done) after the open. Queued like a request, so nothing runs beside it.
 */
async function prewarmModel(): Promise<void> {
  if (!project.ref) return;
  try {
    await handlers['model:run'](argSchemas['model:run'].parse({ options: {}, flows: 'community' }));
    prewarms += 1;
  } catch {
    // The request itself will meet the same problem and report it.
  }
}

/**
 * Keeps the arrays just read from the tables in the project, once the answer that needed them is sent. They are
 * encoded here, compressed on the thread pool while requests are answered, then written as a background step of
 * their own, unless the project closed meanwhile (its connection with it).
 */
function saveArrays(loop: RequestLoop): void {
  const unsaved = cache.takeUnsaved();
  if (!unsaved) return;
  const write = (packed: Buffer): void => {
    if (!unsaved.db.open) return;
    try {
      writePackedSnapshot(unsaved.db, unsaved.key, packed);
    } catch (error) {
      notKept(error);
    }
  };
  packSnapshotOffThread(unsaved.key, unsaved.content).then((packed) => loop.later(() => write(packed)), notKept);
}

/** Only the next open of this project is slower (a read-only file); says why where a developer will see it. */
function notKept(error: unknown): void {
  console.warn(
    `Tributary: the engine's arrays were not kept in the project: ${error instanceof Error ? error.message : error}`,
  );
}

/** What each request but a call was doing, for an unexpected error's message. */
const DOING: Record<Exclude<EngineRequest['type'], 'call'>, string> = {
  open: 'Loading the project',
  status: 'Reporting the engine status',
  readAhead: 'Reading the project ahead',
  anonymise: 'Anonymising the copy',
  checkFile: 'Checking the file',
};

function shaped(error: unknown, request: EngineRequest): ApiErrorShape {
  if (error instanceof TributaryError) return error.toJSON();
  const message = error instanceof Error ? error.message : String(error);
  const what = request.type === 'call' ? request.method : DOING[request.type];
  return { code: 'internal', message: `${what} failed unexpectedly: ${message}` };
}

/**
 * One request at a time, in the order sent (but a model run before reads sent ahead of it, see takeNextRequest): a
 * call that arrives during a load waits for it, never loads twice.
 * Background work (the prewarm, keeping the arrays in the project) runs only when no request waits. Before each step the
 * thread lets the event loop deliver what arrived meanwhile: messages sent during a multi-second load are only
 * delivered after it, and must still go before the background work that load queued.
 */
class RequestLoop {
  private readonly requests: EngineRequest[] = [];
  private readonly background: (() => unknown)[] = [];
  private running = false;
  private readonly answer: (request: EngineRequest) => Promise<void>;

  constructor(answer: (request: EngineRequest) => Promise<void>) {
    this.answer = answer;
  }

  add(request: EngineRequest): void {
    this.requests.push(request);
    void this.pump();
  }

  later(task: () => unknown): void {
    this.background.push(task);
    void this.pump();
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        const request = takeNextRequest(this.requests);
        const step = request ? () => this.answer(request) : this.background.shift();
        if (!step) break;
        try {
          await step();
        } catch (error) {
          // Each step answers or reports its own errors; one that escapes must not stop the requests after it.
          console.warn(`Tributary engine: ${error instanceof Error ? error.message : String(error)}`);
        }
      }
    } finally {
      this.running = false;
    }
  }
}

if (parentPort) {
  const port = parentPort;
  const loop = new RequestLoop(async (request) => {
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
    // Read ahead, the default model is computed while the session's quick_check runs; the open then finds it done.
    if ((request.type === 'open' || request.type === 'readAhead') && response.ok) loop.later(prewarmModel);
    // Nothing is written to a file the session has not finished checking: the open that confirms it comes back here.
    if (cache.hasUnsaved && !project.provisional) loop.later(() => saveArrays(loop));
  });
  scheduleBackground = (task) => loop.later(task);
  port.on('message', (request: EngineRequest) => loop.add(request));
}
