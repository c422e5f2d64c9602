import { MODEL_NAMES, type ModelName } from '../../../../shared/modelOptions';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import { ChoiceSelect } from '../ChoiceSelect';

const MODEL_OPTIONS = MODEL_NAMES.map((name) => ({ value: name, label: MODEL_LABELS[name] }));

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
      <ChoiceSelect options={MODEL_OPTIONS} value={value} onChange={onChange} />
    </label>
  );
}
