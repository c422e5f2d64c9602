/**
 * Robustness of the answer (spec 13, issue 18) at 1,000,000 touches (demo generator): weight sensitivity over both
 * regions (the ±10 neighbourhood and the whole simplex), the spread over the twelve built-in models, and 200
 * bootstrap resamples of a position model; Markov's bootstrap, which learns its weights again in each resample, is
 * timed over 20 resamples. Targets: sensitivity within 1 s, spread within 2 s, 200 resamples within 60 s. The
 * baseline is one full-path run over the same journeys (what a slider move costs the engine).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../src/main/demo/generate';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { attribute } from '../../src/main/engine/models/attribute';
import { buildJourneys } from '../../src/main/engine/models/journeys';
import { createBootstrap } from '../../src/main/engine/robustness/bootstrap';
import { modelSpread } from '../../src/main/engine/robustness/modelSpread';
import { scopedInput } from '../../src/main/engine/robustness/scopedInput';
import { weightSensitivity } from '../../src/main/engine/robustness/weightSensitivity';
import { createProject } from '../../src/main/store/project';
import { modelOptionsSchema, PRESET_WEIGHTS } from '../../src/shared/modelOptions';
import { DEFAULT_RESAMPLES, DEFAULT_ROBUSTNESS_DELTA } from '../../src/shared/robustness';
import { emit, peakRssMiB, time } from '../measure';

const scale = Number(process.env['BENCH_SCALE'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-robustness-'));

try {
  const project = createProject(join(dir, 'demo.sqlite'), { name: 'Bench', currency: 'USD' });
  generateDemo(project.db, { scale });
  const engineData = loadEngineData(project.db);
  project.close();
  const { data } = engineData;
  const journeyCache = new Map<string, ReturnType<typeof buildJourneys>>();
  const dataset = {
    ...engineData,
    journeys: (options: Parameters<typeof buildJourneys>[1]) => {
      const key = `${options.lookbackDays}/${options.upgradePolicy}`;
      let built = journeyCache.get(key);
      if (!built) journeyCache.set(key, (built = buildJourneys(data, options)));
      return built;
    },
  };
  const fullPath = modelOptionsSchema.parse({ model: 'full-path' });
  const input = scopedInput(dataset, fullPath);
  const detail = `${data.touches.count.toLocaleString('en-US')} touches, ${input.journeys.count.toLocaleString('en-US')} won and lost deals`;
  const baselineSeconds = time(() => attribute(data, fullPath, input.journeys, input.inScope)).seconds;
  const common = { baseline: 'one full-path run over the same journeys', baselineSeconds };

  const sensitivity = time(() =>
    weightSensitivity(data, input.journeys, input.layout, PRESET_WEIGHTS['full-path'], DEFAULT_ROBUSTNESS_DELTA, 0),
  );
  const { points } = sensitivity.result;
  emit({
    name: 'robustness: weight sensitivity, both regions',
    detail: `${detail}; ${points.near} weightings within ±10, ${points.all} over the simplex`,
    seconds: sensitivity.seconds,
    ...common,
    peakRssMiB: peakRssMiB(),
  });

  const spread = time(() => modelSpread(input));
  emit({
    name: 'robustness: spread over the 12 built-in models',
    detail,
    seconds: spread.seconds,
    ...common,
    peakRssMiB: peakRssMiB(),
  });

  for (const [model, resamples] of [
    ['full-path', DEFAULT_RESAMPLES],
    ['markov', 20],
  ] as const) {
    const modelInput = model === 'full-path' ? input : scopedInput(dataset, modelOptionsSchema.parse({ model }));
    const seconds = time(() => {
      const bootstrap = createBootstrap(modelInput, resamples, 42);
      while (bootstrap.done < bootstrap.total) bootstrap.step();
      bootstrap.intervals();
    }).seconds;
    emit({
      name: `robustness: bootstrap, ${model}, ${resamples} resamples`,
      detail,
      seconds,
      ...common,
      peakRssMiB: peakRssMiB(),
    });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
