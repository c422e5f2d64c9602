import { describe, expect, it } from 'vitest';
import { formatMoneyAmount, minorUnitDigits, roundMoney } from './money';

describe('money to the minor unit', () => {
  it('knows each currency’s decimals', () => {
    expect(minorUnitDigits('USD')).toBe(2);
    expect(minorUnitDigits('EUR')).toBe(2);
    expect(minorUnitDigits('JPY')).toBe(0);
    expect(minorUnitDigits('KWD')).toBe(3);
  });

  it('rounds float noise away, and never to -0', () => {
    expect(roundMoney(22754999.999999937, 'USD')).toBe(22755000);
    expect(roundMoney(1000 / 3, 'USD')).toBe(333.33);
    expect(roundMoney(2 / 3, 'USD')).toBe(0.67);
    expect(roundMoney(1000 / 3, 'JPY')).toBe(333);
    expect(Object.is(roundMoney(-0.001, 'USD'), 0)).toBe(true);
  });

  it('shows every decimal of the minor unit, grouped', () => {
    expect(formatMoneyAmount(2183110.3, 'USD')).toBe('2,183,110.30');
    expect(formatMoneyAmount(22754999.999999937, 'EUR')).toBe('22,755,000.00');
    expect(formatMoneyAmount(0, 'USD')).toBe('0.00');
    expect(formatMoneyAmount(-0.001, 'USD')).toBe('0.00');
    expect(formatMoneyAmount(2183110.3, 'JPY')).toBe('2,183,110');
  });

  it('rounds halves away from zero on both sides', () => {
    expect(roundMoney(0.125, 'USD')).toBe(0.13);
    expect(roundMoney(-0.125, 'USD')).toBe(-0.13);
    expect(roundMoney(-2.5, 'JPY')).toBe(-3);
  });

  it('shows cents for a currency code Intl cannot read, rather than failing', () => {
    for (const code of ['', 'US$', 'dollars']) {
      expect(minorUnitDigits(code)).toBe(2);
      expect(formatMoneyAmount(1234.5, code)).toBe('1,234.50');
    }
  });
});
