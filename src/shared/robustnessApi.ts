import { z } from 'zod';
import type { ApiErrorShape } from './errors';
import { modelOptionsSchema } from './modelOptions';
import {
  DEFAULT_RESAMPLES,
  DEFAULT_ROBUSTNESS_DELTA,
  type BootstrapIntervals,
  type RobustnessResult,
} from './robustness';

/** The bootstrap's seed when none is given (the churn bootstrap's default too). */
export const DEFAULT_BOOTSTRAP_SEED = 42;
/** Most resamples one bootstrap takes: beyond this, percentiles no longer move and the wait only grows. */
export const MAX_RESAMPLES = 10_000;

const jobId = z.string().min(1).max(100);

/**
 * Robustness of the answer (spec 13), merged into api.ts: the weight ranges and model spread at once (fast), and the
 * bootstrap as a job of the engine worker that reports its progress and can be cancelled.
 */
export const robustnessArgSchemas = {
  'model:robustness': z.strictObject({
    options: modelOptionsSchema,
    delta: z
      .number()
      .gt(0, 'the neighbourhood is more than 0 weight points')
      .max(100, 'the neighbourhood is at most 100 weight points')
      .default(DEFAULT_ROBUSTNESS_DELTA),
  }),
  'model:bootstrapStart': z.strictObject({
    options: modelOptionsSchema,
    resamples: z
      .number()
      .int('resamples are a whole number')
      .min(1, 'at least 1 resample')
      .max(MAX_RESAMPLES, `at most ${MAX_RESAMPLES} resamples`)
      .default(DEFAULT_RESAMPLES),
    seed: z.number().int('the seed is a whole number').default(DEFAULT_BOOTSTRAP_SEED),
  }),
  'model:bootstrapStatus': z.strictObject({ jobId }),
  'model:bootstrapCancel': z.strictObject({ jobId }),
};

export type BootstrapState = 'running' | 'done' | 'cancelled' | 'failed';

export interface BootstrapStatus {
  jobId: string;
  state: BootstrapState;
  done: number;
  total: number;
  /** Once done. */
  intervals: BootstrapIntervals | null;
  error: ApiErrorShape | null;
}

export interface RobustnessResults {
  'model:robustness': RobustnessResult;
  'model:bootstrapStart': { jobId: string };
  'model:bootstrapStatus': BootstrapStatus;
  'model:bootstrapCancel': null;
}
