import { describe, expect, it } from 'vitest';
import { modelOptionsSchema, PRESET_WEIGHTS } from '../../../shared/modelOptions';
import { displayedWeights, formatShare, normaliseWeights, withModel, withWeight } from './weights';

const defaults = modelOptionsSchema.parse({});

describe('normaliseWeights', () => {
  it('gives each position its share of the total', () => {
    const result = normaliseWeights(PRESET_WEIGHTS['full-path']);
    expect(result.valid).toBe(true);
    if (!result.valid) return;
    expect(formatShare(result.shares.FT)).toBe('22.5%');
    expect(formatShare(result.shares.MID)).toBe('10%');
    expect(Object.values(result.shares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('normalises weights that do not sum to 100', () => {
    const result = normaliseWeights({ FT: 1, LC: 1, OC: 1, CW: 0, MID: 0 });
    expect(result.valid && formatShare(result.shares.OC)).toBe('33.3%');
    expect(result.valid && formatShare(result.shares.CW)).toBe('0%');
  });

  it('reports all-zero weights as invalid, with a message', () => {
    const result = normaliseWeights({ FT: 0, LC: 0, OC: 0, CW: 0, MID: 0 });
    expect(result.valid).toBe(false);
    expect(!result.valid && result.message).toMatch(/above 0/);
  });

  it('reports negative or non-numeric weights as invalid', () => {
    expect(normaliseWeights({ FT: -1, LC: 1, OC: 0, CW: 0, MID: 0 }).valid).toBe(false);
    expect(normaliseWeights({ FT: Number.NaN, LC: 1, OC: 0, CW: 0, MID: 0 }).valid).toBe(false);
  });
});

describe('editing weights', () => {
  it('switches a preset to custom, keeping the preset weights of the other positions', () => {
    const wShaped = withModel(defaults, 'w-shaped');
    const edited = withWeight(wShaped, 'OC', 60);
    expect(edited.model).toBe('custom');
    expect(edited.weights).toEqual({ ...PRESET_WEIGHTS['w-shaped'], OC: 60 });
    expect(modelOptionsSchema.safeParse(edited).success).toBe(true);
  });

  it('keeps custom weights when editing a custom model', () => {
    const once = withWeight(defaults, 'FT', 50);
    const twice = withWeight(once, 'CW', 0);
    expect(twice.weights).toEqual({ ...PRESET_WEIGHTS['full-path'], FT: 50, CW: 0 });
  });

  it('drops custom weights when a preset is chosen, and shows its own', () => {
    const custom = withWeight(defaults, 'FT', 90);
    const uShaped = withModel(custom, 'u-shaped');
    expect(uShaped.weights).toBeUndefined();
    expect(displayedWeights(uShaped)).toEqual(PRESET_WEIGHTS['u-shaped']);
    expect(modelOptionsSchema.safeParse(uShaped).success).toBe(true);
  });

  it('has no weights for models that are not position models', () => {
    expect(displayedWeights(withModel(defaults, 'markov'))).toBeNull();
    expect(withModel(withModel(defaults, 'markov'), 'custom').weights).toEqual(PRESET_WEIGHTS['full-path']);
  });
});
