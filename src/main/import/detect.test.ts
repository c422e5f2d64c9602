import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectFormats } from './detect';
import { parseAmount, parseDate } from './values';

const dates = (samples: string[]) => {
  const { dateOrder, dateExamples } = detectFormats(samples, []);
  return { dateOrder, dateExamples };
};
const amounts = (samples: string[], delimiter?: string) => {
  const { decimalComma, amountExamples } = detectFormats([], samples, delimiter);
  return { decimalComma, amountExamples };
};

describe('detectFormats: date order', () => {
  it('reads ISO, year-first and dotted dates as needing no order', () => {
    expect(dates(['2024-03-01', '2024-03-01T09:30:00Z', '2024/03/02', '01.03.2024', ''])).toEqual({
      dateOrder: 'iso',
      dateExamples: ['2024-03-01', '2024-03-01T09:30:00Z', '2024/03/02'],
    });
    expect(dates([])).toEqual({ dateOrder: 'iso', dateExamples: [] });
  });

  it('reads a first part above 12 as day-first evidence', () => {
    expect(dates(['01/03/2024', '25/03/2024', '13/1/2024 10:00', '25/03/2024', '31/12/2024'])).toEqual({
      dateOrder: 'day-first',
      dateExamples: ['25/03/2024', '13/1/2024 10:00', '31/12/2024'],
    });
  });

  it('reads a second part above 12 as month-first evidence', () => {
    expect(dates(['3/1/2024', '3/15/2024 9:30 AM', '2024-03-01'])).toEqual({
      dateOrder: 'month-first',
      dateExamples: ['3/15/2024 9:30 AM'],
    });
  });

  it('calls both kinds of evidence conflicting and shows each', () => {
    expect(dates(['25/03/2024', '26/03/2024', '3/15/2024', '1/1/2024'])).toEqual({
      dateOrder: 'conflicting',
      dateExamples: ['25/03/2024', '3/15/2024', '26/03/2024'],
    });
  });

  it('calls slash dates with both parts up to 12 ambiguous', () => {
    expect(dates(['3/1/2024', '03/04/2024', '3/1/2024', '12/12/24', '2024-05-30'])).toEqual({
      dateOrder: 'ambiguous',
      dateExamples: ['3/1/2024', '03/04/2024', '12/12/24'],
    });
  });

  it('ignores values that are no date in either order', () => {
    expect(dates(['45/3/2024', '13/14/2024', 'soon', '3/1/2024']).dateOrder).toBe('ambiguous');
    expect(dates(['45/3/2024', 'soon']).dateOrder).toBe('iso');
  });

  it('decides an order that parses every sample it saw', () => {
    const day = fc.integer({ min: 1, max: 28 });
    const month = fc.integer({ min: 1, max: 12 });
    const sample = fc
      .tuple(day, month, fc.boolean())
      .map(([d, m, dayFirst]) => (dayFirst ? `${d}/${m}/2024` : `${m}/${d}/2024`));
    fc.assert(
      fc.property(fc.array(sample, { maxLength: 20 }), (samples) => {
        const { dateOrder } = dates(samples);
        if (dateOrder === 'day-first' || dateOrder === 'month-first') {
          for (const raw of samples) expect(parseDate(raw, dateOrder, 'event').ok).toBe(true);
        }
      }),
    );
  });
});

describe('detectFormats: decimal comma', () => {
  it('reads the last of a comma and a point as the decimal separator', () => {
    expect(amounts(['12.500,00', '€ 1.250,5', '300'])).toEqual({
      decimalComma: true,
      amountExamples: ['12.500,00', '€ 1.250,5'],
    });
    expect(amounts(['12,500.00', '$1,250.5'])).toEqual({
      decimalComma: false,
      amountExamples: ['12,500.00', '$1,250.5'],
    });
  });

  it('reads a comma not followed by exactly three digits as a decimal comma', () => {
    expect(amounts(['12,5', '1250,00', '1,250'])).toEqual({ decimalComma: true, amountExamples: ['12,5', '1250,00'] });
    expect(amounts(['1250,000']).decimalComma).toBe(true); // four digits before: not a thousands group
    expect(amounts(['0,250']).decimalComma).toBe(true); // a group never starts with 0
    expect(amounts(['12 500,00']).decimalComma).toBe(true);
  });

  it('reads a point not followed by exactly three digits as a decimal point', () => {
    expect(amounts(['12.5', '1250.00', '1.250'])).toEqual({ decimalComma: false, amountExamples: ['12.5', '1250.00'] });
    expect(amounts(['USD 0.750']).decimalComma).toBe(false);
  });

  it('reads a separator used twice as thousands grouping', () => {
    expect(amounts(['1,250,000']).decimalComma).toBe(false);
    expect(amounts(['1.250.000']).decimalComma).toBe(true);
  });

  it('keeps 1,250-like values ambiguous, whatever the delimiter', () => {
    expect(amounts(['1,250', '$12,500', '1,250', '100'])).toEqual({
      decimalComma: 'ambiguous',
      amountExamples: ['1,250', '$12,500'],
    });
    expect(amounts(['1.250', '12.500'], ';').decimalComma).toBe('ambiguous');
    expect(amounts(['1.250', '12.500'], ',').decimalComma).toBe('ambiguous');
  });

  it('calls evidence both ways ambiguous and shows each', () => {
    expect(amounts(['12,5', '13,5', '12.5', '14,5'])).toEqual({
      decimalComma: 'ambiguous',
      amountExamples: ['12,5', '12.5', '13,5'],
    });
  });

  it('reads values with no separator as a decimal point', () => {
    expect(amounts(['12500', '$300', '12 500', '(40)', 'n/a', ''])).toEqual({
      decimalComma: false,
      amountExamples: ['12500', '$300', '12 500'],
    });
    expect(amounts([])).toEqual({ decimalComma: false, amountExamples: [] });
  });

  it('decides a separator that parses every sample it saw', () => {
    const amount = fc
      .tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99 }), fc.boolean())
      .map(([whole, cents, decimalComma]) => {
        const grouped = String(whole).replace(/\B(?=(\d{3})+$)/g, decimalComma ? '.' : ',');
        return `${grouped}${decimalComma ? ',' : '.'}${String(cents).padStart(2, '0')}`;
      });
    fc.assert(
      fc.property(fc.array(amount, { maxLength: 20 }), (samples) => {
        const { decimalComma } = amounts(samples);
        if (typeof decimalComma === 'boolean') {
          for (const raw of samples) expect(parseAmount(raw, decimalComma).ok).toBe(true);
        }
      }),
    );
  });
});

describe('detectFormats: robustness', () => {
  it('never throws and gives at most three examples', () => {
    fc.assert(
      fc.property(fc.array(fc.string()), fc.array(fc.string()), (dateSamples, amountSamples) => {
        const evidence = detectFormats(dateSamples, amountSamples);
        expect(evidence.dateExamples.length).toBeLessThanOrEqual(3);
        expect(evidence.amountExamples.length).toBeLessThanOrEqual(3);
      }),
    );
  });
});
