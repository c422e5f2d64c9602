import type { Method } from '../../../shared/api';
import type { RobustnessResults } from '../../../shared/robustnessApi';
import type { EngineCache, LoadedProject } from '../../engine/cache/cache';
import { modelSpread, spreadKey, type ModelSpread } from '../../engine/robustness/modelSpread';
import type { ModelOptions } from '../../../shared/modelOptions';
import { robustnessOf } from '../../engine/robustness/robustness';
import { scopedInput } from '../../engine/robustness/scopedInput';
import type { Handlers } from '../../handlerTable';
import type { BootstrapJobs } from '../bootstrapJobs';
import type { ProjectSource } from './projectSource';

type RobustnessMethod = keyof RobustnessResults & Method;

/** Spreads kept per loaded project: a few option sets, so going back and forth stays instant. */
const KEEP_SPREADS = 4;
const spreads = new WeakMap<LoadedProject, Map<string, ModelSpread>>();

/**
 * Robustness of the answer (spec 13) over the open project: the weight ranges and model spread answered at once, the
 * bootstrap started as a job of this thread (bootstrapJobs.ts) and followed by its status.
 */
export function createRobustnessHandlers(
  session: ProjectSource,
  cache: EngineCache,
  jobs: BootstrapJobs,
): Handlers<RobustnessMethod> {
  const inputOf = (options: ModelOptions) => scopedInput(cache.load(session.require().db), options);
  return {
    'model:robustness': ({ options, delta }) => {
      const loaded = cache.load(session.require().db);
      const input = scopedInput(loaded, options);
      // A weight move keeps the spread: it is kept per loaded project (the same while the data is) and per key.
      const key = JSON.stringify([spreadKey(options), loaded.grouping.rules]);
      let kept = spreads.get(loaded);
      if (!kept) spreads.set(loaded, (kept = new Map()));
      let spread = kept.get(key);
      if (!spread) {
        spread = modelSpread(input);
        if (kept.size >= KEEP_SPREADS) kept.delete(kept.keys().next().value as string);
        kept.set(key, spread);
      }
      return robustnessOf(input, delta, spread);
    },
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
