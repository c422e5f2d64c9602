import type { ModelOptions } from '../../../shared/modelOptions';
import { SPREAD_MODELS, type ModelExtreme } from '../../../shared/robustness';
import { float64At } from '../arrays/read';
import { attribute } from '../models/attribute';
import { figuresOfRun, type ScopedInput } from './scopedInput';

/**
 * What the spread depends on: every option but the model, its weights and the Markov order (the spread sets them
 * itself) and the churn seed (no figure reads it). Runs with the same key have the same spread.
 */
export function spreadKey(options: ModelOptions): string {
  const { model: _model, weights: _weights, markovOrder: _order, seed: _seed, ...rest } = options;
  return JSON.stringify(rest);
}

/** Per figure (figures.ts layout), the least and the greatest value over the built-in models. */
export interface ModelSpread {
  min: ModelExtreme[];
  max: ModelExtreme[];
  /** Each model's figures, in SPREAD_MODELS order. */
  byModel: Float64Array[];
}

/**
 * Model spread (spec 13): every built-in model at the current options (lookback, upgrade policy, half-life, scope,
 * channel groups), Markov at order 1 as the spec names it. A tie keeps the first model in SPREAD_MODELS order.
 */
export function modelSpread(input: ScopedInput): ModelSpread {
  const { data, journeys, inScope, options, layout } = input;
  const byModel = SPREAD_MODELS.map((model) =>
    figuresOfRun(input, attribute(data, { ...options, model, markovOrder: 1 }, journeys, inScope)),
  );
  const min: ModelExtreme[] = [];
  const max: ModelExtreme[] = [];
  for (let f = 0; f < layout.size; f++) {
    SPREAD_MODELS.forEach((model, i) => {
      const value = float64At(byModel[i] as Float64Array, f);
      if (min[f] === undefined || value < (min[f] as ModelExtreme).value) min[f] = { value, model };
      if (max[f] === undefined || value > (max[f] as ModelExtreme).value) max[f] = { value, model };
    });
  }
  return { min, max, byModel };
}
