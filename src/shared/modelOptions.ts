import { z } from 'zod';
import { reportScopeSchema } from './scope';

/** The position models of spec 5. */
export const POSITION_MODELS = [
  'first-touch',
  'last-touch',
  'lead-creation',
  'u-shaped',
  'w-shaped',
  'full-path',
  'j-shaped',
  'inverse-j',
  'custom',
] as const;
export type PositionModel = (typeof POSITION_MODELS)[number];

/** Every model of spec 5-6, by the names the CLI and the app use. */
export const MODEL_NAMES = [...POSITION_MODELS, 'linear', 'time-decay', 'markov', 'shapley'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export interface PositionWeights {
  FT: number;
  LC: number;
  OC: number;
  CW: number;
  MID: number;
}

/** spec 5, the table of position models (percent). */
export const PRESET_WEIGHTS: Record<Exclude<PositionModel, 'custom'>, PositionWeights> = {
  'first-touch': { FT: 100, LC: 0, OC: 0, CW: 0, MID: 0 },
  'last-touch': { FT: 0, LC: 0, OC: 0, CW: 100, MID: 0 },
  'lead-creation': { FT: 0, LC: 100, OC: 0, CW: 0, MID: 0 },
  'u-shaped': { FT: 40, LC: 40, OC: 0, CW: 0, MID: 20 },
  'w-shaped': { FT: 30, LC: 30, OC: 30, CW: 0, MID: 10 },
  'full-path': { FT: 22.5, LC: 22.5, OC: 22.5, CW: 22.5, MID: 10 },
  'j-shaped': { FT: 20, LC: 0, OC: 0, CW: 60, MID: 20 },
  'inverse-j': { FT: 60, LC: 0, OC: 0, CW: 20, MID: 20 },
};

const weight = z
  .number({ error: 'a weight must be a number' })
  .finite('a weight must be a finite number')
  .min(0, 'a weight cannot be negative');

export const positionWeightsSchema = z
  .strictObject({ FT: weight, LC: weight, OC: weight, CW: weight, MID: weight })
  .refine((w) => w.FT + w.LC + w.OC + w.CW + w.MID > 0, 'at least one weight must be above 0');

/** Everything a model run takes; defaults as spec cli.md gives them. */
export const modelOptionsSchema = z
  .strictObject({
    model: z.enum(MODEL_NAMES).default('full-path'),
    /** For `custom`; the other position models use their preset. */
    weights: positionWeightsSchema.optional(),
    halfLifeDays: z.number().finite().gt(0, 'the half-life must be above 0 days').default(7),
    lookbackDays: z.number().int().min(0, 'the lookback cannot be negative').default(0),
    upgradePolicy: z.enum(['restart-at-opportunity', 'account-lifetime']).default('restart-at-opportunity'),
    markovOrder: z.number().int().min(1, 'the Markov order is 1 to 4').max(4, 'the Markov order is 1 to 4').default(1),
    collapseRepeats: z.boolean().default(false),
    referralWindowDays: z.number().int().min(0).default(180),
    roadmapShare: z.number().min(0).max(1, 'the roadmap share is a fraction from 0 to 1').default(0),
    /**
     * Seeds CAR's churn-reduction bootstrap (spec 7), its only reader: Shapley once sampled with it too, and is exact
     * now (spec 6). Scenarios saved with a seed keep it, and it still seeds what it seeded for churn.
     */
    seed: z.number().int().default(42),
    /** The opportunities every figure covers (spec 9); all of them by default. Part of a saved scenario. */
    scope: reportScopeSchema.default({}),
  })
  .refine((o) => o.model !== 'custom' || o.weights !== undefined, {
    message: 'the custom model needs weights',
    path: ['weights'],
  });

export type ModelOptions = z.output<typeof modelOptionsSchema>;
export type ModelOptionsInput = z.input<typeof modelOptionsSchema>;

/** The position weights a position model runs with. */
export function weightsOf(options: ModelOptions): PositionWeights | null {
  if (options.model === 'custom') return options.weights ?? null;
  return (PRESET_WEIGHTS as Record<string, PositionWeights | undefined>)[options.model] ?? null;
}
