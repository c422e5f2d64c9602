import type { CarResult } from '../../shared/results';
import type { ModelRunResult } from '../engine/run';
import { roundMoney } from '../../shared/money';
import { roundCarMoney, type RoundMoney } from './money';

/**
 * `attribute --json` (spec cli.md). Amounts are rounded to the minor unit, as the text shows them; removal effects
 * and Shapley values are not money and stay as computed. The credits CSV keeps full precision.
 */
export function attributionJson(run: ModelRunResult, currency: string): Record<string, unknown> {
  const { options, attribution } = run;
  const round = moneyIn(currency);
  return {
    model: options.model,
    options,
    revenue: round(attribution.revenue),
    attributed: round(attribution.attributed),
    unattributed: round(attribution.unattributed),
    byChannel: attribution.byChannel.map((row) => ({ ...row, credit: round(row.credit) })),
    car: carJson(run.car(), round),
    ...(attribution.removalEffects ? { removalEffects: attribution.removalEffects } : {}),
    ...(attribution.shapleyValues ? { shapleyValues: attribution.shapleyValues } : {}),
  };
}

/** `car --json`: the model, its options, the won revenue and the same car object as `attribute --json`. */
export function carCommandJson(run: ModelRunResult, currency: string): Record<string, unknown> {
  const { options, attribution } = run;
  const round = moneyIn(currency);
  return { model: options.model, options, revenue: round(attribution.revenue), car: carJson(run.car(), round) };
}

/**
 * The CAR object of `--json`, its amounts to the minor unit. spec cli.md names `car.churn`: the churn_reduction
 * category, repeated where the spec looks for it.
 */
function carJson(car: CarResult, round: RoundMoney): CarResult & { churn: CarResult['byCategory']['churn_reduction'] } {
  const rounded = roundCarMoney(car, round);
  return { ...rounded, churn: rounded.byCategory.churn_reduction };
}

function moneyIn(currency: string): RoundMoney {
  return (value) => roundMoney(value, currency);
}
