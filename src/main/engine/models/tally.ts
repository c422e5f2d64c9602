import type { BreakdownEntry } from '../../../shared/results';
import { float64At, int32At } from '../arrays/read';

/** Largest credit first, then key in code-unit order: the order of every breakdown list. */
export function compareEntries(a: { key: string; credit: number }, b: { key: string; credit: number }): number {
  return b.credit - a.credit || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
}

/** Credit and touch counts per dense id of one dimension; `foldTop` lists the largest and folds the rest. */
export class Tally {
  readonly credit: Float64Array;
  readonly touches: Int32Array;
  constructor(size: number, sums?: { credit: Float64Array; touches: Int32Array }) {
    this.credit = sums?.credit ?? new Float64Array(size);
    this.touches = sums?.touches ?? new Int32Array(size);
  }
  add(id: number, credit: number): void {
    this.credit[id] = float64At(this.credit, id) + credit;
    this.touches[id] = int32At(this.touches, id) + 1;
  }
  /**
   * Entries for the ids that have touches, sorted. With `atLeast`, only the ids whose credit reaches it: the largest
   * few of a long list are then found without building and sorting an entry for every id.
   */
  entries(key: (id: number) => string, label: (id: number) => string, atLeast = -Infinity): BreakdownEntry[] {
    const out: BreakdownEntry[] = [];
    for (let id = 0; id < this.touches.length; id++) {
      if (this.touches[id] === 0 || float64At(this.credit, id) < atLeast) continue;
      out.push({
        key: key(id),
        label: label(id),
        credit: float64At(this.credit, id),
        touches: int32At(this.touches, id),
      });
    }
    return out.sort(compareEntries);
  }
}

/**
 * The ids of a tally with the most credit, the rest summed into one entry (its key never a listed one's), and how
 * many ids have touches.
 */
export function foldTop(
  tally: Tally,
  key: (id: number) => string,
  label: (id: number) => string,
  top: number,
  otherEntry: { key: string; label: (folded: number) => string },
): { top: BreakdownEntry[]; other: BreakdownEntry | null; count: number } {
  const keep = Math.max(0, Math.floor(top));
  let count = 0;
  for (let id = 0; id < tally.touches.length; id++) if (tally.touches[id] !== 0) count++;
  const credits = new Float64Array(count);
  for (let id = 0, i = 0; id < tally.touches.length; id++) {
    if (tally.touches[id] !== 0) credits[i++] = float64At(tally.credit, id);
  }
  // Only ids at or above the keep-th largest credit can be among the top ones (ties included, then sorted).
  const threshold = keep === 0 ? Infinity : keep >= count ? -Infinity : kthLargest(credits, keep);
  const shown = tally.entries(key, label, threshold).slice(0, keep);
  let other: BreakdownEntry | null = null;
  if (count > shown.length) {
    // Summed from the ids it holds, not as the total minus the shown ones, which loses cents to cancellation.
    const listed = new Set(shown.map((entry) => entry.key));
    let credit = 0;
    let touches = 0;
    for (let id = 0; id < tally.touches.length; id++) {
      if (tally.touches[id] === 0) continue;
      // Only an id at or above the threshold can be a listed one: the others skip the key lookup.
      if (float64At(tally.credit, id) >= threshold && listed.has(key(id))) continue;
      credit += float64At(tally.credit, id);
      touches += int32At(tally.touches, id);
    }
    other = { key: otherEntry.key, label: otherEntry.label(count - shown.length), credit, touches };
  }
  return { top: shown, other, count };
}

/** The k-th largest value (1-based) of a list, in linear time on average (quickselect; reorders the list). */
function kthLargest(values: Float64Array, k: number): number {
  let lo = 0;
  let hi = values.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >>> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((values[i] as number) > pivot) i++;
      while ((values[j] as number) < pivot) j--;
      if (i <= j) {
        const swapped = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swapped;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return values[target] as number;
}
