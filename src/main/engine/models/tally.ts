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
  /** Entries for the ids that have touches, sorted. */
  entries(key: (id: number) => string, label: (id: number) => string): BreakdownEntry[] {
    const out: BreakdownEntry[] = [];
    for (let id = 0; id < this.touches.length; id++) {
      if (this.touches[id] === 0) continue;
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
 * many ids have touches. Two passes over the ids and no copy: a weight move folds the members (tens of thousands) on
 * every frame, and four passes with a copy and a quickselect took 1.4 ms of it at the 1M demo's 38,000 members.
 */
export function foldTop(
  tally: Tally,
  key: (id: number) => string,
  label: (id: number) => string,
  top: number,
  otherEntry: { key: string; label: (folded: number) => string },
): { top: BreakdownEntry[]; other: BreakdownEntry | null; count: number } {
  const keep = Math.max(0, Math.floor(top));
  const { credit, touches } = tally;
  // The keep largest credits, in a min-heap: its root is then the keep-th largest.
  const heap = new MinHeap(Math.min(keep, touches.length));
  let count = 0;
  for (let id = 0; id < touches.length; id++) {
    if (touches[id] === 0) continue;
    count++;
    heap.offer(float64At(credit, id));
  }
  // Only ids at or above the keep-th largest credit can be among the top ones (ties included, then sorted and cut).
  const threshold = keep === 0 ? Infinity : count <= keep ? -Infinity : heap.least();
  const candidates: BreakdownEntry[] = [];
  // Summed from the ids it holds, in id order, not as the total minus the shown ones, which loses cents to cancellation.
  let otherCredit = 0;
  let otherTouches = 0;
  for (let id = 0; id < touches.length; id++) {
    if (touches[id] === 0) continue;
    const value = float64At(credit, id);
    if (value >= threshold) {
      candidates.push({ key: key(id), label: label(id), credit: value, touches: int32At(touches, id) });
    } else {
      otherCredit += value;
      otherTouches += int32At(touches, id);
    }
  }
  candidates.sort(compareEntries);
  const shown = candidates.slice(0, keep);
  // Ties at the threshold past the keep-th: folded too.
  for (const entry of candidates.slice(keep)) {
    otherCredit += entry.credit;
    otherTouches += entry.touches;
  }
  const other =
    count > shown.length
      ? {
          key: otherEntry.key,
          label: otherEntry.label(count - shown.length),
          credit: otherCredit,
          touches: otherTouches,
        }
      : null;
  return { top: shown, other, count };
}

/** The largest `capacity` values offered, smallest at the root. */
class MinHeap {
  private readonly values: Float64Array;
  private size = 0;
  constructor(capacity: number) {
    this.values = new Float64Array(capacity);
  }
  offer(value: number): void {
    const values = this.values;
    if (values.length === 0) return;
    if (this.size < values.length) {
      let i = this.size++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (float64At(values, parent) <= value) break;
        values[i] = float64At(values, parent);
        i = parent;
      }
      values[i] = value;
      return;
    }
    if (value <= float64At(values, 0)) return;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= this.size) break;
      const right = left + 1;
      const child = right < this.size && float64At(values, right) < float64At(values, left) ? right : left;
      if (float64At(values, child) >= value) break;
      values[i] = float64At(values, child);
      i = child;
    }
    values[i] = value;
  }
  /** The smallest value held (the keep-th largest offered, once `capacity` were). */
  least(): number {
    return float64At(this.values, 0);
  }
}
