import { TributaryError, type ApiErrorShape } from '../../shared/errors';
import type { ModelOptions } from '../../shared/modelOptions';
import type { BootstrapStatus } from '../../shared/robustnessApi';
import type { BootstrapIntervals } from '../../shared/robustness';
import { createBootstrap, type Bootstrap } from '../engine/robustness/bootstrap';
import { bootstrapIntervals } from '../engine/robustness/robustness';
import type { ScopedInput } from '../engine/robustness/scopedInput';

/** Runs `task` when the thread is free: the engine thread's background queue, which yields to every request. */
export type Schedule = (task: () => void) => void;

/** How long one slice of resamples keeps the thread before requests (a status poll, a slider move) go first. */
const SLICE_MS = 40;
/** Finished jobs kept for their status, oldest dropped first. */
const KEEP_FINISHED = 4;

interface Job {
  id: string;
  input: ScopedInput;
  bootstrap: Bootstrap;
  seed: number;
  state: BootstrapStatus['state'];
  intervals: BootstrapIntervals | null;
  error: ApiErrorShape | null;
}

/**
 * The bootstraps of spec 13 running in the engine thread (a minute at a million touches): each runs in slices of
 * resamples queued as background work, so the thread keeps answering requests between two slices, and a status says
 * how far it is. Cancel stops it before its next resample.
 */
export class BootstrapJobs {
  private readonly jobs = new Map<string, Job>();
  private next = 1;
  private readonly schedule: Schedule;

  constructor(schedule: Schedule = (task) => setImmediate(task)) {
    this.schedule = schedule;
  }

  start(input: ScopedInput, resamples: number, seed: number): string {
    const id = `bootstrap-${this.next++}`;
    const job: Job = {
      id,
      input,
      bootstrap: createBootstrap(input, resamples, seed),
      seed,
      state: 'running',
      intervals: null,
      error: null,
    };
    this.jobs.set(id, job);
    this.forgetOldFinished();
    this.schedule(() => this.slice(job));
    return id;
  }

  status(id: string): BootstrapStatus {
    const job = this.require(id);
    return {
      jobId: id,
      state: job.state,
      done: job.bootstrap.done,
      total: job.bootstrap.total,
      intervals: job.intervals,
      error: job.error,
    };
  }

  /** The intervals of job `id` if it finished over these very options; null otherwise (or when it is unknown). */
  finished(id: string, options: ModelOptions): BootstrapIntervals | null {
    const job = this.jobs.get(id);
    if (!job || job.state !== 'done') return null;
    return JSON.stringify(job.input.options) === JSON.stringify(options) ? job.intervals : null;
  }

  cancel(id: string): void {
    const job = this.require(id);
    if (job.state === 'running') job.state = 'cancelled';
  }

  /** A project closed or replaced: its running bootstraps stop. */
  cancelAll(): void {
    for (const job of this.jobs.values()) if (job.state === 'running') job.state = 'cancelled';
  }

  private slice(job: Job): void {
    if (job.state !== 'running') return;
    const started = Date.now();
    try {
      while (job.bootstrap.done < job.bootstrap.total && Date.now() - started < SLICE_MS) job.bootstrap.step();
      if (job.bootstrap.done < job.bootstrap.total) {
        this.schedule(() => this.slice(job));
        return;
      }
      job.intervals = bootstrapIntervals(job.input, job.bootstrap, job.seed);
      job.state = 'done';
    } catch (error) {
      job.state = 'failed';
      job.error =
        error instanceof TributaryError
          ? error.toJSON()
          : { code: 'internal', message: `The bootstrap failed: ${error instanceof Error ? error.message : error}` };
    }
  }

  private require(id: string): Job {
    const job = this.jobs.get(id);
    if (!job)
      throw new TributaryError('not_found', `No bootstrap ${JSON.stringify(id)}: it finished long ago or never ran.`);
    return job;
  }

  private forgetOldFinished(): void {
    const finished = [...this.jobs.values()].filter((job) => job.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(job.id);
  }
}
