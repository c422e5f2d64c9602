import type { ComparedCell } from '../../compare/deltas';
import { formatDelta } from '../../compare/deltas';
import { formatMoney } from '../../format';

/** A compared value and, outside the baseline's column, how far it is from the baseline. */
export function DeltaCell({ cell, currency }: { cell: ComparedCell; currency: string }) {
  const { delta } = cell;
  const direction = delta === null || delta.absolute === 0 ? 'same' : delta.absolute > 0 ? 'up' : 'down';
  return (
    <td className="number compare-cell" data-value={cell.value} data-delta={delta?.absolute}>
      <span>{formatMoney(cell.value, currency)}</span>
      {delta && <span className={`delta delta-${direction}`}>{formatDelta(delta, currency)}</span>}
    </td>
  );
}
