import { int32At } from '../arrays/read';

/** Journeys as channel sequences (spec 6): channel ids 0..channelCount-1, in touch order. */
export interface PathSet {
  channelCount: number;
  /** Concatenated channel ids of all paths; path p is channels[offsets[p] .. offsets[p+1]). */
  channels: Int32Array;
  offsets: Int32Array; // length = pathCount + 1
  /** 1 = won (converting), 0 = lost (null path). */
  converted: Uint8Array;
  /**
   * How many journeys each path stands for, when the paths come as a path summary (warehouse SQL, spec 6: one row
   * per distinct path with its conversions and nulls); each path is one journey when absent. Counting a path n times
   * is the same chain and the same conversion rates as n copies of it, without the copies.
   */
  counts?: Float64Array;
}

/** Packs plain arrays into a PathSet (for tests and small callers); the models skip empty paths. */
export function pathSetFrom(paths: { channels: number[]; converted: boolean }[], channelCount: number): PathSet {
  const offsets = new Int32Array(paths.length + 1);
  const converted = new Uint8Array(paths.length);
  let total = 0;
  paths.forEach((path, p) => {
    total += path.channels.length;
    offsets[p + 1] = total;
    converted[p] = path.converted ? 1 : 0;
  });
  const channels = new Int32Array(total);
  let at = 0;
  for (const path of paths) for (const channel of path.channels) channels[at++] = channel;
  const set = { channelCount, channels, offsets, converted };
  checkPathSet(set);
  return set;
}

/** Throws a RangeError unless the offsets are well formed and every channel id is in 0..channelCount-1. */
export function checkPathSet(paths: PathSet): void {
  const { channelCount, channels, offsets, converted } = paths;
  if (!Number.isInteger(channelCount) || channelCount < 0) {
    throw new RangeError(`channelCount must be a non-negative integer, got ${channelCount}`);
  }
  if (offsets.length !== converted.length + 1 || offsets[0] !== 0 || offsets[converted.length] !== channels.length) {
    throw new RangeError('a path set needs offsets[0] = 0, offsets[pathCount] = channels.length, one flag per path');
  }
  for (let p = 0; p < converted.length; p++) {
    if (int32At(offsets, p + 1) < int32At(offsets, p)) throw new RangeError(`path ${p} has negative length`);
  }
  if (paths.counts !== undefined) {
    if (paths.counts.length !== converted.length) throw new RangeError('a path set needs one count per path');
    // A path standing for no journey would add a state nothing leaves: the summary reader drops such rows.
    for (const count of paths.counts) {
      if (!(Number.isFinite(count) && count > 0)) throw new RangeError(`a path's count must be positive, got ${count}`);
    }
  }
  for (let i = 0; i < channels.length; i++) {
    const channel = int32At(channels, i);
    if (channel < 0 || channel >= channelCount) {
      throw new RangeError(`channel id ${channel} is outside 0..${channelCount - 1}`);
    }
  }
}
