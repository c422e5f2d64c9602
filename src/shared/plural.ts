/** A count and its noun agreeing in number: `1 warning`, `2 warnings`, `1 opportunity`, `3 opportunities`. */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}
