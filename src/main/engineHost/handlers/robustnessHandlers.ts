import type { Method } from '../../../shared/api';
import type { RobustnessResults } from '../../../shared/robustnessApi';
import type { EngineCache } from '../../engine/cache/cache';
import { robustnessOf } from '../../engine/robustness/robustness';
import { scopedInput } from '../../engine/robustness/scopedInput';
import type { Handlers } from '../../handlerTable';
import type { BootstrapJobs } from '../bootstrapJobs';
import type { ProjectSource } from './projectSource';

type RobustnessMethod = keyof RobustnessResults & Method;

/**
 * Robustness of the answer (spec 13) over the open project: the weight ranges and model spread answered at once, the
 * bootstrap started as a job of this thread (bootstrapJobs.ts) and followed by its status.
 */
export function createRobustnessHandlers(
  session: ProjectSource,
  cache: EngineCache,
  jobs: BootstrapJobs,
): Handlers<RobustnessMethod> {
  const inputOf = (options: Parameters<typeof scopedInput>[1]) =>
    scopedInput(cache.load(session.require().db), options);
  return {
    'model:robustness': ({ options, delta }) => robustnessOf(inputOf(options), delta),
    'model:bootstrapStart': ({ options, resamples, seed }) => ({
      jobId: jobs.start(inputOf(options), resamples, seed),
    }),
    'model:bootstrapStatus': ({ jobId }) => jobs.status(jobId),
    'model:bootstrapCancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
  };
}
