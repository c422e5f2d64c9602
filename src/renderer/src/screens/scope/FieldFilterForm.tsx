import { useState, type FormEvent } from 'react';
import type { ScopeChoices } from '../../../../shared/importApi';
import type { FieldFilter } from '../../../../shared/scope';
import { toggled } from '../../scope/scopeEdits';
import { valueLabel } from '../../scope/scopeWords';
import { ValueChecks } from './ValueChecks';

const KIND_WORDS = { opportunities: 'opportunity', accounts: 'account' } as const;

/**
 * A filter by a custom field of the opportunity or its account (spec 9): the field, then the values that keep a
 * deal. A field already filtered starts from its values, and applying replaces them.
 */
export function FieldFilterForm({
  fields,
  current,
  onApply,
  onCancel,
}: {
  fields: ScopeChoices['fields'];
  current: readonly FieldFilter[];
  onApply: (filter: FieldFilter) => void;
  onCancel: () => void;
}) {
  const valuesOf = (field: string) => current.find((filter) => filter.field === field)?.values ?? [];
  const [field, setField] = useState(() => fields[0]?.field ?? '');
  const [values, setValues] = useState<string[]>(() => valuesOf(field));
  const choice = fields.find((item) => item.field === field);

  function chooseField(next: string) {
    setField(next);
    setValues(valuesOf(next));
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (values.length > 0) onApply({ field, values });
  }

  return (
    <form className="scope-field-form" aria-label="Custom field filter" onSubmit={submit}>
      <label>
        Field
        <select value={field} onChange={(event) => chooseField(event.target.value)}>
          {fields.map((item) => (
            <option key={item.field} value={item.field}>
              {item.field} ({KIND_WORDS[item.kind]})
            </option>
          ))}
        </select>
      </label>
      {choice && (
        <ValueChecks
          legend="Values"
          className="scope-field-values"
          // A value the filter holds that is no longer among the most common stays, so it can be unticked.
          options={[...new Set([...choice.values, ...values])].map((value) => ({ value, label: valueLabel(value) }))}
          chosen={values}
          onToggle={(value) => setValues((list) => toggled(list, value))}
        />
      )}
      {choice?.more && <p className="muted small">The {choice.values.length} most common values.</p>}
      <div className="scope-field-actions">
        <button type="submit" disabled={values.length === 0}>
          Apply filter
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
