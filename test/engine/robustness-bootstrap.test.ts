import { describe, expect, it } from 'vitest';
import { isWon } from '../../src/main/engine/arrays/dataset';
import { loadEngineData } from '../../src/main/engine/arrays/load';
import { mulberry32 } from '../../src/main/engine/models/random';
import { shapleyValues } from '../../src/main/engine/models/shapley';
import { pathSetFrom } from '../../src/main/engine/models/paths';
import { createBootstrap } from '../../src/main/engine/robustness/bootstrap';
import { runBootstrap } from '../../src/main/engine/robustness/bootstrapRun';
import { modelSpread } from '../../src/main/engine/robustness/modelSpread';
import { bootstrapIntervals } from '../../src/main/engine/robustness/robustness';
import { scopedInput } from '../../src/main/engine/robustness/scopedInput';
import { runModel } from '../../src/main/engine/run';
import { modelOptionsSchema, type ModelOptionsInput } from '../../src/shared/modelOptions';
import { SPREAD_MODELS, type BootstrapIntervals } from '../../src/shared/robustness';
import { readRows, type Rows } from './build';
import { action, lostDeal, touchpoint, wonDeal } from './rows';

/** `copies` copies of five different deals (one lost), each copy on accounts of its own. */
function varied(copies: number): Rows {
  const rows: Required<
    Pick<Rows, 'accounts' | 'contacts' | 'community_members' | 'opportunities' | 'touchpoints' | 'community_actions'>
  > = {
    accounts: [],
    contacts: [],
    community_members: [],
    opportunities: [],
    touchpoints: [],
    community_actions: [],
  };
  for (let i = 0; i < copies; i++) {
    const acc = (n: number): string => `A${i}-${n}`;
    for (let n = 0; n < 5; n++) rows.accounts.push({ account_id: acc(n), domain: `a${i}-${n}.com` });
    rows.contacts.push({ contact_id: `C${i}`, account_id: acc(0), email: `m${i}@a${i}-0.com` });
    rows.community_members.push({ member_id: `M${i}`, email: `m${i}@a${i}-0.com` });
    rows.opportunities.push(
      wonDeal({ id: `D${i}-0`, account: acc(0), amount: 1000, created: '2024-02-01', closed: '2024-03-31' }),
      wonDeal({ id: `D${i}-1`, account: acc(1), amount: 400, created: '2024-02-01', closed: '2024-03-31' }),
      wonDeal({ id: `D${i}-2`, account: acc(2), amount: 2500, created: '2024-02-01', closed: '2024-03-31' }),
      wonDeal({ id: `D${i}-3`, account: acc(3), amount: 150, created: '2024-02-01', closed: '2024-03-31' }),
      lostDeal({ id: `D${i}-4`, account: acc(4), amount: 700, created: '2024-02-01', closed: '2024-03-31' }),
    );
    rows.touchpoints.push(
      touchpoint({ id: `T${i}-0a`, account: acc(0), when: '2024-01-02', channel: 'ads' }),
      touchpoint({ id: `T${i}-0b`, account: acc(0), when: '2024-03-02', channel: 'web' }),
      touchpoint({ id: `T${i}-1`, account: acc(1), when: '2024-01-02', channel: 'web' }),
      touchpoint({ id: `T${i}-2a`, account: acc(2), when: '2024-01-02', channel: 'ads' }),
      touchpoint({ id: `T${i}-2b`, account: acc(2), when: '2024-01-22', channel: 'email' }),
      touchpoint({ id: `T${i}-3`, account: acc(3), when: '2024-01-02', channel: 'email' }),
      touchpoint({ id: `T${i}-4`, account: acc(4), when: '2024-01-02', channel: 'ads' }),
    );
    rows.community_actions.push(
      action({ id: `X${i}`, member: `M${i}`, when: '2024-01-10', type: 'post', channel: 'forum' }),
    );
  }
  return rows;
}

/** Ten copies of one deal: every resample draws ten of the same. */
function identical(): Rows {
  const ids = Array.from({ length: 10 }, (_, i) => i);
  return {
    accounts: ids.map((i) => ({ account_id: `A${i}`, domain: `a${i}.com` })),
    contacts: ids.map((i) => ({ contact_id: `C${i}`, account_id: `A${i}`, email: `m${i}@a${i}.com` })),
    community_members: ids.map((i) => ({ member_id: `M${i}`, email: `m${i}@a${i}.com` })),
    opportunities: ids.map((i) =>
      wonDeal({ id: `D${i}`, account: `A${i}`, amount: 1000, created: '2024-02-01', closed: '2024-03-31' }),
    ),
    touchpoints: ids.flatMap((i) => [
      touchpoint({ id: `T${i}a`, account: `A${i}`, when: '2024-01-02', channel: 'ads' }),
      touchpoint({ id: `T${i}b`, account: `A${i}`, when: '2024-03-02', channel: 'web' }),
    ]),
    community_actions: ids.map((i) =>
      action({ id: `X${i}`, member: `M${i}`, when: '2024-01-10', type: 'post', channel: 'forum' }),
    ),
  };
}

function intervalsOf(rows: Rows, options: ModelOptionsInput, resamples = 200, seed = 7): BootstrapIntervals {
  return readRows(rows, (db) => {
    const input = scopedInput(loadEngineData(db), modelOptionsSchema.parse(options));
    const bootstrap = createBootstrap(input, resamples, seed);
    while (bootstrap.done < bootstrap.total) bootstrap.step();
    return bootstrapIntervals(input, bootstrap, seed);
  });
}

describe('bootstrap intervals (spec 13)', () => {
  it('gives the same intervals for the same seed, and others for another seed', () => {
    const once = intervalsOf(varied(3), { model: 'full-path' });
    expect(intervalsOf(varied(3), { model: 'full-path' })).toEqual(once);
    expect(intervalsOf(varied(3), { model: 'full-path' }, 200, 8)).not.toEqual(once);
    expect(once.info).toEqual({ resamples: 200, seed: 7, opportunities: 15 });
  });

  it('gives a zero-width interval when every deal is the same, for fixed and for learned weights', () => {
    for (const model of ['full-path', 'time-decay', 'markov', 'shapley'] as const) {
      const { channels, car } = intervalsOf(identical(), { model });
      for (const [name, { low, high }] of Object.entries(channels)) {
        expect(high - low, `${model} ${name}`).toBeCloseTo(0, 6);
      }
      expect(car.attributed.high - car.attributed.low).toBeCloseTo(0, 6);
      // Ten deals of 1000, the community post a third of each under an equal split of three touches (full path:
      // FT, MID, CW present): never zero.
      expect(car.attributed.low).toBeGreaterThan(0);
    }
  });

  it('widens, relative to the figure, as deals are removed', () => {
    const relative = (copies: number): number => {
      const { channels, car } = intervalsOf(varied(copies), { model: 'full-path' });
      const value = readRows(
        varied(copies),
        (db) => runModel(loadEngineData(db), modelOptionsSchema.parse({})).car().attributed,
      );
      expect(channels.ads?.low).toBeLessThan(channels.ads?.high ?? 0);
      return (car.attributed.high - car.attributed.low) / value;
    };
    const many = relative(12);
    const few = relative(3);
    expect(few).toBeGreaterThan(many);
  });

  it('contains the figure itself for a sample of many deals', () => {
    const rows = varied(8);
    const { channels } = intervalsOf(rows, { model: 'w-shaped' });
    const run = readRows(rows, (db) => runModel(loadEngineData(db), modelOptionsSchema.parse({ model: 'w-shaped' })));
    for (const { channel, credit } of run.attribution.byChannel) {
      expect(channels[channel]?.low, channel).toBeLessThanOrEqual(credit);
      expect(channels[channel]?.high, channel).toBeGreaterThanOrEqual(credit);
    }
  });

  it('learns Shapley weights again in each resample: an independent resampling agrees', () => {
    const rows = varied(2);
    const resamples = 25;
    const seed = 3;
    const { channels } = intervalsOf(rows, { model: 'shapley' }, resamples, seed);
    // The same draws, made here: journey j of the run's journeys counted times[j] times; Shapley's values from the
    // resampled paths; each won journey's amount split over its channels by those values (spec 6).
    const expected = readRows(rows, (db) => {
      const run = runModel(loadEngineData(db), modelOptionsSchema.parse({ model: 'shapley' }));
      const { data, attribution } = run;
      const { journeys } = attribution;
      const names = data.channels.values;
      const journeyChannels = Array.from({ length: journeys.count }, (_, j) =>
        Array.from(
          journeys.touch.subarray(journeys.start[j], journeys.start[j + 1]),
          (t) => data.touches.channel[t] as number,
        ),
      );
      const won = Array.from({ length: journeys.count }, (_, j) =>
        isWon(data.opportunities, journeys.opportunity[j] as number),
      );
      const amount = Array.from(
        { length: journeys.count },
        (_, j) => data.opportunities.amount[journeys.opportunity[j] as number] as number,
      );
      const random = mulberry32(seed);
      const n = journeys.count;
      const perChannel = names.map(() => [] as number[]);
      for (let b = 0; b < resamples; b++) {
        const times = new Array<number>(n).fill(0);
        for (let i = 0; i < n; i++) times[Math.floor(random() * n)]! += 1;
        const paths = journeyChannels.flatMap((channels, j) =>
          channels.length === 0 ? [] : new Array(times[j]).fill({ channels, converted: won[j] }),
        );
        const phi = shapleyValues(pathSetFrom(paths, names.length)).values;
        const credit = names.map(() => 0);
        journeyChannels.forEach((channels, j) => {
          if (!won[j] || channels.length === 0) return;
          const present = [...new Set(channels)];
          const total = present.reduce((sum, c) => sum + Math.max(0, phi[c] ?? 0), 0);
          for (const c of present)
            credit[c]! +=
              (times[j] ?? 0) * amount[j]! * (total > 0 ? Math.max(0, phi[c] ?? 0) / total : 1 / present.length);
        });
        credit.forEach((value, c) => perChannel[c]!.push(value));
      }
      return Object.fromEntries(
        names.map((name, c) => {
          const sorted = perChannel[c]!.sort((a, b) => a - b);
          const q = (p: number): number => {
            const h = (sorted.length - 1) * p;
            const lo = Math.floor(h);
            return sorted[lo]! + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!);
          };
          return [name, { low: q(0.025), high: q(0.975) }];
        }),
      );
    });
    for (const [name, { low, high }] of Object.entries(expected)) {
      expect(channels[name]?.low, name).toBeCloseTo(low, 6);
      expect(channels[name]?.high, name).toBeCloseTo(high, 6);
    }
    // Learned weights move the mixed deal's split: ads's interval is not a fixed share of the deals drawn.
    expect((channels.ads?.high ?? 0) - (channels.ads?.low ?? 0)).toBeGreaterThan(0);
  });

  it('reports progress and stops with a cancelled error when aborted', async () => {
    await readRows(varied(2), async (db) => {
      const input = scopedInput(loadEngineData(db), modelOptionsSchema.parse({}));
      const bootstrap = createBootstrap(input, 50, 1);
      const seen: number[] = [];
      const controller = new AbortController();
      const run = runBootstrap(bootstrap, {
        signal: controller.signal,
        onProgress: (done) => {
          seen.push(done);
          if (done === 10) controller.abort();
        },
      });
      await expect(run).rejects.toMatchObject({ code: 'cancelled' });
      expect(seen.slice(0, 11)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(bootstrap.done).toBe(10);
    });
  });
});

describe('model spread (spec 13)', () => {
  it('gives each channel the least and greatest credit over the twelve built-in models, naming the model', () => {
    const rows = varied(2);
    const { spread, byModel } = readRows(rows, (db) => {
      const dataset = loadEngineData(db);
      const options = modelOptionsSchema.parse({ model: 'full-path', markovOrder: 3 });
      const result = modelSpread(scopedInput(dataset, options));
      const credits = SPREAD_MODELS.map((model) => {
        const run = runModel(dataset, { ...options, model, markovOrder: 1 });
        return {
          model,
          credit: new Map(run.attribution.byChannel.map((c) => [c.channel, c.credit])),
          car: run.car().attributed,
        };
      });
      return { spread: result, byModel: credits };
    });
    const names = [...(byModel[0]?.credit.keys() ?? [])];
    expect(names.length).toBeGreaterThan(2);
    readRows(rows, (db) => {
      const { data } = loadEngineData(db);
      for (const name of names) {
        const f = data.channels.values.indexOf(name);
        const values = byModel.map(({ credit }) => credit.get(name) ?? 0);
        expect(spread.min[f]?.value, name).toBeCloseTo(Math.min(...values), 9);
        expect(spread.max[f]?.value, name).toBeCloseTo(Math.max(...values), 9);
        const maxModel = spread.max[f]?.model;
        expect(byModel.find((m) => m.model === maxModel)?.credit.get(name)).toBeCloseTo(Math.max(...values), 9);
      }
      const attributed = data.channels.size;
      const cars = byModel.map(({ car }) => car);
      expect(spread.min[attributed]?.value).toBeCloseTo(Math.min(...cars), 9);
      expect(spread.max[attributed]?.value).toBeCloseTo(Math.max(...cars), 9);
    });
  });
});
