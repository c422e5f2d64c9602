/**
 * Amounts as people read them: to the currency's minor unit (cents for USD and EUR, whole yen for JPY), as ISO 4217
 * and so Intl define it. The engine keeps full precision; only what is shown or printed is rounded.
 */

const digitsByCurrency = new Map<string, number>();

/** How many decimals the currency's minor unit has: 2 for USD and EUR, 0 for JPY, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    const { maximumFractionDigits } = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions();
    digits = maximumFractionDigits ?? 2;
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** The amount rounded to the currency's minor unit, so 22754999.999999937 USD is 22755000. Never -0. */
export function roundMoney(value: number, currency: string): number {
  const factor = 10 ** minorUnitDigits(currency);
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** The amount with grouping and exactly the minor unit's decimals, no symbol: `2,183,110.30` USD, `2,183,110` JPY. */
export function formatMoneyAmount(value: number, currency: string): string {
  const digits = minorUnitDigits(currency);
  const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  return format.format(roundMoney(value, currency));
}
