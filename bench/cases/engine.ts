/**
 * The engine at 1,000,000 touches (demo generator): loading the arrays once (and keeping them in the project as its
 * engine snapshot, then reading them back from it), then recomputing each model from them,
 * against the same full-path result computed with SQL window functions over the project (bench/sqlBaseline.ts).
 * Issue targets: position-model recompute under 100 ms, Markov order 1 under 500 ms, peak RSS under 1 GB; Shapley
 * values under 20 ms at the demo's 24 channels and exact at 60 (its channels split by touch, below).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateDemo } from '../../src/main/demo/generate';
import { attribute } from '../../src/main/engine/models/attribute';
import { breakdowns } from '../../src/main/engine/models/breakdowns';
import { computeCar } from '../../src/main/engine/models/car';
import { sankeyFlows } from '../../src/main/engine/models/flows';
import { pipelineAttribution, runPipeline } from '../../src/main/engine/pipeline/pipeline';
import { ENGINE_FILE_FORMAT } from '../../src/main/engine/arrays/engineFile';
import { buildJourneys } from '../../src/main/engine/models/journeys';
import { pathsOf } from '../../src/main/engine/models/attribute';
import { shapleyValues } from '../../src/main/engine/models/shapley';
import { Dictionary } from '../../src/main/engine/arrays/dictionary';
import type { Dataset } from '../../src/main/engine/arrays/dataset';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { readProjectSnapshot, saveEngineSnapshot } from '../../src/main/engine/arrays/projectSnapshot';
import { readDataRevision } from '../../src/main/store/dataRevision';
import { createProject } from '../../src/main/store/project';
import { APP_VERSION } from '../../src/shared/version';
import { MODEL_NAMES, modelOptionsSchema, weightsOf, type ModelName } from '../../src/shared/modelOptions';
import { fullPathByChannelSql } from '../sqlBaseline';
import { emit, peakRssMiB, time } from '../measure';

const scale = Number(process.env['BENCH_SCALE'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-engine-'));

/** Best of three: a recompute is what a slider repeats, so steady state is the figure that matters. */
function bestOf<T>(runs: number, work: () => T): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) best = Math.min(best, time(work).seconds);
  return best;
}

/** The middle of a list of times. */
function median(seconds: number[]): number {
  return [...seconds].sort((a, b) => a - b)[seconds.length >> 1] as number;
}

/**
 * The same data over `count` channels: id c + n·k is variant k of the demo's channel c (n channels), and each touch
 * takes one variant of its channel by its index. Deterministic, and every one of the `count` ids occurs.
 */
function splitChannels(data: Dataset, count: number): Dataset {
  const n = data.channels.size;
  const channels = new Dictionary();
  for (let id = 0; id < count; id++) channels.id(`${data.channels.values[id % n]} #${Math.floor(id / n) + 1}`);
  const variants = (c: number): number => Math.floor((count - 1 - c) / n) + 1;
  const channel = data.touches.channel.map((c, t) => c + n * (t % variants(c)));
  return { ...data, channels, touches: { ...data.touches, channel } };
}

try {
  const project = createProject(join(dir, 'demo.sqlite'), { name: 'Bench', currency: 'USD' });
  generateDemo(project.db, { scale });
  const sql = time(() => fullPathByChannelSql(project.db));
  const loadStart = performance.now();
  const { data, community } = loadEngineData(project.db);
  const loadSeconds = (performance.now() - loadStart) / 1000;
  // What an open reads instead (engine/arrays/projectSnapshot.ts): the same arrays, kept in the project by an earlier
  // load.
  const key = {
    format: ENGINE_FILE_FORMAT,
    appVersion: APP_VERSION,
    schemaVersion: project.db.pragma('user_version', { simple: true }) as number,
    revision: readDataRevision(project.db) as string,
  };
  const writeSeconds = time(() => {
    if (!saveEngineSnapshot(project.db, key, { arrays: { data, community }, memo: {} })) throw new Error('not kept');
  }).seconds;
  const snapshotBytes = project.db.prepare('SELECT sum(length(bytes)) FROM engine_snapshot').pluck().get() as number;
  const readSeconds = bestOf(3, () => {
    if (!project.db.transaction(() => readProjectSnapshot(project.db, key))()) throw new Error('not read back');
  });
  project.close();
  const won = Array.from(data.opportunities.stage).filter((stage) => stage === 0).length;
  const defaults = modelOptionsSchema.parse({});
  const journeys = buildJourneys(data, defaults);
  const journeySeconds = bestOf(3, () => buildJourneys(data, defaults));
  const common = { baseline: 'full path in SQL window functions', baselineSeconds: sql.seconds };
  const detail =
    `${data.touches.count.toLocaleString('en-US')} touches on known accounts, ` +
    `${won.toLocaleString('en-US')} won deals`;
  emit({ name: 'engine: load the arrays', detail, seconds: loadSeconds, ...common, peakRssMiB: peakRssMiB() });
  emit({
    name: 'engine: keep the arrays in the project (snapshot)',
    detail: `${detail}, ${(snapshotBytes / 1024 / 1024).toFixed(1)} MiB compressed`,
    seconds: writeSeconds,
    ...common,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: 'engine: read the arrays from the project snapshot, checked',
    detail,
    seconds: readSeconds,
    ...common,
    peakRssMiB: peakRssMiB(),
  });
  emit({ name: 'engine: build journeys', detail, seconds: journeySeconds, ...common, peakRssMiB: peakRssMiB() });

  const runs: [string, Record<string, unknown>][] = [
    ...MODEL_NAMES.filter((m: ModelName) => m !== 'custom' && m !== 'markov').map(
      (model) => [model, { model }] as [string, Record<string, unknown>],
    ),
    ['custom', { model: 'custom', weights: { FT: 10, LC: 20, OC: 30, CW: 30, MID: 10 } }],
    ['markov order 1', { model: 'markov', markovOrder: 1 }],
    ['markov order 2', { model: 'markov', markovOrder: 2 }],
  ];
  let fullPath: ReturnType<typeof attribute> | null = null;
  for (const [name, input] of runs) {
    const options = modelOptionsSchema.parse(input);
    const seconds = bestOf(3, () => attribute(data, options, journeys));
    if (name === 'full-path') fullPath = attribute(data, options, journeys);
    emit({ name: `engine: recompute ${name}`, detail, seconds, ...common, peakRssMiB: peakRssMiB() });
  }
  // spec 8: a weight change gives every aggregate a view shows (attribution, breakdowns, both Sankeys, CAR) from the
  // presence-pattern sums; the first run over a set of journeys builds those sums.
  {
    const memos = new Map<string, unknown>();
    const memo = <T>(key: string, compute: () => T): T => {
      if (!memos.has(key)) memos.set(key, compute());
      return memos.get(key) as T;
    };
    const everyView = (OC: number): void => {
      const options = modelOptionsSchema.parse({ model: 'custom', weights: { FT: 20, LC: 20, OC, CW: 20, MID: 10 } });
      const run = attribute(data, options, fresh);
      breakdowns(data, run);
      sankeyFlows(data, run, { scope: 'community' });
      sankeyFlows(data, run, { scope: 'all' });
      computeCar(data, community, run, {
        referralWindowDays: 180,
        roadmapShare: 0,
        seed: 42,
        weights: weightsOf(options) ?? undefined,
        memo,
      });
    };
    const fresh = buildJourneys(data, defaults);
    const first = time(() => everyView(20)).seconds;
    // A slider in use: the first moves after the sums are built also pay for the JIT and for collecting the first
    // run's garbage, so they are reported apart from the moves that follow.
    const moves = Array.from({ length: 31 }, (_, i) => time(() => everyView(21 + (i % 40))).seconds);
    emit({
      name: 'engine: first position-model run over new journeys (sums built)',
      detail: `${detail}; attribution, breakdowns, both Sankeys and CAR`,
      seconds: first,
      ...common,
      peakRssMiB: peakRssMiB(),
    });
    emit({
      name: 'engine: weight change to every aggregate, first 10 moves (median)',
      detail: `${detail}; attribution, breakdowns, both Sankeys and CAR, right after the first run`,
      seconds: median(moves.slice(0, 10)),
      ...common,
      peakRssMiB: peakRssMiB(),
    });
    emit({
      name: 'engine: weight change to every aggregate (median)',
      detail: `${detail}; attribution, breakdowns, both Sankeys and CAR, the 21 moves after those (target 2 ms)`,
      seconds: median(moves.slice(10)),
      ...common,
      peakRssMiB: peakRssMiB(),
    });
  }
  // spec 11: the same in pipeline mode (open deals as of the latest date), its views from pipelineAttribution.
  {
    const pipelineViews = (OC: number): void => {
      const options = modelOptionsSchema.parse({ model: 'custom', weights: { FT: 20, LC: 20, OC, CW: 20, MID: 10 } });
      const credited = pipelineAttribution(runPipeline({ data, community }, options));
      breakdowns(data, credited);
      sankeyFlows(data, credited, { scope: 'community' });
    };
    const first = time(() => pipelineViews(20)).seconds;
    const moves = Array.from({ length: 31 }, (_, i) => time(() => pipelineViews(21 + i)).seconds);
    emit({
      name: 'engine: first pipeline run (journeys to the as-of date, sums built)',
      detail: `${detail}; pipeline figures, breakdowns and the community Sankey`,
      seconds: first,
      ...common,
      peakRssMiB: peakRssMiB(),
    });
    emit({
      name: 'engine: pipeline weight change to every aggregate (median)',
      detail: `${detail}; pipeline figures, breakdowns and the community Sankey, moves 11 to 31 (target 2 ms)`,
      seconds: median(moves.slice(10)),
      ...common,
      peakRssMiB: peakRssMiB(),
    });
  }
  for (const channelCount of [data.channels.size, 60]) {
    const split = channelCount === data.channels.size ? data : splitChannels(data, channelCount);
    const paths = pathsOf(split, journeys, false);
    const seconds = bestOf(3, () => shapleyValues(paths));
    const { observedSets } = shapleyValues(paths);
    emit({
      name: `engine: Shapley values, ${channelCount} channels`,
      detail:
        `${detail}; from the ${(paths.offsets.length - 1).toLocaleString('en-US')} paths, already built: ` +
        `${observedSets.toLocaleString('en-US')} distinct channel sets`,
      seconds,
      ...common,
      peakRssMiB: peakRssMiB(),
    });
  }
  if (fullPath) {
    const run = fullPath;
    const seconds = bestOf(3, () =>
      computeCar(
        data,
        community,
        { journeys: run.journeys, credits: run.credits },
        { referralWindowDays: 180, roadmapShare: 0, seed: 42 },
      ),
    );
    emit({ name: 'engine: community revenue (CAR)', detail, seconds, ...common, peakRssMiB: peakRssMiB() });
    let worst = 0;
    for (const { channel, credit } of run.byChannel)
      worst = Math.max(worst, Math.abs(credit - (sql.result.get(channel) ?? 0)));
    process.stderr.write(`full path, engine vs SQL: largest difference per channel ${worst.toExponential(2)}\n`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
