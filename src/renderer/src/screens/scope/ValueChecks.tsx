/**
 * A named group of checkboxes, one per value a filter can take (segments, opportunity types, a custom field's
 * values): the values ticked are OR-ed (spec 9). A fieldset, so the group has the legend as its name.
 */
export function ValueChecks<T extends string>({
  legend,
  options,
  chosen,
  onToggle,
  className,
}: {
  legend: string;
  options: readonly { value: T; label: string }[];
  chosen: readonly T[];
  onToggle: (value: T) => void;
  className?: string;
}) {
  return (
    <fieldset className={className ? `scope-values ${className}` : 'scope-values'}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="scope-check">
          <input type="checkbox" checked={chosen.includes(option.value)} onChange={() => onToggle(option.value)} />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
