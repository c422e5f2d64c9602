import { describe, expect, it } from 'vitest';
import { plural } from './plural';

describe('plural', () => {
  it('keeps the noun singular for exactly one', () => {
    expect(plural(1, 'warning')).toBe('1 warning');
    expect(plural(1, 'accounts row')).toBe('1 accounts row');
    expect(plural(1, 'opportunity', 'opportunities')).toBe('1 opportunity');
  });

  it('makes it plural for none, many and fractions', () => {
    expect(plural(0, 'warning')).toBe('0 warnings');
    expect(plural(2, 'won deal')).toBe('2 won deals');
    expect(plural(1.5, 'day')).toBe('1.5 days');
    expect(plural(3, 'opportunity', 'opportunities')).toBe('3 opportunities');
  });
});
