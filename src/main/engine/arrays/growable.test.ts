import { describe, expect, it } from 'vitest';
import { float64Column, int8Column } from './growable';

describe('GrowableColumn', () => {
  it('keeps every value pushed, in order, across its growths', () => {
    const column = float64Column();
    const pushed: number[] = [];
    for (let i = 0; i < 5000; i++) {
      const value = i * 1.5 - 7;
      column.push(value);
      pushed.push(value);
    }
    expect(column.length).toBe(5000);
    expect([...column.values()]).toEqual(pushed);
  });

  it('stores what its type holds: an Int8 column keeps -1 and wraps past 127, as an Int8Array does', () => {
    const column = int8Column();
    for (const value of [-1, 0, 127, 128]) column.push(value);
    expect(column.values()).toBeInstanceOf(Int8Array);
    expect([...column.values()]).toEqual([-1, 0, 127, -128]);
  });
});
