import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { ImportJobStatus } from '../../shared/importApi';
import { TributaryError } from '../../shared/errors';
import { workerScript } from '../workerScript';
import type { ImportThreadInput, ImportThreadMessage } from './importThread';

const KEEP_FINISHED = 20;

interface Job {
  status: ImportJobStatus;
  worker: Worker;
  done: Promise<void>;
}

export interface ImportJobsOptions {
  /** The worker script; by default the bundled one in a build, else the sources through workerBoot.mjs. */
  workerEntry?: URL | string;
  nativeBinding?: string;
}

/**
 * Imports run in worker threads so the app stays responsive; the UI polls their status. One import at a time per
 * project: a second would only wait for the first one's write lock.
 */
export class ImportJobs {
  private readonly jobs = new Map<string, Job>();
  private readonly workerEntry: URL | string;
  private readonly nativeBinding: string | undefined;

  constructor(options: ImportJobsOptions = {}) {
    this.workerEntry = options.workerEntry ?? workerScript('importThread', import.meta.url);
    this.nativeBinding = options.nativeBinding;
  }

  start(input: Omit<ImportThreadInput, 'nativeBinding'>): string {
    if ([...this.jobs.values()].some((job) => job.status.state === 'running')) {
      throw new TributaryError('locked', 'An import is already running; wait for it to finish or cancel it.');
    }
    const jobId = randomUUID();
    const workerData: ImportThreadInput = this.nativeBinding ? { ...input, nativeBinding: this.nativeBinding } : input;
    const worker = new Worker(this.workerEntry, { workerData });
    const status: ImportJobStatus = {
      jobId,
      state: 'running',
      dryRun: input.options.dryRun ?? false,
      progress: null,
      report: null,
      error: null,
    };
    const done = new Promise<void>((resolve) => {
      worker.on('message', (message: ImportThreadMessage) => {
        if (message.type === 'progress') status.progress = message.progress;
        else if (message.type === 'done') Object.assign(status, { state: 'done', report: message.report });
        else {
          const cancelled = message.error.code === 'cancelled';
          Object.assign(status, { state: cancelled ? 'cancelled' : 'failed', error: message.error });
        }
      });
      worker.on('error', (error) => {
        Object.assign(status, { state: 'failed', error: { code: 'internal', message: error.message } });
      });
      worker.on('exit', () => {
        if (status.state === 'running') {
          Object.assign(status, {
            state: 'failed',
            error: { code: 'internal', message: 'The import stopped unexpectedly; nothing was imported.' },
          });
        }
        resolve();
      });
    });
    this.jobs.set(jobId, { status, worker, done });
    this.forgetOldJobs();
    return jobId;
  }

  status(jobId: string): ImportJobStatus {
    return { ...this.find(jobId).status };
  }

  /** Asks the import to stop; it rolls back, and its status turns `cancelled`. */
  cancel(jobId: string): void {
    const job = this.find(jobId);
    if (job.status.state === 'running') job.worker.postMessage('cancel');
  }

  /** Waits for a job to end (tests, shutdown). */
  async settled(jobId: string): Promise<ImportJobStatus> {
    await this.find(jobId).done;
    return this.status(jobId);
  }

  /** Cancels what runs and waits for it, before the project closes. */
  async stopAll(): Promise<void> {
    for (const [jobId, job] of this.jobs) if (job.status.state === 'running') this.cancel(jobId);
    await Promise.all([...this.jobs.values()].map((job) => job.done));
  }

  private find(jobId: string): Job {
    const job = this.jobs.get(jobId);
    if (!job) throw new TributaryError('not_found', `No import job ${jobId}.`);
    return job;
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, job]) => job.status.state !== 'running');
    for (const [jobId] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(jobId);
  }
}
