import { TributaryError } from '../../../shared/errors';
import { markovRemovalEffects } from '../../engine/models/markov';
import { shapleyValues } from '../../engine/models/shapley';
import type { PathSummary } from './readSummary';

export type SolveModel = 'markov' | 'shapley';

export interface ChannelWeights {
  model: SolveModel;
  /** Markov's order; absent for Shapley. */
  order?: number;
  /** P(conversion) of the chain (Markov). */
  conversionProbability?: number;
  /** One weight per channel in code-unit order: RE(c) for Markov, phi(c) for Shapley (spec 6). */
  weights: { channel: string; weight: number }[];
}

/**
 * The channel weights of spec 6 from a path summary, by the engine's own exact solvers (models/markov.ts,
 * models/shapley.ts), the summary's counts standing for its journeys: the weights the spread statement of the
 * generated SQL puts onto touches, and the ones `tributary attribute --model markov|shapley --json` reports.
 */
export function solvePathSummary(summary: PathSummary, model: SolveModel, order = 1): ChannelWeights {
  const order_ = model === 'markov' ? { order } : {};
  let values: Float64Array;
  let conversionProbability: number | undefined;
  if (model === 'markov') {
    if (!summary.ordered) {
      throw new TributaryError(
        'bad_request',
        'Markov needs each path in order (a path column); this summary has only channel sets (channel_set)',
      );
    }
    try {
      const result = markovRemovalEffects(summary.paths, order);
      values = result.removalEffects;
      conversionProbability = result.conversionProbability;
    } catch (error) {
      if (error instanceof RangeError) throw new TributaryError('bad_request', error.message);
      throw error;
    }
  } else values = shapleyValues(summary.paths).values;
  const weights = summary.channels
    .map((channel, id) => ({ channel, weight: values[id] as number }))
    .sort((a, b) => (a.channel < b.channel ? -1 : a.channel > b.channel ? 1 : 0));
  return {
    model,
    ...order_,
    ...(conversionProbability !== undefined ? { conversionProbability } : {}),
    weights,
  };
}
