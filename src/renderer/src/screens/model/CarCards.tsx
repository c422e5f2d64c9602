import type { ReactNode } from 'react';
import type { ModelOptions } from '../../../../shared/modelOptions';
import { formatMoney } from '../../format';
import { optionsKeyOf, useRobustnessStore } from '../../stores/robustness';
import type { ModelRun } from '../../stores/modelResults';

/** The three CAR measures of spec 7, side by side and never added, with the revenue they are part of. */
export function CarCards({ run, currency }: { run: ModelRun; currency: string }) {
  const { attribution, car } = run;
  const money = (value: number) => formatMoney(value, currency);
  const share = attribution.revenue > 0 ? car.attributed / attribution.revenue : 0;
  const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 }).format(share);

  return (
    <div className="cards model-cards">
      <Card label="Won revenue" value={money(attribution.revenue)} />
      <Card
        label="Attributed CAR"
        value={money(car.attributed)}
        hint="Model credit on community touches"
        range={<AttributedRange options={attribution.options} money={money} />}
      />
      <Card label="Influenced CAR" value={money(car.influenced)} hint="Won deals with a community touch" />
      <Card label="Sourced CAR" value={money(car.sourced)} hint="Won deals the community sourced" />
      <Card label="Community share of revenue" value={percent} hint="Attributed CAR / won revenue" />
      <Card
        label="Unattributed revenue"
        value={money(attribution.unattributed)}
        hint={`${attribution.unattributedDeals} won ${attribution.unattributedDeals === 1 ? 'deal' : 'deals'} without a touch`}
      />
    </div>
  );
}

/**
 * Attributed CAR's ranges (spec 13), from the robustness panel's answer for these very options: over the weightings
 * within ±d points and over the models. Nothing while that answer is of other options.
 */
function AttributedRange({ options, money }: { options: ModelOptions; money: (value: number) => string }) {
  const result = useRobustnessStore((state) => (state.resultKey === optionsKeyOf(options) ? state.result : null));
  if (!result) return null;
  const { weightRange, modelRange } = result.car.attributed;
  const near = weightRange?.near;
  return (
    <div className="card-hint card-range">
      {near && `${money(near.min.value)}–${money(near.max.value)} across weightings within ±${result.delta} points; `}
      {`${money(modelRange.min.value)}–${money(modelRange.max.value)} across models`}
    </div>
  );
}

function Card({ label, value, hint, range }: { label: string; value: string; hint?: string; range?: ReactNode }) {
  return (
    <div className="card" role="group" aria-label={label}>
      <div className="card-label">{label}</div>
      <div className="card-value">{value}</div>
      {hint && <div className="card-hint">{hint}</div>}
      {range}
    </div>
  );
}
