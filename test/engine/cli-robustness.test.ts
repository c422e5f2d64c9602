import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';
import { writeProjectFile } from './build';
import { HAND, MIXED } from './robustnessRows';

const tempDir = useTempDir();

interface FigureJson {
  value: number;
  weightRange?: { near: [number, number]; all: [number, number] };
  modelRange: [number, number];
  interval?: [number, number];
}

describe('tributary robustness (cli.md, attribution.md 13)', () => {
  it('prints the JSON of cli.md: each channel and CAR figure with its weight, model and sampling ranges', async () => {
    const dir = tempDir();
    const path = writeProjectFile(join(dir, 'r.sqlite'), { name: 'R', currency: 'USD' }, HAND);
    const env = { ...process.env, TRIBUTARY_HOME: dir };
    const run = await runTributary(['robustness', path, '--json', '--resamples', '20', '--seed', '5'], env);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as {
      model: string;
      options: { model: string };
      channels: ({ channel: string } & FigureJson)[];
      car: { attributed: FigureJson; byCategory: Record<string, FigureJson> };
    };
    expect(Object.keys(json)).toEqual(['model', 'options', 'channels', 'car']);
    expect(json.model).toBe('full-path');
    const ads = json.channels.find((c) => c.channel === 'ads');
    expect(Object.keys(ads ?? {})).toEqual(['channel', 'value', 'weightRange', 'modelRange', 'interval']);
    // By hand (test/engine/robustness-weights.test.ts): ads gets 1000 FT / (100 - LC).
    expect(ads?.value).toBe(290.32);
    expect(ads?.weightRange).toEqual({ near: [142.86, 481.48], all: [0, 1000] });
    // first-touch gives ads all 1000, last-touch none: the models' spread.
    expect(ads?.modelRange).toEqual([0, 1000]);
    // One deal: every resample draws it once, so the interval is the value.
    expect(ads?.interval).toEqual([290.32, 290.32]);
    expect(Object.keys(json.car.byCategory)).toEqual([
      'internal_referral',
      'external_referral',
      'job_move',
      'upgrade',
      'roadmap',
      'engagement',
    ]);
    expect(json.car.attributed.weightRange?.near).toEqual([0, 296.3]);

    const again = await runTributary(['robustness', path, '--json', '--resamples', '20', '--seed', '5'], env);
    expect(again.stdout).toBe(run.stdout);
  });

  it('leaves out the weight range for a model without weights, and names weights and models in its text', async () => {
    const dir = tempDir();
    const path = writeProjectFile(join(dir, 'm.sqlite'), { name: 'M', currency: 'USD' }, MIXED);
    const env = { ...process.env, TRIBUTARY_HOME: dir };
    const markov = await runTributary(['robustness', path, '--model', 'markov', '--resamples', '10', '--json'], env);
    expect(markov.code).toBe(0);
    const json = JSON.parse(markov.stdout) as { channels: FigureJson[] };
    expect(json.channels.every((c) => c.weightRange === undefined && c.interval !== undefined)).toBe(true);

    const text = await runTributary(['robustness', path, '--delta', '5', '--resamples', '10'], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('Robustness under full-path (FT 22.5, LC 22.5, OC 22.5, CW 22.5, MID 10)');
    expect(text.stdout).toMatch(/weights within ±5 points: [\d,.]+ \(FT [\d.]+, LC/);
    expect(text.stdout).toMatch(
      /models: [\d,.]+ \((first-touch|last-touch|lead-creation|u-shaped|w-shaped|full-path|j-shaped|inverse-j|linear|time-decay|markov|shapley)\)/,
    );
    expect(text.stdout).toContain('Bootstrap: 10 resamples of 5 won and lost deals, seed 42.');
    expect(text.stdout).toMatch(/Across weightings within ±5 points, /);
  });

  it('refuses a bad delta, number of resamples or seed with exit 2 and a message naming the option', async () => {
    const dir = tempDir();
    const path = writeProjectFile(join(dir, 'b.sqlite'), { name: 'B', currency: 'USD' }, HAND);
    const env = { ...process.env, TRIBUTARY_HOME: dir };
    const cases: [string, string, RegExp][] = [
      ['--delta', '0', /--delta must be a number of weight points above 0 and at most 100, not "0"/],
      ['--delta', '-5', /--delta must be/],
      ['--delta', '101', /--delta must be .* not "101"/],
      ['--delta', 'ten', /--delta must be/],
      ['--resamples', '0', /--resamples must be a positive whole number, not "0"/],
      ['--resamples', '2.5', /--resamples must be a positive whole number/],
      ['--seed', '1.5', /--seed must be a whole number, not "1.5"/],
      ['--seed', 'abc', /--seed must be a whole number/],
    ];
    for (const [flag, value, message] of cases) {
      const run = await runTributary(['robustness', path, `${flag}=${value}`], env);
      expect(run.code, `${flag} ${value}`).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/at .*\.js/);
    }
  });

  it('says so when the scope has no won deal, and names the scope', async () => {
    const dir = tempDir();
    const path = writeProjectFile(join(dir, 'e.sqlite'), { name: 'E', currency: 'USD' }, HAND);
    const env = { ...process.env, TRIBUTARY_HOME: dir };
    const run = await runTributary(['robustness', path, '--from', '2030-01-01', '--resamples', '3'], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'No won opportunity in the scope 2030-01-01 to the end: no revenue, so every range is 0.\nScope: 2030-01-01 to the end\n',
    );
    expect(run.stdout).toContain('Bootstrap: 3 resamples of 0 won and lost deals');
    expect(run.stdout).not.toContain('NaN');
  });
});
