import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTributary } from '../helpers/cli';
import { useTempDir } from '../helpers/files';
import { loadProjectTables } from '../../src/main/warehouse/duckdb/loadProject';
import { openEmbeddedDuckDb } from '../../src/main/warehouse/duckdb/open';

const tempDir = useTempDir();
const tributary = (args: string[], dir: string) => runTributary(args, { ...process.env, TRIBUTARY_HOME: dir });

function file(dir: string, name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, `${lines.join('\n')}\n`);
  return path;
}

const json = (cells: string[]): string => `"${JSON.stringify(cells).replaceAll('"', '""')}"`;

describe('tributary solve', () => {
  it('solves the classic three-path Markov chain of a summary in the SQL form (JSON arrays)', async () => {
    const dir = tempDir();
    // A B C → conv, A → null, B C → null: RE(A) = 1/2, RE(B) = RE(C) = 1, P(conv) = 1/3 (worked in markov.test.ts).
    // A channel name with a comma, quotes and a leading = stays itself.
    const odd = '=x, "y"';
    const summary = file(dir, 'summary.csv', [
      'path,channel_set,conversions,nulls,value',
      `${json(['A', 'B', odd])},${json(['A', 'B', odd])},1,0,100`,
      `${json(['A'])},${json(['A'])},0,1,0`,
      `${json(['B', odd])},${json([odd, 'B'])},0,1,0`,
      `${json([])},${json([])},0,4,0`,
    ]);
    const result = await tributary(['solve', 'markov', summary, '--json'], dir);
    expect(result.stderr).toBe('');
    const solved = JSON.parse(result.stdout) as { removalEffects: Record<string, number> } & Record<string, unknown>;
    expect(solved).toMatchObject({ model: 'markov', order: 1, paths: 3, journeys: 3 });
    expect(solved['conversionProbability']).toBeCloseTo(1 / 3, 12);
    expect(solved.removalEffects['A']).toBeCloseTo(1 / 2, 12);
    expect(solved.removalEffects['B']).toBeCloseTo(1, 12);
    expect(solved.removalEffects[odd]).toBeCloseTo(1, 12);
    const csv = await tributary(['solve', 'markov', summary], dir);
    expect(csv.stdout.split('\n')[0]).toBe('channel,weight');
    expect(csv.stdout).toContain(`"=x, ""y""",1\n`);
  });

  it('solves Shapley from channel sets alone, and refuses Markov there', async () => {
    const dir = tempDir();
    // {A}: 1 won of 4, {B}: 1 of 2, {A,B}: 3 of 4, so phi(A) = 5/8 and phi(B) = 7/8 (shapley.test.ts).
    const summary = file(dir, 'sets.csv', [
      'channel_set,conversions,nulls',
      `${json(['A'])},1,3`,
      `${json(['B'])},1,1`,
      `${json(['A', 'B'])},3,1`,
    ]);
    const solved = JSON.parse((await tributary(['solve', 'shapley', summary, '--json'], dir)).stdout) as {
      shapleyValues: Record<string, number>;
    };
    expect(solved.shapleyValues['A']).toBeCloseTo(5 / 8, 12);
    expect(solved.shapleyValues['B']).toBeCloseTo(7 / 8, 12);
    const markov = await tributary(['solve', 'markov', summary], dir);
    expect(markov.code).toBe(1);
    expect(markov.stderr).toMatch(/Markov needs each path in order/);
  });

  it("gives the built-in engine's removal effects and Shapley values on the demo, from attribute --paths", async () => {
    const dir = tempDir();
    const project = join(dir, 'demo.sqlite');
    expect((await tributary(['demo', project, '--scale', '3000', '--seed', '5'], dir)).code).toBe(0);
    const paths = join(dir, 'paths.csv');
    for (const [model, field, extra] of [
      ['markov', 'removalEffects', []],
      ['markov', 'removalEffects', ['--markov-order', '2']],
      ['shapley', 'shapleyValues', []],
    ] as const) {
      const built = await tributary(
        ['attribute', project, '--model', model, ...extra, '--json', '--paths', paths],
        dir,
      );
      expect(built.code).toBe(0);
      const expected = (JSON.parse(built.stdout) as Record<string, Record<string, number>>)[field] as Record<
        string,
        number
      >;
      const order = extra.length > 0 ? ['--order', '2'] : [];
      const solved = await tributary(['solve', model, paths, ...order, '--json'], dir);
      const got = (JSON.parse(solved.stdout) as Record<string, Record<string, number>>)[field] as Record<
        string,
        number
      >;
      // The engine lists every channel of the project, those on no won or lost journey at 0; a summary names only
      // the channels its paths hold.
      expect(Object.keys(got).length).toBeGreaterThan(3);
      for (const [channel, value] of Object.entries(expected)) {
        if (!(channel in got)) expect(value, channel).toBe(0);
        else
          expect(Math.abs((got[channel] as number) - value), `${model} ${channel}`).toBeLessThanOrEqual(
            1e-9 * Math.abs(value),
          );
      }
    }
  });

  it('closes the warehouse loop: tributary sql in DuckDB, its path summary as CSV, solve, the spread', async () => {
    const dir = tempDir();
    const project = join(dir, 'demo.sqlite');
    expect((await tributary(['demo', project, '--scale', '3000', '--seed', '9'], dir)).code).toBe(0);
    const script = await tributary(['sql', '--dialect', 'duckdb'], dir);
    expect(script.code, script.stderr).toBe(0);
    const db = await openEmbeddedDuckDb({ threads: 1 });
    try {
      await loadProjectTables(db.connection, project);
      // The printed script, as a user would paste it: its statements end with `;` at the end of a line.
      await db.connection.run(script.stdout);
      const summary = join(dir, 'summary.csv');
      await db.connection.run(`COPY tributary_path_summary TO '${summary}' (HEADER)`);
      for (const [model, field] of [
        ['markov', 'removalEffects'],
        ['shapley', 'shapleyValues'],
      ] as const) {
        const solved = await tributary(['solve', model, summary, '--json'], dir);
        expect(solved.code, solved.stderr).toBe(0);
        const got = (JSON.parse(solved.stdout) as Record<string, Record<string, number>>)[field] as Record<
          string,
          number
        >;
        const built = await tributary(['attribute', project, '--model', model, '--json'], dir);
        const expected = (JSON.parse(built.stdout) as Record<string, Record<string, number>>)[field] as Record<
          string,
          number
        >;
        for (const [channel, value] of Object.entries(expected)) {
          expect(Math.abs((got[channel] ?? 0) - value), `${model} ${channel}`).toBeLessThanOrEqual(
            1e-9 * Math.abs(value),
          );
        }
        // The weights as solve prints them are the channel_weights table the spread statement reads.
        const weights = join(dir, `${model}.csv`);
        writeFileSync(weights, (await tributary(['solve', model, summary], dir)).stdout);
        await db.connection.run('DROP TABLE IF EXISTS channel_weights');
        await db.connection.run(
          `CREATE TABLE channel_weights AS SELECT * FROM read_csv('${weights}', header = true, columns = {'channel': 'VARCHAR', 'weight': 'DOUBLE'})`,
        );
        await db.connection.run((await tributary(['sql', '--dialect', 'duckdb', '--spread', model], dir)).stdout);
        const [[credited] = []] = (
          await db.connection.runAndReadAll('SELECT sum(credit) FROM tributary_data_driven_credits')
        ).getRowsJS();
        const attributed = (JSON.parse(built.stdout) as { attributed: number }).attributed;
        expect(Math.abs(Number(credited) - attributed)).toBeLessThanOrEqual(0.01);
      }
    } finally {
      db.close();
    }
  });

  it('says which line and column of a summary it cannot read', async () => {
    const dir = tempDir();
    const noCounts = file(dir, 'a.csv', ['path,value', 'A > B,3']);
    expect((await tributary(['solve', 'shapley', noCounts], dir)).stderr).toMatch(
      /a\.csv has no column conversions, no column nulls/,
    );
    const badCount = file(dir, 'b.csv', ['path,conversions,nulls', 'A > B,3,0', 'A,2.5,1']);
    const result = await tributary(['solve', 'shapley', badCount], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/b\.csv line 3, column conversions: "2\.5" is not a count of journeys/);
    expect((await tributary(['solve', 'shapley', badCount, '--order', '2'], dir)).code).toBe(2);
  });
});
