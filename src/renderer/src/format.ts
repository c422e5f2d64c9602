/** Number and date formatting in the user's locale and the project's currency. */

export function formatCount(value: number): string {
  return new Intl.NumberFormat().format(value);
}

export function formatMoney(value: number, currency: string): string {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value);
}

export function formatDate(utcMillis: number): string {
  return new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(utcMillis));
}
