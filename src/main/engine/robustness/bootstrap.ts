import { weightsOf } from '../../../shared/modelOptions';
import { float64At, int32At } from '../arrays/read';
import { attribute, pathsOf } from '../models/attribute';
import { channelWeightCredits } from '../models/credit';
import { journeyRange } from '../models/journeys';
import { markovRemovalEffects } from '../models/markov';
import type { PathSet } from '../models/paths';
import { mulberry32 } from '../models/random';
import { shapleyValues } from '../models/shapley';
import { addCredits, emptySums, figuresOf } from './figures';
import type { ScopedInput } from './scopedInput';

/**
 * Sampling uncertainty (spec 13): B resamples, drawn with replacement, of the in-scope opportunities that have a
 * journey, i.e. the won and lost ones (open deals enter no figure here; a won deal with no touch is drawn like any
 * other and adds its amount to nothing credited). A resample only changes how many times each deal counts: the
 * journeys are reused, and so are the credits of a model whose credits do not depend on other deals (position
 * models, linear, time decay). Markov and Shapley learn their channel weights again from the resample's won and
 * lost paths, each path counted as often as its deal was drawn. The interval is the 2.5th to 97.5th percentile of the
 * resamples' values, interpolated between order statistics (the usual "type 7" definition).
 *
 * Stepped one resample at a time, so a caller can report progress and stop between two (bootstrapRun.ts).
 */
export interface Bootstrap {
  readonly total: number;
  readonly done: number;
  /** How many opportunities each resample draws. */
  readonly opportunities: number;
  /** Runs the next resample. */
  step(): void;
  /** Per figure, the interval over the resamples run so far (all of them once done = total). */
  intervals(): { low: Float64Array; high: Float64Array };
}

export function createBootstrap(input: ScopedInput, resamples: number, seed: number): Bootstrap {
  const { data, journeys, layout, options } = input;
  const n = journeys.count;
  const random = mulberry32(seed);
  const samples = new Float64Array(resamples * layout.size);
  const times = new Int32Array(n);
  const learnsWeights = weightsOf(options) === null && (options.model === 'markov' || options.model === 'shapley');
  // The credits no resample changes, computed once (a position model's per-touch credits are made on first read).
  const fixed = learnsWeights ? null : attribute(data, options, journeys, input.inScope).credits;
  const paths = learnsWeights ? pathsWithJourneys(input) : null;
  let done = 0;

  const creditsOf = (): Float64Array => {
    if (fixed) return fixed;
    const { set, journeyOf } = paths as { set: PathSet; journeyOf: Int32Array };
    const drawn = repeatPaths(set, journeyOf, times);
    const weights =
      options.model === 'markov'
        ? markovRemovalEffects(drawn, options.markovOrder).removalEffects
        : shapleyValues(drawn).values;
    return channelWeightCredits(data, journeys, weights);
  };

  return {
    total: resamples,
    opportunities: n,
    get done() {
      return done;
    },
    step() {
      if (done >= resamples) return;
      times.fill(0);
      for (let i = 0; i < n; i++) {
        const j = Math.floor(random() * n);
        times[j] = int32At(times, j) + 1;
      }
      const sums = emptySums(data);
      addCredits(data, journeys, creditsOf(), sums, times);
      for (let j = 0; j < n; j++) sums.roadmap += int32At(times, j) * float64At(input.roadmap, j);
      samples.set(figuresOf(layout, sums), done * layout.size);
      done++;
    },
    intervals() {
      const low = new Float64Array(layout.size);
      const high = new Float64Array(layout.size);
      const values = new Float64Array(done);
      for (let f = 0; f < layout.size; f++) {
        for (let b = 0; b < done; b++) values[b] = float64At(samples, b * layout.size + f);
        values.sort();
        low[f] = percentile(values, 0.025);
        high[f] = percentile(values, 0.975);
      }
      return { low, high };
    },
  };
}

/** The q-quantile of sorted values, interpolated between the two order statistics around (n - 1) q; NaN for none. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return float64At(sorted, lo) + (h - lo) * (float64At(sorted, hi) - float64At(sorted, lo));
}

/** The spec-6 paths of the input's journeys, and for each path the journey it is (pathsOf leaves out empty ones). */
function pathsWithJourneys(input: ScopedInput): { set: PathSet; journeyOf: Int32Array } {
  const { data, journeys, options } = input;
  const set = pathsOf(data, journeys, options.collapseRepeats);
  const journeyOf = new Int32Array(set.converted.length);
  let p = 0;
  for (let j = 0; j < journeys.count; j++) {
    const { start, end } = journeyRange(journeys, j);
    if (end > start) journeyOf[p++] = j;
  }
  return { set, journeyOf };
}

/** The paths of a resample: each path as many times as its deal was drawn. */
function repeatPaths(set: PathSet, journeyOf: Int32Array, times: Int32Array): PathSet {
  const pathCount = set.converted.length;
  let paths = 0;
  let length = 0;
  for (let p = 0; p < pathCount; p++) {
    const m = int32At(times, int32At(journeyOf, p));
    paths += m;
    length += m * (int32At(set.offsets, p + 1) - int32At(set.offsets, p));
  }
  const channels = new Int32Array(length);
  const offsets = new Int32Array(paths + 1);
  const converted = new Uint8Array(paths);
  let q = 0;
  let at = 0;
  for (let p = 0; p < pathCount; p++) {
    const m = int32At(times, int32At(journeyOf, p));
    const path = set.channels.subarray(int32At(set.offsets, p), int32At(set.offsets, p + 1));
    for (let r = 0; r < m; r++) {
      channels.set(path, at);
      at += path.length;
      converted[q] = set.converted[p] ?? 0;
      offsets[++q] = at;
    }
  }
  return { channelCount: set.channelCount, channels, offsets, converted };
}
