import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackedStrings, PackedStringsBuilder } from './packed';

/** Any UTF-16 code units, lone surrogates included: ids are JS strings, compared by code unit (spec 1). */
const codeUnits = fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit)) });
const latin1 = fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((unit) => String.fromCharCode(unit)) });
const sign = (n: number): number => (n < 0 ? -1 : n > 0 ? 1 : 0);

function built(values: readonly string[]): PackedStringsBuilder {
  const builder = new PackedStringsBuilder();
  for (const value of values) builder.push(value);
  return builder;
}

describe('PackedStringsBuilder', () => {
  it('orders any two strings as JS does, and gives them back in any order, Latin-1 or wider', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(latin1, codeUnits), { minLength: 1, maxLength: 40 }), (values) => {
        const builder = built(values);
        expect(builder.length).toBe(values.length);
        for (let a = 0; a < values.length; a++) {
          for (let b = 0; b < values.length; b++) {
            const x = values[a] as string;
            const y = values[b] as string;
            expect(sign(builder.compare(a, b)), `${JSON.stringify(x)} against ${JSON.stringify(y)}`).toBe(
              x < y ? -1 : x > y ? 1 : 0,
            );
          }
        }
        const order = Int32Array.from(values.keys()).sort((a, b) => builder.compare(a, b));
        const packed = builder.inOrder(order);
        expect(packed.all()).toEqual(Array.from(order, (i) => values[i]));
        expect(packed.at(values.length - 1)).toBe(values[order[values.length - 1] as number]);
      }),
    );
  });

  it('keeps a byte a character until a string needs more, then widens what it holds', () => {
    const builder = built(['ACC-1', 'é']);
    const order = Int32Array.of(1, 0);
    expect(builder.inOrder(order).encoding).toBe('latin1');
    builder.push('東京');
    builder.push('TP-9');
    const packed = builder.inOrder(Int32Array.of(3, 2, 1, 0));
    expect(packed.encoding).toBe('utf16le');
    expect(packed.all()).toEqual(['TP-9', '東京', 'é', 'ACC-1']);
  });

  it('makes every string the same however few characters it makes at once', () => {
    fc.assert(
      fc.property(fc.array(fc.option(codeUnits, { nil: null })), fc.integer({ min: 1, max: 12 }), (values, chunk) => {
        const present = values.filter((value) => value !== null);
        const builder = built(present);
        const packed = builder.inOrder(Int32Array.from(present.keys()));
        const lengths = Int32Array.from(values, (value) => (value === null ? -1 : value.length));
        const withNulls = new PackedStrings(lengths, packed.text, packed.encoding, values.length - present.length);
        expect(withNulls.all(chunk)).toEqual(values);
        expect(withNulls.all()).toEqual(values);
      }),
    );
  });

  it('grows past its first buffer without losing a character', () => {
    const values = Array.from({ length: 20_000 }, (_, i) => `TP-${String(i).padStart(9, '0')}`);
    const packed = built(values).inOrder(Int32Array.from(values.keys()));
    expect(packed.all()).toEqual(values);
  });
});
