import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { writeProjectFile } from '../engine/build';
import { useTempDir } from '../helpers/files';
import { warehouseOptions, warehouseRows } from './arbitrary';
import { sqlDifferences } from './compare';
import { closePostgres } from './sqlEngines';

const tempDir = useTempDir();
afterAll(closePostgres);

describe('the generated SQL on random projects', () => {
  it('gives every figure of the built-in engine on SQLite, DuckDB and PostgreSQL', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(warehouseRows, warehouseOptions, async (rows, options) => {
        const dir = tempDir();
        const path = writeProjectFile(join(dir, `random-${++n}.sqlite`), { name: 'Random', currency: 'USD' }, rows);
        expect(await sqlDifferences(path, options, dir)).toEqual({ sqlite: [], duckdb: [], postgres: [] });
      }),
      { numRuns: 30, seed: 19 },
    );
  }, 240_000);
});
