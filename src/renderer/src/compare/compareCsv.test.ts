import { describe, expect, it } from 'vitest';
import { compareCsv } from './compareCsv';
import { deltaOf } from './deltas';

describe('compare tables as CSV', () => {
  it('gives each model its value and, except the baseline, its difference from the baseline', () => {
    const cells = (values: number[], baseline: number) =>
      values.map((value, index) => ({
        value,
        delta: index === baseline ? null : deltaOf(value, values[baseline] as number),
      }));
    const { header, rows } = compareCsv(['channel'], ['Markov', 'Heavy OC'], 1, [
      { names: ['email'], cells: cells([120, 100], 1) },
      { names: ['=cmd'], cells: cells([0, 50], 1) },
    ]);
    expect(header).toEqual(['channel', 'Markov', 'Markov vs baseline', 'Heavy OC']);
    expect(rows).toEqual([
      ['email', 120, 20, 100],
      ['=cmd', 0, -50, 50],
    ]);
  });
});
