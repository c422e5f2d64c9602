/**
 * A select of a fixed list of options (a model, a kind, a theme) that answers with one of their values, never with
 * text from outside the list; the select counterpart of ChoiceSwitch.
 */
export function ChoiceSelect<T extends string | number>({
  options,
  value,
  onChange,
  label,
}: {
  options: readonly { value: T; label: string }[];
  value: T;
  onChange: (value: T) => void;
  /** The select's name for screen readers when no label wraps it. */
  label?: string;
}) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(event) => {
        const chosen = options.find((option) => String(option.value) === event.target.value);
        if (chosen) onChange(chosen.value);
      }}
    >
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}
