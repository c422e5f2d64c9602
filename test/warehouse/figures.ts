import type Database from 'better-sqlite3';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { COMMUNITY, isWon } from '../../src/main/engine/arrays/dataset';
import { pathSummary } from '../../src/main/engine/models/pathSummary';
import { runModel } from '../../src/main/engine/run';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import type { SqlOptions } from '../../src/main/warehouse/sql/contract';
import { resolveSqlOptions } from '../../src/main/warehouse/sql/options';
import type { Row, SqlEngine } from './sqlEngines';

/** Every figure the SQL path produces, in a form both sides can be compared in. */
export interface Figures {
  /** model -> `opportunity|kind|touch` -> credit, for every touch of every won journey. */
  credits: Record<string, Record<string, number>>;
  wonRevenue: number;
  unattributedRevenue: number;
  unattributed: string[];
  /** model -> category -> measure -> value ('all' is the overall CAR). */
  car: Record<string, Record<string, Record<string, number | null>>>;
  /** Won deals the community sourced: id -> `source action`. */
  sourced: Record<string, string>;
  /** model -> position -> attributed CAR. */
  positions: Record<string, Record<string, number>>;
  communityTouchesPerWonDeal: number;
  /** JSON path -> [conversions, nulls, value, JSON channel set]. */
  paths: Record<string, [number, number, number, string]>;
}

/** spec 6: a path's distinct channels in code-point order (the byte order of their UTF-8), as JSON. */
const channelSetOf = (path: string[]): string =>
  JSON.stringify([...new Set(path)].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b))));

const key = (opportunity: string, kind: string, touch: string): string => `${opportunity}|${kind}|${touch}`;

/** The built-in engine's figures (engine/run.ts, the one way every shell runs a model) for each SQL model. */
export function engineFigures(db: Database.Database, options: SqlOptions): Figures {
  const resolved = resolveSqlOptions(options);
  const engineData = loadEngineData(db);
  const figures: Figures = {
    credits: {},
    wonRevenue: 0,
    unattributedRevenue: 0,
    unattributed: [],
    car: {},
    sourced: {},
    paths: {},
    positions: {},
    communityTouchesPerWonDeal: 0,
  };
  for (const { model } of resolved.models) {
    const modelOptions = modelOptionsSchema.parse({
      model,
      ...(model === 'custom' ? { weights: options.weights } : {}),
      halfLifeDays: resolved.halfLifeDays,
      lookbackDays: resolved.lookbackDays,
      upgradePolicy: resolved.upgradePolicy,
      referralWindowDays: resolved.referralWindowDays,
      collapseRepeats: resolved.collapseRepeats,
      scope: options.scope ?? {},
    });
    const run = runModel(engineData, modelOptions);
    const { data, attribution } = run;
    const { journeys, credits } = attribution;
    const perTouch: Record<string, number> = {};
    for (let j = 0; j < journeys.count; j++) {
      const o = journeys.opportunity[j] as number;
      if (!isWon(data.opportunities, o)) continue;
      for (let k = journeys.start[j] as number; k < (journeys.start[j + 1] as number); k++) {
        const touch = journeys.touch[k] as number;
        const kind = data.touches.kind[touch] === COMMUNITY ? 'community' : 'marketing';
        perTouch[key(data.opportunities.id[o] as string, kind, data.touches.id[touch] as string)] = credits[
          k
        ] as number;
      }
    }
    figures.credits[model] = perTouch;
    figures.wonRevenue = attribution.revenue;
    figures.unattributedRevenue = attribution.unattributed;
    figures.unattributed = attribution.unattributedOpportunities.map((o) => data.opportunities.id[o] as string).sort();
    const car = run.car();
    const c = car.byCategory;
    figures.car[model] = {
      all: { attributed: car.attributed, influenced: car.influenced, sourced: car.sourced },
      internal_referral: { ...c.internal_referral, influenced: null },
      external_referral: { ...c.external_referral, influenced: null },
      job_move: { ...c.job_move, influenced: null },
      upgrade: { ...c.upgrade },
      engagement: { attributed: c.engagement.attributed, influenced: null, sourced: null },
    };
    figures.positions[model] = { ...car.attributedByPosition };
    figures.communityTouchesPerWonDeal = car.communityTouchesPerWonDeal;
    figures.sourced = Object.fromEntries(
      car.sourcedOpportunities.map((s) => [s.opportunityId, `${s.source} ${s.actionId}`]),
    );
    figures.paths = Object.fromEntries(
      pathSummary(data, journeys, resolved.collapseRepeats).map((row) => [
        JSON.stringify(row.path),
        [row.conversions, row.nulls, row.value, channelSetOf(row.path)],
      ]),
    );
  }
  return figures;
}

const num = (value: unknown): number => (typeof value === 'bigint' ? Number(value) : (value as number));
const numOrNull = (value: unknown): number | null => (value === null ? null : num(value));

/** The same figures read from the tables the generated script made. */
export async function sqlFigures(engine: SqlEngine): Promise<Figures> {
  const figures: Figures = {
    credits: {},
    wonRevenue: 0,
    unattributedRevenue: 0,
    unattributed: [],
    car: {},
    sourced: {},
    paths: {},
    positions: {},
    communityTouchesPerWonDeal: 0,
  };
  // Every model has its CAR rows, credited touches or not.
  for (const row of await engine.all('SELECT DISTINCT model FROM tributary_car'))
    figures.credits[row.model as string] = {};
  for (const row of await engine.all('SELECT * FROM tributary_credits')) {
    const perTouch = (figures.credits[row.model as string] ??= {});
    perTouch[key(row.opportunity_id as string, row.touch_kind as string, row.touch_id as string)] = num(row.credit);
  }
  const [revenue] = (await engine.all('SELECT * FROM tributary_revenue')) as [Row];
  figures.wonRevenue = num(revenue.won_revenue);
  figures.unattributedRevenue = num(revenue.unattributed_revenue);
  figures.unattributed = (await engine.all('SELECT opportunity_id FROM tributary_unattributed'))
    .map((row) => row.opportunity_id as string)
    .sort();
  for (const row of await engine.all('SELECT * FROM tributary_car')) {
    (figures.car[row.model as string] ??= {})[row.category as string] = {
      attributed: numOrNull(row.attributed),
      influenced: numOrNull(row.influenced),
      sourced: numOrNull(row.sourced),
    };
  }
  for (const row of await engine.all("SELECT * FROM tributary_sourced WHERE stage = 'won'")) {
    figures.sourced[row.opportunity_id as string] = `${row.source as string} ${row.action_id as string}`;
  }
  for (const row of await engine.all('SELECT * FROM tributary_car_positions')) {
    (figures.positions[row.model as string] ??= {})[row.position as string] = num(row.attributed);
  }
  const [touches] = (await engine.all('SELECT per_won_deal FROM tributary_community_touches')) as [Row];
  figures.communityTouchesPerWonDeal = num(touches.per_won_deal);
  for (const row of await engine.all('SELECT * FROM tributary_path_summary')) {
    figures.paths[JSON.stringify(JSON.parse(row.path as string))] = [
      num(row.conversions),
      num(row.nulls),
      num(row.value),
      JSON.stringify(JSON.parse(row.channel_set as string)),
    ];
  }
  return figures;
}

/** Relative difference, 0 when both are 0. */
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/**
 * The differences between two sets of figures: every number must agree to 1e-9 relative (or 1e-9 absolute near 0,
 * where a sum of credits that cancel is only as exact as its terms), every id and label exactly. Empty = equal.
 */
export function differences(expected: Figures, actual: Figures): string[] {
  const out: string[] = [];
  const close = (what: string, a: number | null | undefined, b: number | null | undefined): void => {
    if (a === null || a === undefined || b === null || b === undefined) {
      if (a !== b && !(a == null && b == null)) out.push(`${what}: expected ${a}, got ${b}`);
      return;
    }
    if (relative(a, b) > 1e-9 && Math.abs(a - b) > 1e-9) out.push(`${what}: expected ${a}, got ${b}`);
  };
  const sameKeys = (what: string, a: object, b: object): void => {
    const x = Object.keys(a).sort();
    const y = Object.keys(b).sort();
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${what}: keys ${JSON.stringify(x)} vs ${JSON.stringify(y)}`);
  };
  sameKeys('models', expected.credits, actual.credits);
  for (const [model, credits] of Object.entries(expected.credits)) {
    const got = actual.credits[model] ?? {};
    sameKeys(`${model} credited touches`, credits, got);
    for (const [touch, credit] of Object.entries(credits)) close(`${model} ${touch}`, credit, got[touch]);
  }
  close('won revenue', expected.wonRevenue, actual.wonRevenue);
  close('unattributed revenue', expected.unattributedRevenue, actual.unattributedRevenue);
  if (expected.unattributed.join() !== actual.unattributed.join()) {
    out.push(`unattributed: ${expected.unattributed.join()} vs ${actual.unattributed.join()}`);
  }
  for (const [model, categories] of Object.entries(expected.car)) {
    sameKeys(`${model} CAR categories`, categories, actual.car[model] ?? {});
    for (const [category, measures] of Object.entries(categories)) {
      for (const [measure, value] of Object.entries(measures)) {
        close(`${model} CAR ${category} ${measure}`, value, actual.car[model]?.[category]?.[measure]);
      }
    }
  }
  for (const [model, positions] of Object.entries(expected.positions)) {
    sameKeys(`${model} CAR positions`, positions, actual.positions[model] ?? {});
    for (const [position, value] of Object.entries(positions)) {
      close(`${model} CAR at ${position}`, value, actual.positions[model]?.[position]);
    }
  }
  close('community touches per won deal', expected.communityTouchesPerWonDeal, actual.communityTouchesPerWonDeal);
  if (JSON.stringify(sorted(expected.sourced)) !== JSON.stringify(sorted(actual.sourced))) {
    out.push(`sourced: ${JSON.stringify(sorted(expected.sourced))} vs ${JSON.stringify(sorted(actual.sourced))}`);
  }
  sameKeys('paths', expected.paths, actual.paths);
  for (const [path, [conversions, nulls, value, channelSet]] of Object.entries(expected.paths)) {
    const got = actual.paths[path];
    if (got?.[0] !== conversions || got[1] !== nulls) out.push(`path ${path}: ${conversions}/${nulls} vs ${got}`);
    if (got?.[3] !== channelSet) out.push(`path ${path}: channel set ${channelSet} vs ${got?.[3]}`);
    close(`path ${path} value`, value, got?.[2]);
  }
  return out;
}

const sorted = (record: Record<string, string>): [string, string][] =>
  Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
