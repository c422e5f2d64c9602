/**
 * "Did you mean …?" for a name typed by hand: a model, a command, an option, a CSV header. Pure, so the CLI, the
 * import engine and the renderer suggest the same name for the same typo.
 */

/** Case and `-`/`_`/space never tell two names apart: `Full_Path`, `full path` and `fullpath` are `full-path`. */
function comparable(name: string): string {
  return name.toLowerCase().replace(/[-_\s]+/g, '');
}

/**
 * Edits between two strings: insertions, deletions, substitutions and swaps of two neighbouring characters (the
 * optimal string alignment distance), so `modle` is one edit from `model`, as a typist would count it.
 */
export function editDistance(a: string, b: string): number {
  // Three rows of the dynamic-programming table: the one before last is what a swap looks back to.
  let beforeLast: number[] = [];
  let last = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((last[j] as number) + 1, (row[j - 1] as number) + 1, (last[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (beforeLast[j - 2] as number) + 1);
      }
      row.push(best);
    }
    beforeLast = last;
    last = row;
  }
  return last[b.length] as number;
}

/**
 * The candidate closest to `input`, as the candidate is written, or undefined when none is close enough: at most
 * max(1, ⌊length / 3⌋) edits apart, the length being the input's once case and separators are set aside. A tie goes
 * to the candidate listed first.
 */
export function nearestName(input: string, candidates: readonly string[]): string | undefined {
  const typed = comparable(input);
  if (typed === '') return undefined;
  const allowed = Math.max(1, Math.floor(typed.length / 3));
  let nearest: string | undefined;
  let nearestDistance = allowed + 1;
  for (const candidate of candidates) {
    const distance = editDistance(typed, comparable(candidate));
    if (distance < nearestDistance) {
      nearest = candidate;
      nearestDistance = distance;
    }
  }
  return nearest;
}
