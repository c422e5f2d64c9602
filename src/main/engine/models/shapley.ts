import { checkPathSet, type PathSet } from './paths';
import { float64At, int32At, uint8At } from '../arrays/read';

export interface ShapleyResult {
  /** phi(c) per channel id; 0 for a channel no path holds. Sums to v(N), the sum of every observed set's rate. */
  values: Float64Array;
  /** How many distinct channel sets the paths hold: the terms of the sum. */
  observedSets: number;
}

/**
 * Shapley values of spec 6's game: v(S) = sum over non-empty T ⊆ S of cr(T), cr(T) the conversion rate of the
 * journeys whose channel set is exactly T. v is a sum of unanimity games, one per observed set T with weight cr(T),
 * and each such game's Shapley value gives cr(T) / |T| to every member of T. So phi(c) = sum over observed T ∋ c of
 * cr(T) / |T|: exact at any number of channels, in time linear in the paths, with no sampling and so no seed.
 */
export function shapleyValues(paths: PathSet): ShapleyResult {
  checkPathSet(paths);
  const { members, offsets, rates } = observedSets(paths);
  const values = new Float64Array(paths.channelCount);
  for (let set = 0; set < rates.length; set++) {
    const start = int32At(offsets, set);
    const end = int32At(offsets, set + 1);
    const share = float64At(rates, set) / (end - start);
    for (let i = start; i < end; i++) {
      const channel = int32At(members, i);
      values[channel] = float64At(values, channel) + share;
    }
  }
  return { values, observedSets: rates.length };
}

/** The distinct channel sets of the non-empty paths with their conversion rates. */
export interface ObservedSets {
  /** Set s holds the channels members[offsets[s] .. offsets[s+1]), in the order its first path met them. */
  members: Int32Array;
  offsets: Int32Array;
  /** cr(T) = won / (won + lost) of the journeys whose channel set is exactly T. */
  rates: Float64Array;
  /** The journeys of each set, and the won ones among them (counts: a path summary's paths stand for several). */
  journeys: Float64Array;
  won: Float64Array;
}

/**
 * Groups the paths by channel set in one pass over their touches. A path's distinct channels are written where a new
 * set would start and looked up in an open-addressing table by a hash that ignores their order (a sum of per-channel
 * hashes), so nothing is sorted; a set found there is equal when it has as many channels, all of them in this path,
 * so a hash collision never merges two sets. Typed arrays throughout: a Map keyed by strings of sorted ids took
 * twice as long at 1M touches.
 */
export function observedSets({ channelCount, channels, offsets, converted, counts }: PathSet): ObservedSets {
  const pathCount = converted.length;
  // No more sets than paths, and no more members than touches.
  const members = new Int32Array(channels.length);
  const setOffsets = new Int32Array(pathCount + 1);
  const won = new Float64Array(pathCount);
  const total = new Float64Array(pathCount);
  const slots = new Int32Array(tableSize(pathCount)).fill(-1);
  const mask = slots.length - 1;
  // mix(0) = 0, so ids shift by one: otherwise S and S with channel 0 added would always share a slot.
  const channelHash = Int32Array.from({ length: channelCount }, (_, channel) => mix(channel + 1));
  // stamp[c] = p while path p is read: c is in it.
  const stamp = new Int32Array(channelCount).fill(-1);
  let sets = 0;
  for (let p = 0; p < pathCount; p++) {
    const start = int32At(setOffsets, sets);
    let end = start;
    let hash = 0;
    for (let i = int32At(offsets, p); i < int32At(offsets, p + 1); i++) {
      const channel = int32At(channels, i);
      if (int32At(stamp, channel) !== p) {
        stamp[channel] = p;
        members[end++] = channel;
        hash = (hash + int32At(channelHash, channel)) | 0;
      }
    }
    if (end === start) continue; // a journey without touches plays no part (spec 6)
    let slot = hash & mask;
    let set = int32At(slots, slot);
    while (set !== -1 && !holdsExactly(members, setOffsets, set, stamp, p, end - start)) {
      slot = (slot + 1) & mask;
      set = int32At(slots, slot);
    }
    if (set === -1) {
      set = sets++;
      slots[slot] = set;
      setOffsets[sets] = end;
    }
    const journeys = counts === undefined ? 1 : float64At(counts, p);
    won[set] = float64At(won, set) + uint8At(converted, p) * journeys;
    total[set] = float64At(total, set) + journeys;
  }
  const rates = new Float64Array(sets);
  for (let set = 0; set < sets; set++) rates[set] = float64At(won, set) / float64At(total, set);
  return {
    members,
    offsets: setOffsets.subarray(0, sets + 1),
    rates,
    journeys: total.subarray(0, sets),
    won: won.subarray(0, sets),
  };
}

/** A power of two at least twice the number of keys, so probe runs stay short. */
function tableSize(keys: number): number {
  let size = 16;
  while (size < 2 * keys) size *= 2;
  return size;
}

/** murmur3's 32-bit finaliser: the low bits (the slot) depend on every bit of the input. */
function mix(value: number): number {
  let hash = Math.imul(value ^ (value >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return hash ^ (hash >>> 16);
}

/** Whether set `set` is exactly the channels of path `path` (`size` of them, stamped with the path's index). */
function holdsExactly(
  members: Int32Array,
  offsets: Int32Array,
  set: number,
  stamp: Int32Array,
  path: number,
  size: number,
): boolean {
  const start = int32At(offsets, set);
  if (int32At(offsets, set + 1) - start !== size) return false;
  for (let i = start; i < start + size; i++) if (int32At(stamp, int32At(members, i)) !== path) return false;
  return true;
}
