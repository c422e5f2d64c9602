import { checkPathSet, type PathSet } from './paths';
import { mulberry32 } from './random';
import { float64At, int32At, uint8At } from '../arrays/read';

export interface ShapleyResult {
  /** phi(c) per channel id; 0 for a channel no path holds. Sums to v(N), the sum of every observed set's rate. */
  values: Float64Array;
  /** True when computed exactly over all coalitions, false for the Monte Carlo estimate. */
  exact: boolean;
  /** Permutations sampled; 0 when exact. */
  samples: number;
}

export interface ShapleyOptions {
  /** Seed of the permutation sampler: the same seed gives the same estimate. */
  seed?: number;
  /** Random permutations for the Monte Carlo estimate. */
  samples?: number;
  /** Exact up to this many channels present in the paths (spec 6: 15), Monte Carlo beyond; at most 20. */
  exactUpTo?: number;
}

/** Exact values take 2^n coalitions: 8 MB and well under a second at n = 20; beyond, only sampling makes sense. */
export const SHAPLEY_MAX_EXACT = 20;

const DEFAULTS = { seed: 1, samples: 2000, exactUpTo: 15 };

/**
 * Shapley values of spec 6's game: v(S) = sum over non-empty T ⊆ S of cr(T), cr(T) the conversion rate of the
 * journeys whose channel set is exactly T. Only channels present in the paths are players (n of them); exact when
 * n ≤ exactUpTo, otherwise a seeded Monte Carlo average over random permutations.
 */
export function shapleyValues(paths: PathSet, options: ShapleyOptions = {}): ShapleyResult {
  const { seed, samples, exactUpTo } = { ...DEFAULTS, ...options };
  if (!Number.isInteger(exactUpTo) || exactUpTo < 0 || exactUpTo > SHAPLEY_MAX_EXACT) {
    throw new RangeError(`exactUpTo must be an integer from 0 to ${SHAPLEY_MAX_EXACT}, got ${exactUpTo}`);
  }
  if (!Number.isInteger(samples) || samples < 1) {
    throw new RangeError(`samples must be a positive integer, got ${samples}`);
  }
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  checkPathSet(paths);

  const sets = observedSets(paths);
  const n = sets.players.length;
  const exact = n <= exactUpTo;
  const compactValues = exact ? exactValues(n, sets) : sampledValues(n, sets, samples, seed);
  const values = new Float64Array(paths.channelCount);
  sets.players.forEach((channel, player) => (values[channel] = float64At(compactValues, player)));
  return { values, exact, samples: exact ? 0 : samples };
}

/** The distinct channel sets of the non-empty paths, over players 0..n-1, with their conversion rates. */
interface ObservedSets {
  /** Channel id of each player, ascending. */
  players: Int32Array;
  /** Set s holds players members[offsets[s] .. offsets[s+1]). */
  members: Int32Array;
  offsets: Int32Array;
  /** cr(T) = won / (won + lost) of the journeys whose channel set is exactly T. */
  rates: Float64Array;
}

/** The first `count` of `members`, in ascending order. */
function sortedMembers(members: Int32Array, count: number): number[] {
  return Array.from(members.subarray(0, count)).sort((a, b) => a - b);
}

function observedSets({ channelCount, channels, offsets, converted }: PathSet): ObservedSets {
  const playerOf = new Int32Array(channelCount).fill(-1);
  for (const channel of channels) playerOf[channel] = 0;
  const players: number[] = [];
  playerOf.forEach((seen, channel) => {
    if (seen === 0) playerOf[channel] = players.push(channel) - 1;
  });

  // A set of up to 52 players is keyed by the sum of 2^player, exact in a double; a bigger one by its sorted list in
  // words. A list and a string made for each of a million paths were most of this at a million small journeys.
  const byMask = players.length <= 52;
  const bit = Float64Array.from(players, (_, player) => 2 ** player);
  const index = new Map<number | string, number>();
  const memberLists: number[][] = [];
  const won: number[] = [];
  const total: number[] = [];
  const stamp = new Int32Array(players.length).fill(-1);
  const members = new Int32Array(players.length);
  for (let p = 0; p < converted.length; p++) {
    let count = 0;
    let mask = 0;
    for (let i = int32At(offsets, p); i < int32At(offsets, p + 1); i++) {
      const player = int32At(playerOf, int32At(channels, i));
      if (stamp[player] !== p) {
        stamp[player] = p;
        members[count++] = player;
        mask += float64At(bit, player);
      }
    }
    if (count === 0) continue; // a journey without touches plays no part (spec 6)
    const list = byMask ? null : sortedMembers(members, count);
    const key = list === null ? mask : list.join(',');
    let set = index.get(key);
    if (set === undefined) {
      set = memberLists.push(list ?? sortedMembers(members, count)) - 1;
      index.set(key, set);
      won.push(0);
      total.push(0);
    }
    won[set]! += uint8At(converted, p);
    total[set]! += 1;
  }

  const setOffsets = new Int32Array(memberLists.length + 1);
  memberLists.forEach((members, set) => (setOffsets[set + 1] = int32At(setOffsets, set) + members.length));
  return {
    players: Int32Array.from(players),
    members: Int32Array.from(memberLists.flat()),
    offsets: setOffsets,
    rates: Float64Array.from(won, (wins, set) => wins / (total[set] as number)),
  };
}

/** phi over all 2^n coalitions: cr by bitmask, v by a subset-sum (zeta) transform, then the Shapley formula. */
function exactValues(n: number, { members, offsets, rates }: ObservedSets): Float64Array {
  if (n === 0) return new Float64Array(0);
  const size = 1 << n;
  const v = new Float64Array(size);
  rates.forEach((rate, set) => {
    let mask = 0;
    for (let i = int32At(offsets, set); i < int32At(offsets, set + 1); i++) mask |= 1 << int32At(members, i);
    v[mask] = rate;
  });
  for (let bit = 1; bit < size; bit <<= 1) {
    for (let mask = 0; mask < size; mask++) if (mask & bit) v[mask]! += float64At(v, mask ^ bit);
  }

  // weight[s] = s! (n - s - 1)! / n!, the chance that c finds exactly a given s-set before it in a random order.
  const weight = new Float64Array(n);
  weight[0] = 1 / n;
  for (let s = 0; s + 1 < n; s++) weight[s + 1] = (float64At(weight, s) * (s + 1)) / (n - 1 - s);
  const popcount = new Uint8Array(size);
  for (let mask = 1; mask < size; mask++) popcount[mask] = uint8At(popcount, mask >> 1) + (mask & 1);

  const phi = new Float64Array(n);
  for (let mask = 0; mask < size; mask++) {
    const before = float64At(v, mask);
    const w = float64At(weight, uint8At(popcount, mask));
    for (let c = 0; c < n; c++) {
      const bit = 1 << c;
      if (!(mask & bit)) phi[c]! += w * (float64At(v, mask | bit) - before);
    }
  }
  return phi;
}

/**
 * The mean over random permutations of each player's marginal contribution v(S ∪ {c}) - v(S). That contribution is
 * the sum of cr(T) over the observed sets T that c completes, so each permutation credits every observed set's rate
 * to whichever of its members comes last: O(sum of set sizes) per permutation, never a coalition enumerated.
 */
function sampledValues(
  n: number,
  { members, offsets, rates }: ObservedSets,
  samples: number,
  seed: number,
): Float64Array {
  const random = mulberry32(seed);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const position = new Int32Array(n);
  const credit = new Float64Array(n);
  for (let sample = 0; sample < samples; sample++) {
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      const swap = int32At(order, i);
      order[i] = int32At(order, j);
      order[j] = swap;
    }
    order.forEach((player, at) => (position[player] = at));
    for (let set = 0; set < rates.length; set++) {
      const rate = float64At(rates, set);
      if (rate === 0) continue;
      let last = -1;
      let lastAt = -1;
      // Runs samples × the sum of set sizes times, so it reads the arrays directly: through int32At, 15% slower.
      for (let i = offsets[set] as number; i < (offsets[set + 1] as number); i++) {
        const player = members[i] as number;
        if ((position[player] as number) > lastAt) {
          lastAt = position[player] as number;
          last = player;
        }
      }
      credit[last]! += rate;
    }
  }
  return credit.map((total) => total / samples);
}
