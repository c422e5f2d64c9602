import { displayedWeights, WEIGHT_PRESETS } from '../../model/weights';
import { useModelStore } from '../../stores/model';
import { ModelPicker } from './ModelPicker';
import { NumberField } from './NumberField';
import { ScenarioBar } from './ScenarioBar';
import { WeightsEditor } from './WeightsEditor';

const UPGRADE_POLICIES = [
  { value: 'restart-at-opportunity', label: 'Restart at the opportunity' },
  { value: 'account-lifetime', label: 'Whole account lifetime' },
] as const;

/** The options of the model run: which model, its position weights, and the journey and CAR settings. */
export function ModelPanel() {
  const { options, setModel, setOption, resetOptions } = useModelStore();
  const weights = displayedWeights(options);

  return (
    <section className="panel model-panel" aria-labelledby="model-panel-heading">
      <h2 id="model-panel-heading">Model options</h2>
      <ModelPicker label="Model" value={options.model} onChange={setModel} />

      {weights && (
        <>
          <div className="presets" role="group" aria-label="Weight presets">
            {WEIGHT_PRESETS.map((preset) => (
              <button
                key={preset.model}
                type="button"
                className="secondary"
                aria-pressed={options.model === preset.model}
                onClick={() => setModel(preset.model)}
              >
                {preset.label}
              </button>
            ))}
          </div>
          <WeightsEditor weights={weights} />
        </>
      )}

      <div className="option-grid">
        {options.model === 'time-decay' && (
          <NumberField
            label="Half-life (days)"
            hint="Credit halves every half-life"
            value={options.halfLifeDays}
            min={0.1}
            step={0.5}
            onCommit={(value) => setOption('halfLifeDays', value)}
          />
        )}
        {options.model === 'markov' && (
          <label className="number-field">
            <span>Markov order</span>
            <select
              value={options.markovOrder}
              onChange={(event) => setOption('markovOrder', Number(event.target.value))}
            >
              {[1, 2, 3, 4].map((order) => (
                <option key={order} value={order}>
                  {order}
                </option>
              ))}
            </select>
          </label>
        )}
        <NumberField
          label="Lookback (days)"
          hint="0 = unlimited"
          value={options.lookbackDays}
          min={0}
          step={1}
          integer
          onCommit={(value) => setOption('lookbackDays', value)}
        />
        <NumberField
          label="Referral window (days)"
          hint="After a referral or job move"
          value={options.referralWindowDays}
          min={0}
          step={1}
          integer
          onCommit={(value) => setOption('referralWindowDays', value)}
        />
        <NumberField
          label="Roadmap share"
          hint="Fraction 0–1"
          value={options.roadmapShare}
          min={0}
          max={1}
          step={0.05}
          onCommit={(value) => setOption('roadmapShare', value)}
        />
        <label className="number-field wide">
          <span>Upgrade journeys</span>
          <select
            value={options.upgradePolicy}
            onChange={(event) => {
              const policy = UPGRADE_POLICIES.find((item) => item.value === event.target.value);
              if (policy) setOption('upgradePolicy', policy.value);
            }}
          >
            {UPGRADE_POLICIES.map((policy) => (
              <option key={policy.value} value={policy.value}>
                {policy.label}
              </option>
            ))}
          </select>
        </label>
      </div>

      <button type="button" className="secondary" onClick={resetOptions}>
        Reset
      </button>
      <ScenarioBar />
    </section>
  );
}
