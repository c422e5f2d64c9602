import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { plural } from '../../../shared/plural';
import { DEFAULT_DEMO_SCALE, generateDemo, type DemoStats } from '../../demo/generate';
import { createProject } from '../../store/project';
import { exactlyOne, parseCommandArgs, positiveInteger, wholeNumber } from '../args';
import { EXIT, type CliIo } from '../io';
import { showStatus } from '../progress';
import { keepEngineSnapshotForCli } from '../project';

const OPTIONS = { scale: { type: 'string' }, seed: { type: 'string' } } as const;
const DEMO_NAME = 'Tributary Demo';

/** Each count's noun, one and many. */
const LABELS: Record<keyof DemoStats, [string, string]> = {
  accounts: ['account', 'accounts'],
  contacts: ['contact', 'contacts'],
  opportunities: ['opportunity', 'opportunities'],
  touchpoints: ['touchpoint', 'touchpoints'],
  communityMembers: ['community member', 'community members'],
  communityActions: ['community action', 'community actions'],
  features: ['feature', 'features'],
  opportunityFeatures: ['opportunity feature', 'opportunity features'],
};

/** `tributary demo <project>`: a new project filled by the demo generator. */
export function runDemo(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = resolve(exactlyOne(positionals, '<project>'));
  const scale = values.scale === undefined ? DEFAULT_DEMO_SCALE : positiveInteger('--scale', values.scale);
  const seed = values.seed === undefined ? undefined : wholeNumber('--seed', values.seed);

  const started = performance.now();
  const project = createProject(path, { name: DEMO_NAME, currency: 'USD' });
  const status = showStatus(io, `Generating demo data (scale ${scale})`);
  let stats: DemoStats;
  try {
    stats = generateDemo(project.db, seed === undefined ? { scale } : { scale, seed });
  } catch (error) {
    // The file is ours, made a moment ago: a half-filled demo is worth nothing, so it goes.
    project.close();
    for (const file of [path, `${path}-wal`, `${path}-shm`]) rmSync(file, { force: true });
    throw error;
  } finally {
    status.clear();
  }
  try {
    keepEngineSnapshotForCli(project, io);
  } finally {
    project.close();
  }

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  io.stdout(`Created demo project ${path}: ${describeStats(stats)} in ${seconds} s.\n`);
  return EXIT.ok;
}

export function describeStats(stats: DemoStats): string {
  return (Object.keys(LABELS) as (keyof DemoStats)[]).map((key) => plural(stats[key], ...LABELS[key])).join(', ');
}
