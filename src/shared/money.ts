/**
 * Amounts as people read them: to the currency's minor unit (cents for USD and EUR, whole yen for JPY), as ISO 4217
 * and so Intl define it. The engine keeps full precision; only what is shown or printed is rounded.
 */

/** What a currency code Intl cannot read gets: a project file from elsewhere may hold anything in its metadata. */
const FALLBACK_DIGITS = 2;

interface CurrencyFormat {
  digits: number;
  format: Intl.NumberFormat;
}

const formats = new Map<string, CurrencyFormat>();

function currencyFormat(currency: string): CurrencyFormat {
  let known = formats.get(currency);
  if (!known) {
    let digits = FALLBACK_DIGITS;
    try {
      const options = new Intl.NumberFormat('en-US', { style: 'currency', currency }).resolvedOptions();
      digits = options.maximumFractionDigits ?? FALLBACK_DIGITS;
    } catch {
      // A malformed code (`US$`, empty): Intl throws a RangeError. Shown with cents rather than failing a report.
    }
    const format = new Intl.NumberFormat('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
    known = { digits, format };
    formats.set(currency, known);
  }
  return known;
}

/** How many decimals the currency's minor unit has: 2 for USD and EUR, 0 for JPY, 3 for KWD (2 for a bad code). */
export function minorUnitDigits(currency: string): number {
  return currencyFormat(currency).digits;
}

/**
 * The amount rounded to the currency's minor unit, so 22754999.999999937 USD is 22755000. Halves round away from
 * zero on either side (-0.125 USD is -0.13, as 0.125 is 0.13). Never -0.
 */
export function roundMoney(value: number, currency: string): number {
  const factor = 10 ** minorUnitDigits(currency);
  const rounded = (Math.sign(value) * Math.round(Math.abs(value) * factor)) / factor;
  return rounded === 0 ? 0 : rounded;
}

/** The amount with grouping and exactly the minor unit's decimals, no symbol: `2,183,110.30` USD, `2,183,110` JPY. */
export function formatMoneyAmount(value: number, currency: string): string {
  return currencyFormat(currency).format.format(roundMoney(value, currency));
}
