import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DateOrder } from '../../shared/importSpec';
import {
  mapActionType,
  mapOpportunityType,
  mapStage,
  normalizeDomain,
  normalizeEmail,
  parseAmount,
  parseDate,
  parseInteger,
} from './values';
import type { Parsed } from './values';

describe('no input makes a parser throw', () => {
  // Text built from the characters the grammars care about reaches deep paths; arbitrary Unicode covers the rest.
  const interesting = fc.string({
    unit: fc.constantFrom(...'0123456789/-.,:+ TZAPMapm$€()\u00a0\u2212@w'.split('')),
    maxLength: 30,
  });
  const anyText = fc.oneof(interesting, fc.string({ unit: 'binary' }));
  const orders = fc.constantFrom<DateOrder>('iso', 'month-first', 'day-first');

  function isWellFormed<T>(result: Parsed<T>): boolean {
    return result.ok ? result.value !== undefined : result.reason.length > 0;
  }

  it('returns a value or a reason for any text', () => {
    fc.assert(
      fc.property(anyText, orders, fc.boolean(), (raw, order, decimalComma) => {
        const date = parseDate(raw, order, decimalComma ? 'milestone' : 'event');
        if (date.ok) expect(Number.isFinite(date.value)).toBe(true);
        const amount = parseAmount(raw, decimalComma);
        if (amount.ok) expect(amount.value >= 0 && Number.isFinite(amount.value)).toBe(true);
        const results: Parsed<unknown>[] = [
          date,
          amount,
          parseInteger(raw),
          normalizeEmail(raw),
          normalizeDomain(raw),
          mapStage(raw, { [raw]: 'won' }),
          mapOpportunityType(raw),
          mapActionType(raw),
        ];
        expect(results.every(isWellFormed)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('answers very long garbage cells with a reason', () => {
    // A pasted paragraph or a corrupt export must not stall the import on a backtracking regex: a catastrophic
    // pattern would run into the test timeout here. Tests assert behaviour, never timings.
    const long = ['1'.repeat(100_000) + 'x', '1,'.repeat(50_000) + 'x', 'a.'.repeat(50_000) + ' x'];
    for (const raw of long) {
      expect(parseAmount(raw, false).ok).toBe(false);
      expect(parseInteger(raw).ok).toBe(false);
      expect(parseDate(raw, 'day-first', 'event').ok).toBe(false);
      expect(normalizeEmail(raw).ok).toBe(false);
      expect(normalizeDomain(raw).ok).toBe(false);
      expect(mapStage(raw).ok).toBe(true);
      expect(mapOpportunityType(raw).ok).toBe(true);
      expect(mapActionType(raw).ok).toBe(true);
    }
  });
});
