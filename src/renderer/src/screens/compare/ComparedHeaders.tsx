import type { CompareEntry } from '../../stores/compare';
import { compareColor } from '../../compare/palette';

/** One column header per compared model, its colour as in the chart, the baseline marked. */
export function ComparedHeaders({ entries, baselineIndex }: { entries: CompareEntry[]; baselineIndex: number }) {
  return (
    <>
      {entries.map((entry, index) => (
        <th scope="col" key={entry.id} className="number">
          <span className="swatch" style={{ background: compareColor(index) }} aria-hidden="true" />
          {entry.label}
          {index === baselineIndex && <span className="badge">baseline</span>}
        </th>
      ))}
    </>
  );
}
