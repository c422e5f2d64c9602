import type { PositionWeights } from '../../../../shared/modelOptions';
import { POSITION_NAMES, POSITION_TITLES } from '../../../../shared/vocabulary/positions';
import { formatShare, normaliseWeights } from '../../model/weights';
import { useModelStore } from '../../stores/model';
import { NumberField } from './NumberField';

/** One slider and one number per position (spec 5), with each position's share of the total weight. */
export function WeightsEditor({ weights }: { weights: PositionWeights }) {
  const setWeight = useModelStore((state) => state.setWeight);
  const normalised = normaliseWeights(weights);

  return (
    <fieldset className="weights">
      <legend>Position weights</legend>
      {POSITION_NAMES.map((position) => {
        const share = normalised.valid ? formatShare(normalised.shares[position]) : '—';
        return (
          <div className="weight-row" key={position}>
            <span className="weight-name" title={POSITION_TITLES[position]}>
              <abbr title={POSITION_TITLES[position]}>{position}</abbr>
            </span>
            <input
              type="range"
              min={0}
              max={100}
              step={0.5}
              value={weights[position]}
              aria-label={`${position} weight`}
              aria-valuetext={`${weights[position]} (${share} of the credit)`}
              onChange={(event) => setWeight(position, Number(event.target.value))}
            />
            <NumberField
              label={`${position} weight value`}
              hideLabel
              className="weight-value"
              value={weights[position]}
              min={0}
              max={100}
              step={0.5}
              onCommit={(value) => setWeight(position, value)}
            />
            <output className="weight-share" aria-label={`${position} share`}>
              {share}
            </output>
          </div>
        );
      })}
      {!normalised.valid && (
        <p className="inline-error" role="alert">
          {normalised.message}
        </p>
      )}
    </fieldset>
  );
}
