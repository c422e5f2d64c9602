import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { expect } from 'vitest';
import { loadProjectTables } from '../../src/main/warehouse/duckdb/loadProject';
import { openEmbeddedDuckDb } from '../../src/main/warehouse/duckdb/open';
import { DATA_KINDS } from '../../src/shared/kinds';
import { runTributary } from '../helpers/cli';

export const tributary = (args: string[], dir: string) => runTributary(args, { ...process.env, TRIBUTARY_HOME: dir });

/** Relative difference, 0 when both are 0. */
const relative = (a: number, b: number): number => Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), 1e-300);

/**
 * The differences between two figures objects: every number to 1e-9 relative (1e-9 absolute near 0), everything else
 * exactly, skipping the paths (`.car.churn`) in `skipped`.
 */
export function differences(expected: unknown, actual: unknown, skipped = new Set<string>()): string[] {
  const out: string[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (skipped.has(path)) return;
    if (typeof a === 'number' && typeof b === 'number') {
      if (relative(a, b) > 1e-9 && Math.abs(a - b) > 1e-9) out.push(`${path}: ${a} vs ${b}`);
      return;
    }
    if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
      if (a !== b) out.push(`${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
      return;
    }
    if (Array.isArray(a) !== Array.isArray(b)) out.push(`${path}: array vs object`);
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys)
      walk((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`);
  };
  walk(expected, actual, '');
  return out;
}

/**
 * The differences between the built-in engine's `attribute --json` and the SQL path's, skipping only what the SQL
 * path says it leaves out (its `notComputed` list) and its own two keys.
 */
export function jsonDifferences(builtIn: unknown, duckdb: Record<string, unknown>): string[] {
  const notComputed = (duckdb['notComputed'] as string[]).map((path) => `.${path}`);
  return differences(builtIn, duckdb, new Set(['.engine', '.notComputed', ...notComputed]));
}

/** Two credits files: the same rows in the same order, every cell the same but the credit, equal to 1e-9 relative. */
export function expectSameCredits(builtInPath: string, duckdbPath: string): void {
  const read = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8').trim()).data;
  const expected = read(builtInPath);
  const actual = read(duckdbPath);
  expect(actual.length).toBe(expected.length);
  expected.forEach((row, i) => {
    const got = actual[i] as string[];
    expect(got.slice(0, 6), `row ${i}`).toEqual(row.slice(0, 6));
    if (i === 0) expect(got[6]).toBe('credit');
    else expect(relative(Number(got[6]), Number(row[6])), `row ${i} credit`).toBeLessThanOrEqual(1e-9);
  });
}

/** Two path summaries of `--paths`: the same paths in the same order, the same counts, values to 1e-9 relative. */
export function expectSamePaths(builtInPath: string, duckdbPath: string): void {
  const read = (path: string) => Papa.parse<string[]>(readFileSync(path, 'utf8').trim()).data;
  const expected = read(builtInPath);
  const actual = read(duckdbPath);
  expect(actual.map((row) => row.slice(0, 3))).toEqual(expected.map((row) => row.slice(0, 3)));
  expected.slice(1).forEach((row, i) => {
    expect(relative(Number(actual[i + 1]?.[3]), Number(row[3])), `path row ${i + 1} value`).toBeLessThanOrEqual(1e-9);
  });
}

/**
 * Runs `attribute` both ways on `source` (the built-in one on `project`) and expects the same JSON, credits and path
 * summary.
 */
export async function expectSameRun(project: string, source: string, args: string[], dir: string): Promise<void> {
  const file = (name: string): string => join(dir, name);
  const builtIn = await tributary(
    ['attribute', project, ...args, '--json', '--out', file('b.csv'), '--paths', file('b-paths.csv')],
    dir,
  );
  expect(builtIn.code, builtIn.stderr).toBe(0);
  const duckdb = await tributary(
    [
      'attribute',
      source,
      ...args,
      '--engine',
      'duckdb',
      '--json',
      '--out',
      file('d.csv'),
      '--paths',
      file('d-paths.csv'),
    ],
    dir,
  );
  expect(duckdb.code, duckdb.stderr).toBe(0);
  expect(duckdb.stderr).toMatch(/not computed by the SQL path/);
  const json = JSON.parse(duckdb.stdout) as Record<string, unknown>;
  expect(json['engine']).toBe('duckdb');
  expect(jsonDifferences(JSON.parse(builtIn.stdout), json), args.join(' ')).toEqual([]);
  expectSameCredits(file('b.csv'), file('d.csv'));
  expectSamePaths(file('b-paths.csv'), file('d-paths.csv'));
}

/**
 * Writes the project's canonical tables to `folder` as another system would hand them over: CSV files with times
 * in ISO 8601 (touch times with a +02:00 offset, milestones as UTC milliseconds) and stages in CRM words, or Parquet
 * files with the stored values.
 */
export async function exportCanonicalFolder(project: string, folder: string, format: 'csv' | 'parquet'): Promise<void> {
  const db = await openEmbeddedDuckDb({ threads: 1 });
  try {
    await loadProjectTables(db.connection, project);
    for (const kind of DATA_KINDS) {
      const file = join(folder, `${kind}.${format}`);
      let select = `SELECT * FROM ${kind}`;
      if (format === 'csv' && kind === 'touchpoints') {
        select = `SELECT * REPLACE (strftime(make_timestamp(occurred_at * 1000) + INTERVAL 2 HOUR,
          '%Y-%m-%dT%H:%M:%S.%g') || '+02:00' AS occurred_at) FROM touchpoints`;
      }
      if (format === 'csv' && kind === 'opportunities') {
        select = `SELECT * REPLACE (CASE stage WHEN 'won' THEN 'Closed Won' WHEN 'lost' THEN 'Closed Lost'
          ELSE 'Negotiation' END AS stage) FROM opportunities`;
      }
      await db.connection.run(`COPY (${select}) TO '${file}' (FORMAT ${format})`);
    }
  } finally {
    db.close();
  }
}
