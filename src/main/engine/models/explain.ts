import type { JourneyDetail, JourneyTouch } from '../../../shared/journeyApi';
import { weightsOf, type PositionWeights } from '../../../shared/modelOptions';
import { minorUnitDigits } from '../../../shared/money';
import type { PositionName } from '../../../shared/results';
import { isWon, TOUCH_KINDS, type Dataset } from '../arrays/dataset';
import type { AttributionRun } from './attribute';
import { CW, FT, journeyRange, LC, MID, OC, POSITION_BITS, POSITION_NAMES } from './journeys';
import { opportunityMatch } from './opportunitySearch';
import { stringAt } from '../arrays/packed';
import { float64At, int32At, uint8At } from '../arrays/read';

const DAY_MS = 86_400_000;

/** A touch as the engine explains it; who made it is read from the store by the journey handler (issue 17). */
export type ExplainedTouch = Omit<JourneyTouch, 'person'>;
/** A journey as the engine explains it: the names (the account's, each touch's person) are added from the store. */
export type ExplainedJourney = Omit<JourneyDetail, 'accountName' | 'touches'> & { touches: ExplainedTouch[] };

/** Amounts in the sentences: whole amounts without decimals, credits to the currency's minor unit. */
export interface Money {
  format(value: number): string;
}

export function moneyFormat(currency: string): Money {
  const whole = currencyFormat(currency, 0);
  const minor = currencyFormat(currency, minorUnitDigits(currency));
  return { format: (value) => (Number.isInteger(value) ? whole : minor).format(value) };
}

/** With the currency's symbol; a code Intl cannot read (a file from elsewhere may hold one) gets plain numbers. */
function currencyFormat(currency: string, digits: number): Intl.NumberFormat {
  const decimals = { minimumFractionDigits: digits, maximumFractionDigits: digits };
  try {
    return new Intl.NumberFormat('en-US', { style: 'currency', currency, ...decimals });
  } catch {
    return new Intl.NumberFormat('en-US', decimals);
  }
}

/** One rule: the sentence and the credit its arithmetic gives, to check against the engine's. */
interface Rule {
  text: string;
  credit: number;
}

/** Plain numbers in a sentence: at most `digits` decimals, no trailing zeros. */
function num(value: number, digits = 3): string {
  return String(Number(value.toFixed(digits)));
}

function listOf(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * How opportunity `o` got its credit under `run`: its journey's touches in spec-1 order, each with its positions, the
 * engine's credit and the rule that gave it, worked out again from the model's inputs so anyone can check it. A pure
 * function over the dataset and the run; `currency` only formats amounts in the sentences.
 */
export function explainJourney(data: Dataset, run: AttributionRun, o: number, currency: string): ExplainedJourney {
  const { journeys, credits, options } = run;
  const opps = data.opportunities;
  const money = moneyFormat(currency);
  const match = opportunityMatch(data, o);
  const j = journeyIndexOf(run, o);
  const base = {
    ...match,
    createdAt: float64At(opps.createdAt, o),
    restarted: j >= 0 && journeys.restarted[j] === 1,
    policy: options.upgradePolicy,
    model: options.model,
  };
  if (j < 0) {
    return {
      ...base,
      hasJourney: false,
      touches: [],
      total: 0,
      unattributed: false,
      note: 'An open opportunity is pipeline: it has no journey and gets no credit until it closes (spec 2).',
    };
  }
  const { start, end } = journeyRange(journeys, j);
  const won = isWon(opps, o);
  const amount = float64At(opps.amount, o);
  const rules = won ? rulesOf(data, run, j, amount, money) : null;
  const touches: ExplainedTouch[] = [];
  let total = 0;
  for (let k = start; k < end; k++) {
    const t = int32At(journeys.touch, k);
    const credit = float64At(credits, k);
    total += credit;
    touches.push({
      kind: TOUCH_KINDS[uint8At(data.touches.kind, t)] as JourneyTouch['kind'],
      // One journey's few ids, read from the column without making all of them (engine/arrays/packed.ts).
      id: stringAt(data.touches, 'id', t) as string,
      channel: data.channels.values[int32At(data.touches.channel, t)] as string,
      occurredAt: float64At(data.touches.occurredAt, t),
      positions: positionNames(uint8At(journeys.positions, k)),
      credit,
      rule:
        rules?.[k - start]?.text ?? 'Lost: no revenue credit; the journey counts as a non-converting path (spec 2).',
    });
  }
  const unattributed = won && end === start;
  return {
    ...base,
    hasJourney: true,
    touches,
    total,
    unattributed,
    note: unattributed
      ? `No touch falls in this journey: its ${money.format(amount)} stays unattributed (spec 5).`
      : won
        ? null
        : 'A lost opportunity gets no revenue credit; data-driven models use its journey as a non-converting path.',
  };
}

/** The rules of won journey j, in the order of its touches. Exported for tests, which check them against credits. */
export function rulesOf(data: Dataset, run: AttributionRun, j: number, amount: number, money: Money): Rule[] {
  const { options } = run;
  switch (options.model) {
    case 'linear':
      return equalRules(run, j, amount, money, '');
    case 'time-decay':
      return timeDecayRules(data, run, j, amount, money, options.halfLifeDays);
    case 'markov':
      return channelRules(data, run, j, amount, money, run.removalEffects ?? {}, 'removal effect');
    case 'shapley':
      return channelRules(data, run, j, amount, money, run.shapleyValues ?? {}, 'Shapley value');
    default: {
      const weights = weightsOf(options);
      if (!weights) throw new Error(`No weights for model ${options.model}`);
      return positionRules(run, j, amount, money, weights);
    }
  }
}

function journeyIndexOf(run: AttributionRun, o: number): number {
  const { opportunity, count } = run.journeys;
  for (let j = 0; j < count; j++) if (opportunity[j] === o) return j;
  return -1;
}

function positionNames(bits: number): PositionName[] {
  return POSITION_BITS.flatMap((bit, i) => (bits & bit ? [POSITION_NAMES[i] as PositionName] : []));
}

function equalRules(run: AttributionRun, j: number, amount: number, money: Money, why: string): Rule[] {
  const { start, end } = journeyRange(run.journeys, j);
  const n = end - start;
  const credit = amount / n;
  const text = `${why}1 of ${n} touches × ${money.format(amount)} = ${money.format(credit)}`;
  return Array.from({ length: n }, () => ({ text, credit }));
}

/** spec 5: position weights, the missing ones spread over the present ones, MID shared by the middle touches. */
function positionRules(run: AttributionRun, j: number, amount: number, money: Money, w: PositionWeights): Rule[] {
  const { journeys } = run;
  const { start, end } = journeyRange(journeys, j);
  const weightOf = (bit: number): number =>
    bit === FT ? w.FT : bit === LC ? w.LC : bit === OC ? w.OC : bit === CW ? w.CW : w.MID;
  let present = 0;
  let middles = 0;
  for (let k = start; k < end; k++) {
    present |= uint8At(journeys.positions, k);
    if (uint8At(journeys.positions, k) & MID) middles++;
  }
  let total = 0;
  const missing: string[] = [];
  POSITION_BITS.forEach((bit, i) => {
    if (present & bit) total += weightOf(bit);
    else if (weightOf(bit) > 0) missing.push(POSITION_NAMES[i] as string);
  });
  if (total === 0) return equalRules(run, j, amount, money, 'every present position weighs 0, so an equal split: ');
  const restart = journeys.restarted[j] === 1 ? 'upgrade journey, ' : '';
  const note =
    missing.length > 0 ? ` (${restart}${listOf(missing)} missing, redistributed)` : restart ? ' (upgrade journey)' : '';
  const rules: Rule[] = [];
  for (let k = start; k < end; k++) {
    const bits = uint8At(journeys.positions, k);
    let share = 0;
    const parts: string[] = [];
    POSITION_BITS.forEach((bit, i) => {
      if (!(bits & bit)) return;
      const name = POSITION_NAMES[i] as string;
      if (bit === MID) {
        share += w.MID / middles;
        parts.push(`${name} ${num(w.MID)} ÷ ${middles} middle touch${middles === 1 ? '' : 'es'}`);
      } else {
        share += weightOf(bit);
        parts.push(`${name} ${num(weightOf(bit))}`);
      }
    });
    const credit = (amount * share) / total;
    rules.push({
      text: `${parts.join(' + ')} of ${num(total)} present weight${note} × ${money.format(amount)} = ${money.format(credit)}`,
      credit,
    });
  }
  return rules;
}

/** spec 5: weight 2^(-(closed_at - occurred_at) / half_life), normalised over the journey. */
function timeDecayRules(
  data: Dataset,
  run: AttributionRun,
  j: number,
  amount: number,
  money: Money,
  halfLifeDays: number,
): Rule[] {
  const { journeys } = run;
  const { start, end } = journeyRange(journeys, j);
  const closedAt = float64At(data.opportunities.closedAt, int32At(journeys.opportunity, j));
  const days: number[] = [];
  const weights: number[] = [];
  for (let k = start; k < end; k++) {
    const d = (closedAt - float64At(data.touches.occurredAt, int32At(journeys.touch, k))) / DAY_MS;
    days.push(d);
    weights.push(Math.pow(2, -d / halfLifeDays));
  }
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total === 0) return equalRules(run, j, amount, money, 'every weight underflows to 0, so an equal split: ');
  return weights.map((weight, i) => {
    const credit = (amount * weight) / total;
    const text =
      `weight 2^(−${(days[i] as number).toFixed(1)}/${num(halfLifeDays)}) = ${num(weight)} of ${num(total)} total` +
      ` × ${money.format(amount)} = ${money.format(credit)}`;
    return { text, credit };
  });
}

/** spec 6: the journey's amount over its channels by their weights, a channel's share equally over its touches. */
function channelRules(
  data: Dataset,
  run: AttributionRun,
  j: number,
  amount: number,
  money: Money,
  byName: Record<string, number>,
  weightName: string,
): Rule[] {
  const { journeys } = run;
  const { start, end } = journeyRange(journeys, j);
  const channelOf = (k: number): string =>
    data.channels.values[int32At(data.touches.channel, int32At(journeys.touch, k))] as string;
  const touchesOf = new Map<string, number>();
  for (let k = start; k < end; k++) touchesOf.set(channelOf(k), (touchesOf.get(channelOf(k)) ?? 0) + 1);
  const weightOf = (channel: string): number => Math.max(0, byName[channel] ?? 0);
  let total = 0;
  for (const channel of touchesOf.keys()) total += weightOf(channel);
  const channels = touchesOf.size;
  const rules: Rule[] = [];
  for (let k = start; k < end; k++) {
    const channel = channelOf(k);
    const n = touchesOf.get(channel) as number;
    const raw = byName[channel] ?? 0;
    const shared = `shared by ${n} touch${n === 1 ? '' : 'es'}`;
    let credit: number;
    let text: string;
    if (total > 0) {
      credit = (amount * weightOf(channel)) / total / n;
      const negative = raw < 0 ? ` (${num(raw)}, negative counts as 0)` : '';
      text =
        `channel ${channel}: ${weightName} ${num(weightOf(channel))}${negative} of ${num(total)} over the journey's ` +
        `${channels} channel${channels === 1 ? '' : 's'}, ${shared} × ${money.format(amount)} = ${money.format(credit)}`;
    } else {
      credit = amount / channels / n;
      text =
        `channel ${channel}: every channel weighs 0, so 1 of ${channels} channels, ${shared}` +
        ` × ${money.format(amount)} = ${money.format(credit)}`;
    }
    rules.push({ text, credit });
  }
  return rules;
}
