import type { ModelName } from './modelOptions';

/** How the model select names each model; the value stays the name the CLI uses. */
export const MODEL_LABELS: Record<ModelName, string> = {
  'first-touch': 'First touch',
  'last-touch': 'Last touch',
  'lead-creation': 'Lead creation',
  'u-shaped': 'U-shaped',
  'w-shaped': 'W-shaped',
  'full-path': 'Full path',
  'j-shaped': 'J-shaped',
  'inverse-j': 'Inverse J',
  custom: 'Custom weights',
  linear: 'Linear',
  'time-decay': 'Time decay',
  markov: 'Markov chain',
  shapley: 'Shapley value',
};
