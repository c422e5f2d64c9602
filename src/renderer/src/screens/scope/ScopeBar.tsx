import { useEffect, useState } from 'react';
import { OPPORTUNITY_TYPES } from '../../../../shared/importSpec';
import { OPPORTUNITY_TYPE_LABELS } from '../../kindLabels';
import { toggled, withFieldFilter, withPeriod, withSegments, withTypes } from '../../scope/scopeEdits';
import { valueLabel } from '../../scope/scopeWords';
import { useModelStore } from '../../stores/model';
import { useProjectStore } from '../../stores/project';
import { useScopeChoicesStore } from '../../stores/scopeChoices';
import { FieldFilterForm } from './FieldFilterForm';
import { PeriodPicker } from './PeriodPicker';
import { ScopeChips } from './ScopeChips';
import { ValueChecks } from './ValueChecks';

const TYPE_OPTIONS = OPPORTUNITY_TYPES.map((type) => ({ value: type, label: OPPORTUNITY_TYPE_LABELS[type] }));

/**
 * The report scope (spec 9) above the Model, Compare and Journeys tabs: a period, then filters by segment,
 * opportunity type and custom field. It is part of the model's options, so every request that takes them, a saved
 * scenario included, carries it.
 */
export function ScopeBar() {
  const summary = useProjectStore((state) => state.summary);
  const scope = useModelStore((state) => state.options.scope);
  const setScope = useModelStore((state) => state.setScope);
  const { choices, error, load } = useScopeChoicesStore();
  const [adding, setAdding] = useState(false);

  // A new summary means the project's data changed (an import): it may bring other segments, values and dates.
  useEffect(() => {
    load(summary);
  }, [summary, load]);

  // A segment the scope holds (from a scenario) that the data no longer has stays listed, so it can be unticked.
  const segments = [...new Set([...(choices?.segments ?? []), ...(scope.segments ?? [])])];
  const fields = choices?.fields ?? [];

  return (
    <section className="scope-bar" aria-label="Report scope">
      <div className="scope-controls">
        <PeriodPicker
          period={{ from: scope.from, to: scope.to }}
          latest={choices?.dates?.latest ?? null}
          onChange={(period) => setScope(withPeriod(scope, period))}
        />
        {segments.length > 0 && (
          <ValueChecks
            legend="Segment"
            options={segments.map((segment) => ({ value: segment, label: valueLabel(segment) }))}
            chosen={scope.segments ?? []}
            onToggle={(segment) => setScope(withSegments(scope, toggled(scope.segments, segment)))}
          />
        )}
        <ValueChecks
          legend="Opportunity type"
          options={TYPE_OPTIONS}
          chosen={scope.types ?? []}
          onToggle={(type) => setScope(withTypes(scope, toggled(scope.types, type)))}
        />
        <button
          type="button"
          className="secondary scope-add"
          aria-expanded={adding}
          disabled={fields.length === 0}
          title={fields.length === 0 ? 'The opportunities and accounts have no custom field to filter by' : undefined}
          onClick={() => setAdding((open) => !open)}
        >
          Add filter
        </button>
      </div>
      {adding && fields.length > 0 && (
        <FieldFilterForm
          fields={fields}
          current={scope.fields ?? []}
          onApply={(filter) => {
            setScope(withFieldFilter(scope, filter));
            setAdding(false);
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <ScopeChips scope={scope} onChange={setScope} />
      {error && (
        <p className="inline-error small" role="alert">
          What the scope can filter by could not be read: {error}
        </p>
      )}
    </section>
  );
}
