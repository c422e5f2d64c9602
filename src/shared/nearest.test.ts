import { describe, expect, it } from 'vitest';
import { editDistance, nearestName } from './nearest';

const MODELS = ['first-touch', 'last-touch', 'full-path', 'linear', 'markov', 'shapley'];

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and neighbouring swaps as one edit each', () => {
    expect(editDistance('model', 'model')).toBe(0);
    expect(editDistance('atribute', 'attribute')).toBe(1);
    expect(editDistance('attributes', 'attribute')).toBe(1);
    expect(editDistance('markow', 'markov')).toBe(1);
    expect(editDistance('modle', 'model')).toBe(1);
    expect(editDistance('', 'car')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});

describe('nearestName', () => {
  it('sees through case, hyphens, underscores and spaces', () => {
    expect(nearestName('fullpath', MODELS)).toBe('full-path');
    expect(nearestName('Full_Path', MODELS)).toBe('full-path');
    expect(nearestName('FIRST TOUCH', MODELS)).toBe('first-touch');
  });

  it('suggests a name a typo or two away, as the candidate is written', () => {
    expect(nearestName('lienar', MODELS)).toBe('linear');
    expect(nearestName('shapely', MODELS)).toBe('shapley');
    expect(nearestName('Acount ID', ['account_id', 'contact_id'])).toBe('account_id');
  });

  it('suggests nothing when no candidate is close enough', () => {
    expect(nearestName('banana', MODELS)).toBeUndefined();
    expect(nearestName('x', MODELS)).toBeUndefined();
    expect(nearestName('', MODELS)).toBeUndefined();
    expect(nearestName('  -_ ', MODELS)).toBeUndefined();
    expect(nearestName('linear', [])).toBeUndefined();
  });

  it('allows one edit for short names and a third of the length for long ones', () => {
    expect(nearestName('cr', ['car'])).toBe('car');
    expect(nearestName('c', ['car'])).toBeUndefined();
    // 9 characters typed: three edits allowed, four are too many.
    expect(nearestName('lastxxxch', ['last-touch'])).toBe('last-touch');
    expect(nearestName('lasxxxxch', ['last-touch'])).toBeUndefined();
  });

  it('gives a tie to the candidate listed first', () => {
    expect(nearestName('bat', ['cat', 'hat'])).toBe('cat');
    expect(nearestName('bat', ['hat', 'cat'])).toBe('hat');
  });
});
