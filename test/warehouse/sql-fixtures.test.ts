import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { TWO_DEALS } from '../engine/arbitraries';
import { writeProjectFile } from '../engine/build';
import { generateAttributionSql } from '../../src/main/warehouse/sql/generate';
import { SQL_DIALECTS, type SqlOptions } from '../../src/main/warehouse/sql/contract';
import { useTempDir } from '../helpers/files';
import { differences, engineFigures, sqlFigures } from './figures';
import { openEngine } from './sqlEngines';

const tempDir = useTempDir();

async function compare(projectPath: string, options: SqlOptions): Promise<void> {
  const db = new Database(projectPath, { readonly: true });
  const expected = (() => {
    try {
      return engineFigures(db, options);
    } finally {
      db.close();
    }
  })();
  for (const dialect of SQL_DIALECTS) {
    const engine = await openEngine(dialect, projectPath, tempDir());
    try {
      await engine.run(generateAttributionSql(dialect, options));
      const actual = await sqlFigures(engine);
      expect(differences(expected, actual), dialect).toEqual([]);
    } finally {
      await engine.close();
    }
  }
}

describe('the generated SQL equals the built-in engine', () => {
  it('on the hand-computed two-deal project', async () => {
    const path = writeProjectFile(join(tempDir(), 'two.sqlite'), { name: 'Two', currency: 'USD' }, TWO_DEALS);
    await compare(path, {});
  });
});
