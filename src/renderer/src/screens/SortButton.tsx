/** A sortable column's header button: its label, and ▲ or ▼ when the table is sorted by it. */
export function SortButton({
  label,
  direction,
  onClick,
}: {
  label: string;
  /** The sort's direction when the table is sorted by this column, else null. */
  direction: 'ascending' | 'descending' | null;
  onClick: () => void;
}) {
  return (
    <button type="button" onClick={onClick}>
      {label}
      <span aria-hidden="true" className="sort-mark">
        {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : ''}
      </span>
    </button>
  );
}
