import { useEffect, useState } from 'react';
import type { ModelName, ModelOptions } from '../../../../shared/modelOptions';
import { MAX_COMPARED } from '../../../../shared/scenarioApi';
import { compareColor } from '../../compare/palette';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import { withModel } from '../../model/weights';
import { useCompareStore } from '../../stores/compare';
import { useModelStore } from '../../stores/model';
import { useScenariosStore } from '../../stores/scenarios';
import { ModelPicker } from '../model/ModelPicker';

/** Chooses what the Compare tab runs: saved scenarios, built-in models, the Model tab's settings; and the baseline. */
export function ComparePicker() {
  const { list, refresh } = useScenariosStore();
  const { entries, baselineId, add, remove, setBaseline } = useCompareStore();
  const [model, setModel] = useState<ModelName>('markov');
  const full = entries.length >= MAX_COMPARED;
  const has = (id: string) => entries.some((entry) => entry.id === id);
  /** A scenario saved again since it was added compares with its old options until it is updated. */
  const stale = (id: string, options: ModelOptions) => {
    const entry = entries.find((item) => item.id === id);
    return entry !== undefined && JSON.stringify(entry.options) !== JSON.stringify(options);
  };

  useEffect(() => {
    if (list === null) void refresh();
  }, [list, refresh]);

  function addModel() {
    // A built-in model at the Model tab's settings: its lookback, upgrade policy and CAR settings come along.
    const options = withModel(useModelStore.getState().options, model);
    add({ id: `model:${model}`, label: MODEL_LABELS[model], source: 'model', options });
  }

  function addCurrent() {
    add({ id: 'current', label: 'Current settings', source: 'current', options: useModelStore.getState().options });
  }

  return (
    <section className="panel compare-picker" aria-labelledby="compare-picker-heading">
      <h2 id="compare-picker-heading">What to compare</h2>

      <h3>Saved scenarios</h3>
      {list === null ? (
        <p className="muted small">Reading the saved scenarios…</p>
      ) : list.length === 0 ? (
        <p className="muted small">None yet: save one from the Model tab.</p>
      ) : (
        <ul className="plain-list compare-choices">
          {list.map((scenario) => {
            const id = `scenario:${scenario.name}`;
            return (
              <li key={scenario.name}>
                <span className="choice-name" title={scenario.name}>
                  {scenario.name}
                </span>
                {scenario.options === null ? (
                  <span className="inline-error small">Cannot be used: {scenario.invalid}</span>
                ) : stale(id, scenario.options) ? (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Update scenario ${scenario.name}`}
                    onClick={() => add({ id, label: scenario.name, source: 'scenario', options: scenario.options })}
                  >
                    Update
                  </button>
                ) : (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={`Add scenario ${scenario.name}`}
                    disabled={has(id) || full}
                    onClick={() => add({ id, label: scenario.name, source: 'scenario', options: scenario.options })}
                  >
                    {has(id) ? 'Added' : 'Add'}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}

      <h3>Built-in models</h3>
      <p className="muted small">Run at the Model tab’s lookback, upgrade and CAR settings.</p>
      <div className="compare-add-model">
        <ModelPicker label="Model to add" className="number-field" value={model} onChange={setModel} />
        <button type="button" className="secondary" onClick={addModel} disabled={full && !has(`model:${model}`)}>
          Add model
        </button>
      </div>
      <button type="button" className="secondary" onClick={addCurrent} disabled={full && !has('current')}>
        {has('current') ? 'Update current settings' : 'Add current settings'}
      </button>

      <h3 id="compared-heading">Compared</h3>
      {entries.length === 0 ? (
        <p className="muted small">Nothing yet.</p>
      ) : (
        <ul className="plain-list compare-entries" aria-labelledby="compared-heading">
          {entries.map((entry, index) => (
            <li key={entry.id}>
              <span className="swatch" style={{ background: compareColor(index) }} aria-hidden="true" />
              <span className="choice-name" title={entry.label}>
                {entry.label}
              </span>
              <label className="baseline-choice">
                <input
                  type="radio"
                  name="compare-baseline"
                  checked={entry.id === baselineId}
                  aria-label={`Use ${entry.label} as the baseline`}
                  onChange={() => setBaseline(entry.id)}
                />
                <span aria-hidden="true">Baseline</span>
              </label>
              <button
                type="button"
                className="link"
                aria-label={`Remove ${entry.label}`}
                onClick={() => remove(entry.id)}
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      {full && <p className="muted small">{MAX_COMPARED} models at most: remove one to add another.</p>}
    </section>
  );
}
