import { isWon, type Dataset } from '../arrays/dataset';
import { float64At, int32At } from '../arrays/read';
import { journeyRange, type Journeys } from './journeys';

/** One distinct channel path (spec 6) and what its journeys did: the summary data-driven models are learned from. */
export interface PathRow {
  /** Channel names in touch order (consecutive repeats collapsed when the option says so). */
  path: string[];
  /** Won journeys with this path, and lost ones (null paths). */
  conversions: number;
  nulls: number;
  /** The won journeys' amounts. */
  value: number;
}

/**
 * The path summary of spec 6's paths: each distinct channel path of the won and lost journeys with a touch, with its
 * conversions, nulls and value, most conversions first, then by path. The same compression warehouse attribution
 * packages hand to a Markov or Shapley solver.
 */
export function pathSummary(data: Dataset, journeys: Journeys, collapseRepeats: boolean): PathRow[] {
  const rows = new Map<string, PathRow>();
  const opps = data.opportunities;
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    if (end === start) continue;
    const path: string[] = [];
    let previous = -1;
    for (let k = start; k < end; k++) {
      const channel = int32At(data.touches.channel, int32At(journeys.touch, k));
      if (!(collapseRepeats && channel === previous)) path.push(data.channels.values[channel] as string);
      previous = channel;
    }
    const key = JSON.stringify(path);
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { path, conversions: 0, nulls: 0, value: 0 }));
    const o = int32At(journeys.opportunity, j);
    if (isWon(opps, o)) {
      row.conversions++;
      row.value += float64At(opps.amount, o);
    } else row.nulls++;
  }
  return [...rows.values()].sort(
    (a, b) => b.conversions - a.conversions || b.nulls - a.nulls || comparePaths(a.path, b.path),
  );
}

function comparePaths(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}
