import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fullPathByChannelSql } from '../../bench/sqlBaseline';
import { generateDemo } from '../../src/main/demo/generate';
import { loadDataset } from '../../src/main/engine/arrays/load';
import { attribute } from '../../src/main/engine/models/attribute';
import { createProject } from '../../src/main/store/project';
import { modelOptionsSchema } from '../../src/shared/modelOptions';
import { useTempDir } from '../helpers/files';

const tempDir = useTempDir();

describe('the engine against the same model written in SQL', () => {
  it('agrees on full-path credit per channel over the demo project', () => {
    const project = createProject(join(tempDir(), 'demo.sqlite'), { name: 'Demo', currency: 'USD' });
    try {
      generateDemo(project.db, { scale: 20_000, seed: 7 });
      const sql = fullPathByChannelSql(project.db);
      const run = attribute(loadDataset(project.db), modelOptionsSchema.parse({ model: 'full-path' }));
      expect(run.byChannel.map((row) => row.channel).sort()).toEqual([...sql.keys()].sort());
      for (const { channel, credit } of run.byChannel) {
        expect(Math.abs(credit - (sql.get(channel) as number))).toBeLessThan(1e-6 * Math.max(1, credit));
      }
      expect(run.attributed).toBeGreaterThan(0);
    } finally {
      project.close();
    }
  });
});
