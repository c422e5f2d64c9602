import { describe, expect, it } from 'vitest';
import { keepUnchanged } from './keepUnchanged';

describe('keepUnchanged', () => {
  it('keeps the shown object for every equal part and takes the new values elsewhere', () => {
    const previous = {
      scope: { from: '2025-01-01', segments: ['SMB'] },
      car: { attributed: 10, roadmap: { rows: [1, 2] } },
    };
    const next = {
      scope: { from: '2025-01-01', segments: ['SMB'] },
      car: { attributed: 12, roadmap: { rows: [1, 2] } },
    };
    const kept = keepUnchanged(previous, next);
    expect(kept).toEqual(next);
    expect(kept.scope).toBe(previous.scope);
    expect(kept.car.roadmap).toBe(previous.car.roadmap);
    expect(kept.car).not.toBe(previous.car);
  });

  it('returns the shown answer itself when nothing changed', () => {
    const previous = { a: [1, { b: null }], c: 'x' };
    expect(keepUnchanged(previous, { a: [1, { b: null }], c: 'x' })).toBe(previous);
  });

  it('sees added, removed and reordered parts as changes', () => {
    expect(keepUnchanged({ a: 1 }, { a: 1, b: 2 })).toEqual({ a: 1, b: 2 });
    expect(keepUnchanged({ a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1 });
    expect(keepUnchanged([1, 2], [2, 1])).toEqual([2, 1]);
    expect(keepUnchanged([1, 2], [1, 2, 3])).toEqual([1, 2, 3]);
    expect(keepUnchanged({ a: undefined }, { b: undefined })).toEqual({ b: undefined });
  });

  it('compares typed arrays by reference only', () => {
    const previous = { values: new Float64Array([1]) };
    const next = { values: new Float64Array([1]) };
    expect(keepUnchanged(previous, next).values).toBe(next.values);
  });
});
