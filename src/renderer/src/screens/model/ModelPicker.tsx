import { MODEL_NAMES, type ModelName } from '../../../../shared/modelOptions';
import { MODEL_LABELS } from '../../../../shared/modelLabels';

/** A select of every model of the engine, by its name in words. */
export function ModelPicker({
  label,
  value,
  onChange,
  className,
}: {
  label: string;
  value: ModelName;
  onChange(model: ModelName): void;
  className?: string;
}) {
  return (
    <label className={className}>
      <span>{label}</span>
      <select
        value={value}
        onChange={(event) => {
          const chosen = MODEL_NAMES.find((name) => name === event.target.value);
          if (chosen) onChange(chosen);
        }}
      >
        {MODEL_NAMES.map((name) => (
          <option key={name} value={name}>
            {MODEL_LABELS[name]}
          </option>
        ))}
      </select>
    </label>
  );
}
