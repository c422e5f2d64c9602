import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareEntries, foldTop, Tally } from './tally';

const other = { key: '', label: (n: number) => `Other (${n})` };
const name = (id: number): string => `M${String(id).padStart(3, '0')}`;

/** The fold spelt out: every entry sorted, the first `top` listed, the rest summed. */
function foldByHand(credit: number[], touches: number[], top: number) {
  const entries = credit
    .map((value, id) => ({ key: name(id), label: name(id), credit: value, touches: touches[id] as number }))
    .filter((entry) => entry.touches > 0)
    .sort(compareEntries);
  const rest = entries.slice(top);
  return {
    top: entries.slice(0, top),
    other: rest.length
      ? {
          credit: rest.reduce((sum, entry) => sum + entry.credit, 0),
          touches: rest.reduce((sum, entry) => sum + entry.touches, 0),
        }
      : null,
    count: entries.length,
  };
}

describe('foldTop', () => {
  it('lists the largest credits, ties by key, and folds the rest, as sorting every entry would', () => {
    // Few distinct credits, so ties at the cut are common.
    const tallies = fc
      .array(fc.tuple(fc.constantFrom(0, 1, 2.5, 7, 7, 100), fc.integer({ min: 0, max: 3 })), { maxLength: 60 })
      .chain((rows) => fc.tuple(fc.constant(rows), fc.integer({ min: 0, max: 70 })));
    fc.assert(
      fc.property(tallies, ([rows, top]) => {
        const credit = rows.map(([value]) => value);
        const touches = rows.map(([, count]) => count);
        const tally = new Tally(rows.length, { credit: Float64Array.from(credit), touches: Int32Array.from(touches) });
        const folded = foldTop(tally, name, name, top, other);
        const expected = foldByHand(credit, touches, top);
        expect(folded.top).toEqual(expected.top);
        expect(folded.count).toBe(expected.count);
        if (expected.other === null) expect(folded.other).toBeNull();
        else {
          expect(folded.other?.credit).toBeCloseTo(expected.other.credit, 9);
          expect(folded.other?.touches).toBe(expected.other.touches);
          expect(folded.other?.label).toBe(`Other (${expected.count - expected.top.length})`);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('folds the tied ids past the cut, whichever of them sort last by key', () => {
    const tally = new Tally(4, { credit: Float64Array.of(5, 9, 5, 5), touches: Int32Array.of(1, 2, 3, 4) });
    const folded = foldTop(tally, name, name, 2, other);
    expect(folded.top.map((entry) => entry.key)).toEqual(['M001', 'M000']);
    expect(folded.other).toEqual({ key: '', label: 'Other (2)', credit: 10, touches: 7 });
  });
});
