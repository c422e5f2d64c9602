import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseAmount, parseInteger } from './numbers';
import { reasonOf, valueOf } from '../../../shared/values/testing';

describe('parseAmount', () => {
  it.each<[string, boolean, number]>([
    ['12500', false, 12500],
    ['12500.5', false, 12500.5],
    ['12,500.00', false, 12500],
    ['1,250,000.75', false, 1250000.75],
    ['$12,500', false, 12500],
    ['USD 12,500', false, 12500],
    ['USD12,500', false, 12500],
    ['12,500 USD', false, 12500],
    ['US$ 99.99', false, 99.99],
    ['£0.50', false, 0.5],
    ['.5', false, 0.5],
    ['12 500.00', false, 12500],
    ["1'250.50", false, 1250.5],
    ['+12', false, 12],
    ['0', false, 0],
    ['-0', false, 0],
    ['12500', true, 12500],
    ['€ 12.500,00', true, 12500],
    ['12.500,00 €', true, 12500],
    ['12 500,00', true, 12500],
    ['12\u00a0500,00', true, 12500],
    ['12\u202f500,00', true, 12500],
    ['12.500,00', true, 12500],
    ['1250,5', true, 1250.5],
    ['1.250.000', true, 1250000],
  ])('reads %s (decimal comma: %s)', (raw, decimalComma, expected) => {
    expect(valueOf(parseAmount(raw, decimalComma))).toBe(expected);
  });

  it.each(['-5', '(1,250.00)', '-$5', '$-5', '$(5)', '(USD 12)', '\u22125', '5-'])(
    'rejects the negative amount %s (data.md)',
    (raw) => {
      expect(reasonOf(parseAmount(raw, false))).toContain('negative amounts are not allowed');
    },
  );

  it.each<[string, boolean, string]>([
    ['12abc', false, '"12abc" is not an amount'],
    ['abc', false, '"abc" is not an amount'],
    ['$', false, '"$" is not an amount'],
    ['1e5', false, '"1e5" is not an amount'],
    ['1.2.3', false, '"1.2.3" is not an amount (more than one decimal point)'],
    ['1,25,000', false, '"1,25,000" is not an amount (misplaced thousands separators)'],
    ['1,2500', false, 'misplaced thousands separators'],
    ['1,250 000', false, 'misplaced thousands separators'],
    ['1,5,5', true, 'more than one decimal comma'],
    ['12.', false, 'misplaced separators'],
    ['--5', false, 'is not an amount'],
    ['1'.repeat(400), false, 'too large'],
  ])('rejects %s (decimal comma: %s)', (raw, decimalComma, expected) => {
    expect(reasonOf(parseAmount(raw, decimalComma))).toContain(expected);
  });

  it('says when a value reads with the other decimal separator', () => {
    expect(reasonOf(parseAmount('12.500,00', false))).toBe(
      '"12.500,00" is not an amount (misplaced separators); it reads as 12500 with a decimal comma: ' +
        "check the file's decimal comma setting",
    );
    expect(reasonOf(parseAmount('1,250,000.50', true))).toContain('it reads as 1250000.5 with a decimal point');
  });

  it('reads a formatted number back, whatever its grouping and decimal style', () => {
    const grouping = fc.constantFrom('', 'thousands', ' ', '\u00a0', '\u202f', "'");
    const currency = fc.constantFrom(['', ''], ['$', ''], ['USD ', ''], ['€ ', ''], ['', ' €'], ['', ' EUR']);
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 15n }),
        fc.option(fc.stringMatching(/^\d{1,4}$/), { nil: undefined }),
        fc.boolean(),
        grouping,
        currency,
        (whole, fraction, decimalComma, group, [prefix, suffix]) => {
          const separator = group === 'thousands' ? (decimalComma ? '.' : ',') : group;
          const grouped = String(whole).replace(/\B(?=(\d{3})+$)/g, separator);
          const decimal = decimalComma ? ',' : '.';
          const raw = `${prefix}${grouped}${fraction === undefined ? '' : decimal + fraction}${suffix}`;
          const expected = Number(`${whole}.${fraction ?? '0'}`);
          expect(valueOf(parseAmount(raw, decimalComma))).toBe(expected);
        },
      ),
    );
  });
});

describe('parseInteger', () => {
  it.each<[string, number]>([
    ['1200', 1200],
    ['1,200', 1200],
    ['1 200', 1200],
    ['1\u00a0200', 1200],
    ["1'200", 1200],
    ['1,200,000', 1200000],
    ['0', 0],
    [' 42 ', 42],
    ['+42', 42],
    ['1200.0', 1200],
    ['1200.00', 1200],
  ])('reads %s', (raw, expected) => {
    expect(valueOf(parseInteger(raw))).toBe(expected);
  });

  it.each<[string, string]>([
    ['12.5', 'is not a whole number'],
    ['1.200', 'is not a whole number'],
    ['1200.000', 'is not a whole number'],
    ['1200,5', 'misplaced thousands separators'],
    ['1,20', 'misplaced thousands separators'],
    ['12abc', 'is not a whole number'],
    ['ten', 'is not a whole number'],
    ['-5', 'cannot be negative'],
    ['99999999999999999999', 'is too large'],
  ])('rejects %s', (raw, expected) => {
    expect(reasonOf(parseInteger(raw))).toContain(expected);
  });

  it('reads a grouped count back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.constantFrom('', ',', ' '), (n, group) => {
        expect(valueOf(parseInteger(String(n).replace(/\B(?=(\d{3})+$)/g, group)))).toBe(n);
      }),
    );
  });
});
