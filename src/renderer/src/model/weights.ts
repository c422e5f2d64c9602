import {
  POSITION_MODELS,
  PRESET_WEIGHTS,
  weightsOf,
  type ModelName,
  type ModelOptions,
  type PositionModel,
  type PositionWeights,
} from '../../../shared/modelOptions';
import { POSITION_NAMES, type PositionName } from '../../../shared/vocabulary/positions';

/** The presets offered as buttons (spec 5), in the order the panel shows them. */
export const WEIGHT_PRESETS = [
  { model: 'full-path', label: 'Full path' },
  { model: 'w-shaped', label: 'W-shaped' },
  { model: 'u-shaped', label: 'U-shaped' },
  { model: 'j-shaped', label: 'J-shaped' },
  { model: 'inverse-j', label: 'Inverse J' },
] as const satisfies readonly { model: Exclude<PositionModel, 'custom'>; label: string }[];

export type NormalisedWeights =
  { valid: true; shares: Record<PositionName, number> } | { valid: false; message: string };

export function isPositionModel(model: ModelName): model is PositionModel {
  return (POSITION_MODELS as readonly string[]).includes(model);
}

/** Each position's share of the total weight (0-1); weights need not sum to 100. */
export function normaliseWeights(weights: PositionWeights): NormalisedWeights {
  const values = POSITION_NAMES.map((name) => weights[name]);
  if (values.some((value) => !Number.isFinite(value) || value < 0)) {
    return { valid: false, message: 'Weights must be numbers of 0 or more.' };
  }
  const sum = values.reduce((total, value) => total + value, 0);
  if (sum <= 0) {
    return { valid: false, message: 'At least one position needs a weight above 0: the model has nothing to split.' };
  }
  const shares = Object.fromEntries(POSITION_NAMES.map((name) => [name, weights[name] / sum])) as Record<
    PositionName,
    number
  >;
  return { valid: true, shares };
}

/** A share as the panel shows it: "22.5%", "33.3%", "0%". */
export function formatShare(share: number): string {
  return `${Number((share * 100).toFixed(1))}%`;
}

/** The weights the panel shows for a position model (a preset's own, or the custom ones). */
export function displayedWeights(options: ModelOptions): PositionWeights | null {
  if (!isPositionModel(options.model)) return null;
  return weightsOf(options) ?? PRESET_WEIGHTS['full-path'];
}

/**
 * Changes one position's weight. Editing a preset's weight makes it a custom model that starts from the preset's
 * weights, so the other positions keep what the user saw.
 */
export function withWeight(options: ModelOptions, position: PositionName, value: number): ModelOptions {
  const current = displayedWeights(options) ?? PRESET_WEIGHTS['full-path'];
  return { ...options, model: 'custom', weights: { ...current, [position]: value } };
}

/** Chooses a model; a preset drops custom weights, `custom` starts from the weights shown until now. */
export function withModel(options: ModelOptions, model: ModelName): ModelOptions {
  if (model === 'custom') {
    return { ...options, model, weights: displayedWeights(options) ?? PRESET_WEIGHTS['full-path'] };
  }
  const { weights: _dropped, ...rest } = options;
  return { ...rest, model };
}
