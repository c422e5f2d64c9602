import { checkPathSet, type PathSet } from './paths';
import { float64At, int32At } from '../arrays/read';

export interface MarkovResult {
  /** P(conversion) of a walk from start in the chain observed on all paths. */
  conversionProbability: number;
  /** Per channel id: RE(c) = 1 - P(conv without c) / P(conv); 0 when P(conv) = 0 or c never occurs. In [0, 1]. */
  removalEffects: Float64Array;
  /** States of the chain: start, one per observed channel (order k: observed tuple), conversion and null. */
  states: number;
}

export const MARKOV_MAX_ORDER = 4;

/**
 * Most transient states (start + observed channel tuples) the exact solve takes. The system is held dense (8 bytes x
 * states², 32 MB at the limit, about twice that over the removal recursion) and a richly connected chain costs
 * O(states³): about 2 s at 1,900 states, 17 s at 3,600. Order 1 has channels + 1 states and order 2 at most
 * 1 + c + c², so both fit any realistic channel count (c ≤ 44 for order 2); orders 3 and 4 fit while the tuples
 * actually observed stay under the limit (order 3: about 12 channels on rich data).
 */
export const MARKOV_MAX_STATES = 2000;

/**
 * Removal effects of the order-k Markov model (spec 6), computed exactly from the absorbing chain.
 *
 * States of order k are the tuples of the last up-to-k channels (spec 6; the usual convention for higher-order
 * attribution chains): with k = 2 the path A B C walks start → (A) → (A,B) → (B,C) → conversion or null. The
 * shorter tuples at a path's beginning stand for padding with start ((A) is (start, A)), so paths shorter than k
 * count fully and order 1 is the plain channel chain. A repeated channel (A → A in order 1) is a self-loop: it is
 * counted like any transition, and it cancels out of every absorption probability (the state is left with the same
 * odds however long the walk stays), so the solve conditions it away.
 */
export function markovRemovalEffects(paths: PathSet, order: number): MarkovResult {
  if (!Number.isInteger(order) || order < 1 || order > MARKOV_MAX_ORDER) {
    throw new RangeError(`Markov order must be an integer from 1 to ${MARKOV_MAX_ORDER}, got ${order}`);
  }
  checkPathSet(paths);
  const { channelCount } = paths;
  const { size, stateAt, tuples } = observedStates(paths, order);
  const removalEffects = new Float64Array(channelCount);
  const states = size + 2;
  if (!paths.converted.some((won, p) => won === 1 && paths.offsets[p + 1] !== paths.offsets[p])) {
    return { conversionProbability: 0, removalEffects, states };
  }
  if (size > MARKOV_MAX_STATES) {
    const what = `an order-${order} Markov chain on these paths has ${size} transient states (start and tuples)`;
    throw new RangeError(`${what}, more than the ${MARKOV_MAX_STATES} the exact solve takes: choose a lower order`);
  }

  const present = new Uint8Array(channelCount);
  for (const channel of paths.channels) present[channel] = 1;
  const observed: number[] = [];
  present.forEach((isPresent, channel) => isPresent && observed.push(channel));

  const withoutChannel = new Float64Array(channelCount);
  let conversionProbability: number | undefined;
  const mark = new Uint8Array(channelCount);
  const containsMarked = (state: number): boolean => {
    for (let t = state * order; t < (state + 1) * order; t++) {
      const channel = int32At(tuples, t);
      if (channel >= 0 && mark[channel] === 1) return true;
    }
    return false;
  };

  // Every removal problem is the chain minus the states holding one channel. Split the channels in halves: the states
  // holding no channel of a half belong to every problem of that half, so they are eliminated once for all of them.
  // This costs a few full solves instead of one per channel.
  const solveRemovals = (chain: Chain, group: number[]): void => {
    if (group.length === 1) {
      // Left: start and the states holding the channel; spec 6: entering them means null.
      const channel = group[0] as number;
      let away = float64At(chain.conv, 0);
      for (let j = 0; j < chain.size; j++) away += j === 0 ? float64At(chain.exit, 0) : float64At(chain.weights, j);
      withoutChannel[channel] = float64At(chain.conv, 0) / away;
      conversionProbability ??= conversionFromStart(chain);
      return;
    }
    const half = group.length >> 1;
    for (const part of [group.slice(0, half), group.slice(half)]) {
      mark.fill(0);
      for (const channel of part) mark[channel] = 1;
      solveRemovals(
        eliminate(chain, (local) => containsMarked(int32At(chain.state, local))),
        part,
      );
    }
  };
  solveRemovals(countedChain(paths, size, stateAt), observed);

  const probability = conversionProbability ?? 0;
  for (const channel of observed) {
    const effect = probability > 0 ? 1 - float64At(withoutChannel, channel) / probability : 0;
    // Removing a channel only takes conversions away; the clamp is for rounding.
    removalEffects[channel] = Math.min(1, Math.max(0, effect));
  }
  return { conversionProbability: probability, removalEffects, states };
}

/** Up to this many possible state keys are looked up in a table rather than a Map. */
const DENSE_KEYS = 1 << 20;

/** Numbers the observed states: 0 = start, then each tuple of the last up-to-k channels in order of appearance. */
function observedStates(paths: PathSet, order: number): { size: number; stateAt: Int32Array; tuples: Int32Array } {
  const { channels, offsets, channelCount } = paths;
  const base = channelCount + 1;
  if (base ** order > Number.MAX_SAFE_INTEGER) {
    throw new RangeError(`${channelCount} channels are too many for an order-${order} Markov chain`);
  }
  // Every key has a slot in a table when there are few (order 1 or 2 over a few dozen channels): a Map lookup per
  // touch was a third of the solve at a million small journeys.
  const dense = base ** order <= DENSE_KEYS ? new Int32Array(base ** order).fill(-1) : null;
  const ids = new Map<number, number>();
  const tuples: number[] = new Array<number>(order).fill(-1);
  const stateAt = new Int32Array(channels.length);
  for (let p = 0; p + 1 < offsets.length; p++) {
    const first = int32At(offsets, p);
    const end = int32At(offsets, p + 1);
    for (let i = first; i < end; i++) {
      const from = Math.max(first, i - order + 1);
      // Digits 1..channelCount in base channelCount + 1: distinct for every tuple, of any length up to k.
      let key = 0;
      for (let j = from; j <= i; j++) key = key * base + int32At(channels, j) + 1;
      let id = dense === null ? ids.get(key) : int32At(dense, key);
      if (id === undefined || id < 0) {
        id = tuples.length / order;
        if (dense === null) ids.set(key, id);
        else dense[key] = id;
        for (let j = 0; j < order; j++) tuples.push(from + j <= i ? int32At(channels, from + j) : -1);
      }
      stateAt[i] = id;
    }
  }
  return { size: tuples.length / order, stateAt, tuples: Int32Array.from(tuples) };
}

/**
 * An absorbing chain over transient states 0..size-1 (0 = start), in transition counts rather than probabilities
 * (each row scaled by its state's visits, which changes no absorption probability). Self-loops are left out.
 */
interface Chain {
  size: number;
  /** weights[i * size + j]: transitions from i to j, i ≠ j. */
  weights: Float64Array;
  /** Transitions from i to conversion, and to null (or to a removed state). */
  conv: Float64Array;
  exit: Float64Array;
  /** Observed-state id of each local state. */
  state: Int32Array;
}

function countedChain(paths: PathSet, size: number, stateAt: Int32Array): Chain {
  const { offsets, converted, counts } = paths;
  const chain: Chain = {
    size,
    weights: new Float64Array(size * size),
    conv: new Float64Array(size),
    exit: new Float64Array(size),
    state: Int32Array.from({ length: size }, (_, i) => i),
  };
  for (let p = 0; p < converted.length; p++) {
    const first = int32At(offsets, p);
    const end = int32At(offsets, p + 1);
    if (end === first) continue;
    const journeys = counts === undefined ? 1 : float64At(counts, p);
    let previous = 0;
    for (let i = first; i < end; i++) {
      const state = int32At(stateAt, i);
      if (state !== previous) chain.weights[previous * size + state]! += journeys;
      previous = state;
    }
    if (converted[p] === 1) chain.conv[previous]! += journeys;
    else chain.exit[previous]! += journeys;
  }
  return chain;
}

/** Eliminates every state but those kept (start always stays) and returns the chain they form, on a copy. */
function eliminate(chain: Chain, keep: (local: number) => boolean): Chain {
  const m = chain.size;
  const weights = chain.weights.slice();
  const conv = chain.conv.slice();
  const exit = chain.exit.slice();
  const alive = new Uint8Array(m).fill(1);
  const targets = new Int32Array(m);
  // Gaussian elimination of I - Q in the GTH form: eliminating p reroutes each transition i → p over p's exits,
  // in proportion. Only non-negative numbers are ever added (a pivot is p's total outflow, not 1 - q_pp), so no
  // cancellation and no pivoting: I - Q is a row diagonally dominant M-matrix and every Schur complement stays one.
  for (let p = 1; p < m; p++) {
    if (keep(p)) continue;
    alive[p] = 0;
    const row = p * m;
    let out = float64At(conv, p) + float64At(exit, p);
    let count = 0;
    for (let j = 0; j < m; j++) {
      const weight = float64At(weights, row + j);
      if (weight > 0 && alive[j] === 1) {
        targets[count++] = j;
        out += weight;
      }
    }
    // out > 0: every observed state reaches conversion or null.
    const convShare = float64At(conv, p) / out;
    const exitShare = float64At(exit, p) / out;
    for (let i = 0; i < m; i++) {
      const into = float64At(weights, i * m + p);
      if (into === 0 || alive[i] === 0) continue;
      weights[i * m + p] = 0;
      const share = into / out;
      const at = i * m;
      // The O(m³) step reads the arrays directly: through int32At and float64At, order 2 ran a third slower.
      for (let t = 0; t < count; t++) {
        const j = targets[t] as number;
        if (j !== i) weights[at + j]! += share * (weights[row + j] as number); // i → p → i is a self-loop: dropped
      }
      conv[i]! += into * convShare;
      exit[i]! += into * exitShare;
    }
  }
  return compact({ size: m, weights, conv, exit, state: chain.state }, alive);
}

function compact(chain: Chain, alive: Uint8Array): Chain {
  const kept: number[] = [];
  alive.forEach((isAlive, local) => isAlive && kept.push(local));
  const size = kept.length;
  const weights = new Float64Array(size * size);
  kept.forEach((from, i) =>
    kept.forEach((to, j) => (weights[i * size + j] = float64At(chain.weights, from * chain.size + to))),
  );
  const pick = (values: Float64Array): Float64Array => Float64Array.from(kept, (local) => float64At(values, local));
  return {
    size,
    weights,
    conv: pick(chain.conv),
    exit: pick(chain.exit),
    state: Int32Array.from(kept, (local) => int32At(chain.state, local)),
  };
}

/** P(conversion) from start, every other state eliminated. */
function conversionFromStart(chain: Chain): number {
  const start = eliminate(chain, () => false);
  const conv = float64At(start.conv, 0);
  const total = conv + float64At(start.exit, 0);
  return total > 0 ? conv / total : 0;
}
