import { Worker } from 'node:worker_threads';
import type { Results } from '../../shared/api';
import { TributaryError } from '../../shared/errors';
import type { CheckReport } from '../store/project';
import { workerScript } from '../workerScript';
import type {
  EngineMethod,
  EngineProjectRef,
  EngineRequest,
  EngineResponse,
  EngineStatus,
  EngineThreadInput,
} from './protocol';

export interface EngineClientOptions {
  /** The worker script; by default the bundled one in a build, else the sources through workerBoot.mjs. */
  workerEntry?: URL | string;
  nativeBinding?: string;
}

interface Pending {
  resolve(result: unknown): void;
  reject(error: TributaryError): void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
  exited: Promise<void>;
  /** Why this side ended the thread, for what it was still doing; unset, the thread died on its own. */
  ended?: TributaryError;
}

/** Strips the id: `send` numbers each request. */
type Unnumbered<R> = R extends { id: number } ? Omit<R, 'id'> : never;

/**
 * The engine in a worker thread, so loading a project (seconds at a million touches) or computing a model never
 * holds up the main thread: the window's IPC, or every request of the browser-mode server. The worker keeps its own
 * connection and engine cache; this side only forwards requests and matches answers to them. A worker
 * that dies fails what it was doing with a clear error, and the next request starts a new one.
 */
export class EngineClient {
  private readonly workerEntry: URL | string;
  private readonly nativeBinding: string | undefined;
  private thread: Thread | null = null;
  private nextId = 1;
  private generation = 0;
  private project: EngineProjectRef | null = null;
  /** The project the worker reads ahead while the session checks it (see readAhead). */
  private ahead: EngineProjectRef | null = null;
  /** Threads started for one request each (see alone), ended by stop with this one. */
  private readonly helpers = new Set<EngineClient>();
  /** Threads started for one method over the open project each (see callAside), ended when it closes. */
  private readonly asides = new Set<EngineClient>();
  /** Settles once the project last opened is loaded, or failed to load (the next call then reports why). */
  warm: Promise<void> = Promise.resolve();

  constructor(options: EngineClientOptions = {}) {
    this.workerEntry = options.workerEntry ?? workerScript('engineThread', import.meta.url);
    this.nativeBinding = options.nativeBinding;
  }

  /** Starts the worker thread if it is not running; requests start it too. */
  start(): void {
    if (this.thread) return;
    const workerData: EngineThreadInput = this.nativeBinding ? { nativeBinding: this.nativeBinding } : {};
    const worker = new Worker(this.workerEntry, { workerData });
    const pending = new Map<number, Pending>();
    let failure: Error | null = null;
    worker.on('message', (response: EngineResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      if (pending.size === 0) worker.unref();
      if (response.ok) waiting.resolve(response.result);
      else waiting.reject(new TributaryError(response.error.code, response.error.message));
    });
    worker.on('error', (error) => {
      failure = error;
    });
    const thread: Thread = {
      worker,
      pending,
      exited: new Promise<void>((resolve) => {
        worker.on('exit', (exitCode) => {
          if (this.thread?.worker === worker) this.thread = null;
          const error =
            thread.ended ??
            new TributaryError(
              'internal',
              `The engine stopped unexpectedly (${failure?.message ?? `exit code ${exitCode}`}); try again.`,
            );
          for (const waiting of pending.values()) waiting.reject(error);
          pending.clear();
          resolve();
        });
      }),
    };
    // An idle worker never keeps the process alive; one with work to answer does.
    worker.unref();
    this.thread = thread;
  }

  /** How many threads started for one request run (tests: to act while one does). */
  get helpersRunning(): number {
    return this.helpers.size;
  }

  /** How many requests wait for the worker's answer (tests: to act while one is in flight). */
  get waiting(): number {
    return this.thread?.pending.size ?? 0;
  }

  /** Ends the worker thread and those started for one request; what they were doing fails with `cancelled`. */
  async stop(): Promise<void> {
    this.project = null;
    this.ahead = null;
    await Promise.all([...this.helpers, ...this.asides].map((helper) => helper.stop()));
    await this.end(new TributaryError('cancelled', 'The engine was stopped before it answered.'));
  }

  /**
   * Ends the thread at once, as a crash would, without forgetting the project: what it was doing fails with
   * `internal`, and the next request starts a new worker (tests).
   */
  async kill(): Promise<void> {
    await this.end();
  }

  /**
   * The project at `path` is being checked and has passed every check but quick_check: the worker reads its arrays
   * now, and computes the default model on them, beside the quick_check of the whole file on the main thread. The
   * open that follows goes on with them; an open that fails ends the worker.
   */
  readAhead(path: string): void {
    this.generation += 1;
    const project = { path, generation: this.generation };
    this.ahead = project;
    this.send({ type: 'readAhead', project }).catch(() => undefined);
  }

  /**
   * The project the app just opened: the worker starts loading it at once (prewarm), or goes on with what it read
   * ahead of it (the same project: the worker keeps its arrays and what it computed on them).
   */
  openProject(path: string): void {
    let project = this.ahead?.path === path ? this.ahead : null;
    this.ahead = null;
    if (project === null) {
      this.generation += 1;
      project = { path, generation: this.generation };
    }
    this.project = project;
    this.warm = this.send({ type: 'open', project }).then(
      () => undefined,
      () => undefined,
    );
  }

  /**
   * The project closes (or the app moves to another). Its worker ends, rather than dropping its arrays and waiting
   * for a collection: the memory is free at once for the next project, a load still running is not waited for,
   * and a new worker boots while the session opens the next file. Wait for it before the session closes its own
   * connection: the last connection to close checkpoints the WAL and removes it, and a read-only one cannot.
   */
  async closeProject(): Promise<void> {
    this.project = null;
    this.ahead = null;
    await Promise.all([...this.asides].map((aside) => aside.stop()));
    if (!this.thread) return;
    await this.end(new TributaryError('cancelled', 'The project closed before the engine answered.'));
    this.start();
  }

  status(): Promise<EngineStatus> {
    return this.send({ type: 'status' }) as Promise<EngineStatus>;
  }

  /** Anonymises the project copy at `path` (store/anonymise.ts: 12 s at a million touches), alone. */
  anonymise(path: string): Promise<string> {
    return this.alone({ type: 'anonymise', path }) as Promise<string>;
  }

  /** checkProject over the file at `path` (a restore point: integrity_check takes seconds on a big one), alone. */
  checkFile(path: string): Promise<CheckReport> {
    return this.alone({ type: 'checkFile', path }) as Promise<CheckReport>;
  }

  /**
   * One request in a thread started for it and ended after (the same script), so that neither the main thread nor
   * this worker's requests wait for seconds of work on another file.
   */
  private async alone(request: Unnumbered<EngineRequest>, threads = this.helpers): Promise<unknown> {
    const alone = new EngineClient({
      workerEntry: this.workerEntry,
      ...(this.nativeBinding ? { nativeBinding: this.nativeBinding } : {}),
    });
    threads.add(alone);
    try {
      return await alone.send(request);
    } finally {
      threads.delete(alone);
      await alone.stop();
    }
  }

  /**
   * Runs one engine method over the open project at `projectPath` in a thread started for it (ASIDE_METHODS: reads
   * of whole tables that need no arrays), beside this worker's requests rather than before them. Closing the project
   * ends it, so the session's connection is the last to close.
   */
  callAside<M extends EngineMethod>(method: M, args: unknown, projectPath: string): Promise<Results[M]> {
    const project = { path: projectPath, generation: 0 };
    return this.alone({ type: 'call', project, method, args }, this.asides) as Promise<Results[M]>;
  }

  /** Runs one engine method over the project at `projectPath` (the one the session has open). */
  call<M extends EngineMethod>(method: M, args: unknown, projectPath: string): Promise<Results[M]> {
    // A project opened some other way than through openProject (or dropped since) is opened now.
    if (this.project?.path !== projectPath) this.openProject(projectPath);
    const project = this.project as EngineProjectRef;
    return this.send({ type: 'call', project, method, args }) as Promise<Results[M]>;
  }

  private async end(reason?: TributaryError): Promise<void> {
    const thread = this.thread;
    if (!thread) return;
    if (reason) thread.ended = reason;
    await thread.worker.terminate();
    await thread.exited;
  }

  private send(request: Unnumbered<EngineRequest>): Promise<unknown> {
    this.start();
    const { worker, pending } = this.thread as Thread;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      if (pending.size === 0) worker.ref();
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...request, id } as EngineRequest);
    });
  }
}
