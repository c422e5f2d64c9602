import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../src/main/demo/generate';
import { createProject } from '../../src/main/store/project';
import { runOnDuckDb } from '../../src/main/warehouse/duckdb/runAttribution';
import { runsOnDisk } from '../../src/main/warehouse/duckdb/open';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import { useTempDir } from '../helpers/files';
import { differences } from './duckdbFigures';

const tempDir = useTempDir();
const GiB = 2 ** 30;

describe('DuckDB in a temporary file', () => {
  it('is chosen past an eighth of the memory: 50M touches of CSV in memory on 24 GiB, on disk on 16 GiB', () => {
    expect(runsOnDisk(2.9 * GiB, 24 * GiB)).toBe(false);
    expect(runsOnDisk(2.9 * GiB, 16 * GiB)).toBe(true);
    // 10M touches of CSV stay in memory on an 8 GiB laptop.
    expect(runsOnDisk(0.55 * GiB, 8 * GiB)).toBe(false);
  });

  it('gives the figures DuckDB gives in memory, and says where it kept its tables', async () => {
    const path = join(tempDir(), 'demo.sqlite');
    const project = createProject(path, { name: 'Demo', currency: 'USD' });
    generateDemo(project.db, { scale: 3000, seed: 9 });
    project.close();
    const options = modelOptionsSchema.parse({ model: 'w-shaped' });
    const figures = async (onDisk: boolean) => {
      const run = await runOnDuckDb(path, options, { onDisk, threads: 1 });
      try {
        return { attribution: run.attribution, notes: run.notes };
      } finally {
        run.close();
      }
    };
    const inMemory = await figures(false);
    const onDisk = await figures(true);
    expect(inMemory.attribution.car.attributed).toBeGreaterThan(0);
    expect(differences(inMemory.attribution, onDisk.attribution)).toEqual([]);
    expect(inMemory.notes.join(' ')).not.toMatch(/temporary file/);
    expect(onDisk.notes.join(' ')).toMatch(/temporary file/);
  });
});
