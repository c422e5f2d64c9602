import { describe, expect, it } from 'vitest';
import {
  forEachGridPoint,
  inRegion,
  namedPoints,
  nearRegion,
  normalisedWeights,
  regionVertices,
  WHOLE_SIMPLEX,
} from './weightGrid';

function points(region: Parameters<typeof forEachGridPoint>[0], origin: Float64Array, step: number): number[][] {
  const found: number[][] = [];
  forEachGridPoint(region, origin, step, (w) => found.push(Array.from(w)));
  return found;
}

describe('the weightings spec 13 evaluates', () => {
  it('grids the whole simplex in steps of 5: every multiple of 5 summing to 100, once', () => {
    const grid = points(WHOLE_SIMPLEX, new Float64Array(5).fill(20), 5);
    // Compositions of 20 steps into 5 parts: C(24, 4).
    expect(grid).toHaveLength(10_626);
    expect(new Set(grid.map((w) => w.join('/'))).size).toBe(10_626);
    for (const w of grid) {
      expect(w.reduce((sum, v) => sum + v, 0)).toBeCloseTo(100, 9);
      expect(w.every((v) => v >= 0 && Number.isInteger(v / 5))).toBe(true);
    }
  });

  it('grids the ±d neighbourhood around the current weights, clipped at 0, as a brute force finds it', () => {
    const current = normalisedWeights({ FT: 22.5, LC: 22.5, OC: 22.5, CW: 22.5, MID: 10 });
    const region = nearRegion(current, 10);
    const grid = points(region, current, 2.5);
    // Brute force: every offset of -4..4 steps per weight whose offsets sum to 0 and stay at or above 0.
    let expected = 0;
    const range = [-4, -3, -2, -1, 0, 1, 2, 3, 4];
    for (const a of range)
      for (const b of range)
        for (const c of range)
          for (const d of range) {
            const e = -(a + b + c + d);
            if (Math.abs(e) <= 4 && 10 + 2.5 * e >= 0) expected++;
          }
    expect(grid).toHaveLength(expected);
    for (const w of grid) expect(inRegion(region, Float64Array.from(w))).toBe(true);
    expect(grid.some((w) => w[4] === 0)).toBe(true);
  });

  it('finds the vertices: the five one-weight weightings of the simplex, and corners of the neighbourhood', () => {
    const simplex = regionVertices(WHOLE_SIMPLEX).map((w) => Array.from(w));
    expect(simplex).toHaveLength(5);
    for (const w of simplex) expect(w.filter((v) => v === 100)).toHaveLength(1);

    const current = normalisedWeights({ FT: 40, LC: 40, OC: 0, CW: 0, MID: 20 });
    const region = nearRegion(current, 10);
    const corners = regionVertices(region);
    expect(corners.length).toBeGreaterThan(0);
    for (const w of corners) {
      expect(inRegion(region, w)).toBe(true);
      const atBound = Array.from(w).filter((v, p) => v === region.lo[p] || v === region.hi[p]).length;
      expect(atBound).toBeGreaterThanOrEqual(4);
    }
  });

  it('scales the current weights to 100 and evaluates the presets lying in the region', () => {
    expect(Array.from(normalisedWeights({ FT: 1, LC: 1, OC: 1, CW: 1, MID: 0 }))).toEqual([25, 25, 25, 25, 0]);
    // Every preset is a point of the simplex (8, after the current weights); within ±10 of full path, the current
    // weights and the full-path preset, the same point, and no other preset.
    expect(namedPoints(WHOLE_SIMPLEX, normalisedWeights({ FT: 1, LC: 1, OC: 1, CW: 1, MID: 0 }))).toHaveLength(9);
    const fullPath = normalisedWeights({ FT: 22.5, LC: 22.5, OC: 22.5, CW: 22.5, MID: 10 });
    expect(namedPoints(nearRegion(fullPath, 10), fullPath)).toHaveLength(2);
  });
});
