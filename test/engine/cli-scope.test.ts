import { join } from 'node:path';
import Papa from 'papaparse';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runTributary } from '../helpers/cli';
import { execAsAnotherProgram, useTempDir } from '../helpers/files';
import { writeProjectFile } from './build';
import { openDeal, touchpoint, wonDeal } from './rows';

const tempDir = useTempDir();
const tributary = (args: string[], dir: string) => runTributary(args, { ...process.env, TRIBUTARY_HOME: dir });

/** Two won deals a quarter apart, of two segments and two regions (a custom field of their accounts). */
function project(dir: string): string {
  const path = writeProjectFile(
    join(dir, 'p.sqlite'),
    { name: 'Scope', currency: 'USD' },
    {
      accounts: [
        { account_id: 'A1', segment: 'Enterprise', custom: '{"Region":"EMEA"}' },
        { account_id: 'A2', segment: 'SMB', custom: '{"Region":"APAC"}' },
      ],
      opportunities: [
        wonDeal({ id: 'O1', account: 'A1', amount: 1000, created: '2024-03-01', closed: '2024-08-31' }),
        wonDeal({ id: 'O2', account: 'A2', amount: 300, created: '2024-03-01', closed: '2024-04-30' }),
        openDeal({ id: 'P1', account: 'A1', amount: 200, created: '2024-09-01' }),
      ],
      touchpoints: [
        touchpoint({ id: 'T1', account: 'A1', when: '2024-01-10', channel: 'ads' }),
        touchpoint({ id: 'T2', account: 'A2', when: '2024-02-10', channel: 'email' }),
      ],
    },
  );
  execAsAnotherProgram(path, "INSERT INTO custom_fields (kind, name, position) VALUES ('accounts', 'Region', 0)");
  return path;
}

describe('tributary attribute and car with a scope (cli.md: --from, --to, --segment, --type, --where)', () => {
  it('covers only the in-scope deals, in the JSON, the text and the credits CSV, and says the scope', async () => {
    const dir = tempDir();
    const path = project(dir);
    const json = await tributary(['attribute', path, '--from', '2024-07-01', '--to', '2024-09-30', '--json'], dir);
    expect(json.code).toBe(0);
    const parsed = JSON.parse(json.stdout) as { revenue: number; byChannel: unknown; options: { scope: unknown } };
    expect(parsed.revenue).toBe(1000);
    expect(parsed.byChannel).toEqual([
      { channel: 'ads', credit: 1000 },
      { channel: 'email', credit: 0 },
    ]);
    expect(parsed.options.scope).toEqual({ from: '2024-07-01', to: '2024-09-30' });

    const out = join(dir, 'credits.csv');
    const text = await tributary(['attribute', path, '--where', 'Region=APAC', '--out', out], dir);
    expect(text.stdout).toContain('  scope          all time; Region APAC');
    expect(text.stdout).toContain('won revenue    300.00');
    expect(Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data.map((row) => row[0])).toEqual([
      'opportunity_id',
      'O2',
    ]);

    const car = await tributary(['car', path, '--segment', 'SMB', '--json'], dir);
    expect(JSON.parse(car.stdout)).toMatchObject({ revenue: 300, options: { scope: { segments: ['SMB'] } } });
  });

  it('adds the series by month, quarter or year to the JSON and the text (--by)', async () => {
    const dir = tempDir();
    const path = project(dir);
    const json = await tributary(['attribute', path, '--by', 'quarter', '--json'], dir);
    const parsed = JSON.parse(json.stdout) as { series: unknown };
    expect(parsed.series).toEqual([
      {
        bucket: '2024-Q2',
        revenue: 300,
        attributed: 300,
        byChannel: [{ channel: 'email', credit: 300 }],
        car: { attributed: 0, influenced: 0, sourced: 0 },
      },
      {
        bucket: '2024-Q3',
        revenue: 1000,
        attributed: 1000,
        byChannel: [{ channel: 'ads', credit: 1000 }],
        car: { attributed: 0, influenced: 0, sourced: 0 },
      },
    ]);
    const text = await tributary(['car', path, '--by', 'year'], dir);
    expect(text.stdout).toMatch(/By year:\n\s+year\s+won revenue\s+attributed.*\n\s+2024\s+1,300\.00/);
    const bad = await tributary(['car', path, '--by', 'week'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--by: unknown period "week"; choose one of month, quarter, year');
  });

  it('reports the in-scope open deals as pipeline with --pipeline, apart from revenue, and writes their credits', async () => {
    const dir = tempDir();
    const path = project(dir);
    const out = join(dir, 'pipeline.csv');
    const json = await tributary(['attribute', path, '--pipeline', '--json', '--out', out], dir);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({
      openDeals: 1,
      unvaluedDeals: 0,
      pipeline: 200,
      attributed: 200,
      byChannel: [
        { channel: 'ads', credit: 200 },
        { channel: 'email', credit: 0 },
      ],
      car: { attributed: 0, influenced: 0, sourced: 0 },
    });
    expect(Papa.parse<string[]>(readFileSync(out, 'utf8').trim()).data.slice(1)).toEqual([
      ['P1', 'marketing', 'T1', 'ads', 'ads', 'FT|OC', '200'],
    ]);
    const before = await tributary(['car', path, '--pipeline', '--as-of', '2024-08-31', '--json'], dir);
    expect(JSON.parse(before.stdout)).toMatchObject({ asOf: '2024-08-31T23:59:59.999Z', openDeals: 0, pipeline: 0 });
    const bad = await tributary(['attribute', path, '--as-of', '2024-08-31'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--as-of goes with --pipeline');
  });

  it('says which filter emptied the scope, and refuses an unknown field or a reversed period with exit 2', async () => {
    const dir = tempDir();
    const path = project(dir);
    const empty = await tributary(['attribute', path, '--type', 'renewal'], dir);
    expect(empty.code).toBe(0);
    expect(empty.stdout).toContain('No won opportunity in the scope all time; type renewal: nothing to attribute.');
    const unknown = await tributary(['car', path, '--where', 'Regoin=EMEA'], dir);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain(
      '--where: No custom field "Regoin" on opportunities or accounts (did you mean Region?); the fields are Region.',
    );
    const reversed = await tributary(['attribute', path, '--from', '2024-10-01', '--to', '2024-09-30'], dir);
    expect(reversed.code).toBe(2);
    expect(reversed.stderr).toContain('--from: the period starts after it ends');
  });
});
