import { memo, useEffect, useState, type FormEvent } from 'react';
import { scenarioNameSchema } from '../../../../shared/scenarioApi';
import { MODEL_LABELS } from '../../../../shared/modelLabels';
import { describeScope } from '../../../../shared/scope';
import { useModelStore } from '../../stores/model';
import { useScenariosStore } from '../../stores/scenarios';

/**
 * Saves the panel's options as a named scenario in the project, and loads or deletes saved ones. It reads the options
 * only when saving, so a weight move, which draws the panel again, leaves it alone.
 */
export const ScenarioBar = memo(function ScenarioBar() {
  const { list, busy, error, refresh, save, remove } = useScenariosStore();
  const load = useModelStore((state) => state.load);
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (list === null) void refresh();
  }, [list, refresh]);

  const parsedName = scenarioNameSchema.safeParse(name);
  const selected = list?.find((scenario) => scenario.name === chosen) ?? null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!parsedName.success) return;
    const replacing = list?.some((scenario) => scenario.name === parsedName.data) ?? false;
    // The options as the panel holds them now, read at the moment of saving.
    const saved = await save(parsedName.data, useModelStore.getState().options);
    if (saved) {
      setChosen(parsedName.data);
      setStatus(`${replacing ? 'Replaced' : 'Saved'} “${parsedName.data}”.`);
    }
  }

  function loadChosen() {
    if (!selected?.options) return;
    load(selected.options);
    setName(selected.name);
    // A scenario brings its scope (spec 9): the scope bar now shows it; say so, as it changes every view.
    setStatus(`Loaded “${selected.name}”, over ${describeScope(selected.options.scope)}.`);
  }

  async function deleteChosen() {
    if (!selected) return;
    await remove(selected.name);
    setChosen('');
    setStatus(`Deleted “${selected.name}”.`);
  }

  return (
    <fieldset className="scenario-bar">
      <legend>Scenarios</legend>
      <form className="scenario-row" onSubmit={(event) => void submit(event)}>
        <label className="number-field">
          <span>Scenario name</span>
          <input
            value={name}
            maxLength={80}
            onChange={(event) => {
              setName(event.target.value);
              setStatus('');
            }}
          />
        </label>
        <button type="submit" disabled={busy || !parsedName.success}>
          Save scenario
        </button>
      </form>
      <div className="scenario-row pick">
        <label className="number-field">
          <span>Saved scenarios</span>
          <select value={chosen} onChange={(event) => setChosen(event.target.value)} disabled={!list?.length}>
            <option value="">{list?.length ? 'Choose a scenario…' : 'None saved yet'}</option>
            {list?.map((scenario) => (
              <option key={scenario.name} value={scenario.name}>
                {scenario.invalid === null ? scenario.name : `${scenario.name} (invalid: ${scenario.invalid})`}
              </option>
            ))}
          </select>
        </label>
        <div className="scenario-actions">
          <button type="button" className="secondary" onClick={loadChosen} disabled={!selected?.options}>
            Load
          </button>
          <button type="button" className="secondary" onClick={() => void deleteChosen()} disabled={!selected || busy}>
            Delete
          </button>
        </div>
      </div>
      {selected?.options && (
        <p className="muted small scenario-scope">
          “{selected.name}”: {MODEL_LABELS[selected.options.model]}, over {describeScope(selected.options.scope)}.
        </p>
      )}
      {error ? (
        <p className="inline-error" role="alert">
          {error}
        </p>
      ) : (
        <p className="muted small" role="status">
          {status}
        </p>
      )}
    </fieldset>
  );
});
