import { useId, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  min: number;
  max?: number;
  step: number;
  /** Only whole numbers are accepted. */
  integer?: boolean;
  onCommit(value: number): void;
  /** Shown instead of a visible label when the field has one nearby (a weight row). */
  hideLabel?: boolean;
  /** A short note under the field (units, what 0 means), read with it by screen readers. */
  hint?: string;
  className?: string;
}

/**
 * A number input that keeps what is typed until it is a valid number in range, so clearing the field to type a new
 * value does not snap back; the stored value changes only on valid input, and leaving the field shows it again.
 */
export function NumberField(props: NumberFieldProps) {
  const { label, value, min, max, step, integer, onCommit, hideLabel, hint, className } = props;
  const hintId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const text = draft ?? String(value);
  const parsed = Number(text);
  const invalid =
    text.trim() === '' ||
    !Number.isFinite(parsed) ||
    parsed < min ||
    (max !== undefined && parsed > max) ||
    (integer === true && !Number.isInteger(parsed));

  const input = (
    <input
      type="number"
      inputMode="decimal"
      className={className}
      aria-label={hideLabel ? label : undefined}
      aria-invalid={invalid}
      aria-describedby={hint ? hintId : undefined}
      min={min}
      max={max}
      step={step}
      value={text}
      onChange={(event) => {
        const next = event.target.value;
        setDraft(next);
        const number = Number(next);
        const ok =
          next.trim() !== '' &&
          Number.isFinite(number) &&
          number >= min &&
          (max === undefined || number <= max) &&
          (!integer || Number.isInteger(number));
        if (ok) onCommit(number);
      }}
      onBlur={() => setDraft(null)}
    />
  );
  if (hideLabel) return input;
  return (
    <label className="number-field">
      <span>{label}</span>
      {input}
      {hint && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </label>
  );
}
