import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { pathSummary } from '../../src/main/engine/models/pathSummary';
import { buildJourneys } from '../../src/main/engine/models/journeys';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';
import { datasetOf, writeProjectFile, type Rows } from './build';
import { lostDeal, touchpoint, wonDeal } from './rows';

/** Three accounts: two won journeys ads > email (one with a repeated email), one lost journey ads > email. */
const ROWS: Rows = {
  accounts: ['A1', 'A2', 'A3', 'A4'].map((id) => ({ account_id: id })),
  opportunities: [
    wonDeal({ id: 'O1', account: 'A1', amount: 100, created: '2024-03-01', closed: '2024-04-01' }),
    wonDeal({ id: 'O2', account: 'A2', amount: 250, created: '2024-03-01', closed: '2024-04-01' }),
    lostDeal({ id: 'O3', account: 'A3', amount: 999, created: '2024-03-01', closed: '2024-04-01' }),
    wonDeal({ id: 'O4', account: 'A4', amount: 40, created: '2024-03-01', closed: '2024-04-01' }),
  ],
  touchpoints: [
    touchpoint({ id: 'T1', account: 'A1', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T2', account: 'A1', when: '2024-01-02', channel: 'email' }),
    touchpoint({ id: 'T3', account: 'A2', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T4', account: 'A2', when: '2024-01-02', channel: 'email' }),
    touchpoint({ id: 'T5', account: 'A2', when: '2024-01-03', channel: 'email' }),
    touchpoint({ id: 'T6', account: 'A3', when: '2024-01-01', channel: 'ads' }),
    touchpoint({ id: 'T7', account: 'A3', when: '2024-01-02', channel: 'email' }),
  ],
};

const tempDir = useTempDir();

describe('the path summary of spec 6', () => {
  it('counts each distinct path’s conversions, nulls and value, repeats collapsed when asked', () => {
    const data = datasetOf(ROWS);
    const journeys = buildJourneys(data, modelOptionsSchema.parse({}));
    expect(pathSummary(data, journeys, false)).toEqual([
      { path: ['ads', 'email'], conversions: 1, nulls: 1, value: 100 },
      { path: ['ads', 'email', 'email'], conversions: 1, nulls: 0, value: 250 },
    ]);
    // O4 has no touch: no path. Collapsed, O2's path is O1's.
    expect(pathSummary(data, journeys, true)).toEqual([
      { path: ['ads', 'email'], conversions: 2, nulls: 1, value: 350 },
    ]);
  });

  it('is written by tributary attribute --paths, and refused beside --pipeline', async () => {
    const dir = tempDir();
    const path = writeProjectFile(join(dir, 'p.sqlite'), { name: 'P', currency: 'USD' }, ROWS);
    const env = { ...process.env, TRIBUTARY_HOME: dir };
    const out = join(dir, 'paths.csv');
    const run = await runTributary(['attribute', path, '--model', 'markov', '--paths', out], env);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Wrote 2 distinct paths to');
    const rows = Papa.parse<string[]>(readFileSync(out, 'utf8').trimEnd()).data;
    expect(rows).toEqual([
      ['path', 'conversions', 'nulls', 'value'],
      ['ads > email', '1', '1', '100'],
      ['ads > email > email', '1', '0', '250'],
    ]);
    const refused = await runTributary(['attribute', path, '--pipeline', '--paths', out], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--paths goes without --pipeline');
  });
});
