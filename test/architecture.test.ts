import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The folder boundaries of eslint.config.js (docs/architecture.md), shown on one import each: a wrong-way import
 * fails lint with the rule's message, and the imports each folder is meant to make pass. Only the boundary rule runs,
 * without type information, so a made-up file inside a folder can be linted.
 */
const eslint = new ESLint({
  cwd: resolve(import.meta.dirname, '..'),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports',
});

/** The boundary errors of one import made from a file at `filePath`. */
async function boundaryErrors(filePath: string, source: string, typeOnly = false): Promise<string[]> {
  const text = typeOnly
    ? `import type { Probe } from '${source}';\nexport type Used = Probe;\n`
    : `import { probe } from '${source}';\nexport const used = probe;\n`;
  const [result] = await eslint.lintText(text, { filePath });
  return (result?.messages ?? []).map((message) => `${message.ruleId}: ${message.message}`);
}

const ENGINE = 'src/main/engine/probe.ts';
const STORE = 'src/main/store/probe.ts';

const WRONG_WAY: [from: string, source: string][] = [
  [ENGINE, 'electron'],
  [ENGINE, '../handlers/index'],
  [ENGINE, '../import/run'],
  [ENGINE, '../session/session'],
  [ENGINE, '../engineHost/engineClient'],
  [ENGINE, '../server/server'],
  [ENGINE, '../cli/main'],
  [ENGINE, '../export/report'],
  [ENGINE, '../demo/generate'],
  [ENGINE, '../../renderer/src/format'],
  // Of the store, only the query modules the engine reads through.
  [ENGINE, '../store/project'],
  [ENGINE, '../store/migrations'],
  // From a sub-folder, the import climbs further to the same place.
  ['src/main/engine/models/car/probe.ts', '../../../import/run'],
  ['src/main/engine/arrays/probe.ts', '../../store/project'],
  // Inside the engine: cache/ -> models/ -> arrays/.
  ['src/main/engine/arrays/probe.ts', '../models/journeys'],
  ['src/main/engine/arrays/probe.ts', '../cache/cache'],
  ['src/main/engine/models/probe.ts', '../cache/cache'],
  ['src/main/engine/models/car/probe.ts', '../../cache/cache'],
  [STORE, 'electron'],
  [STORE, '../engine/arrays/load'],
  [STORE, '../handlers/index'],
  [STORE, '../import/run'],
  [STORE, '../session/session'],
  [STORE, '../engineHost/protocol'],
  [STORE, '../server/server'],
  [STORE, '../cli/main'],
  [STORE, '../export/creditsCsv'],
  [STORE, '../demo/generate'],
  [STORE, '../../renderer/src/format'],
  ['src/main/domain/probe.ts', '../store/memberIdentities'],
  ['src/main/domain/probe.ts', '../engine/arrays/dataset'],
  ['src/shared/probe.ts', '../main/engine/run'],
  ['src/shared/vocabulary/probe.ts', '../../renderer/src/format'],
  ['src/shared/probe.ts', 'node:fs'],
  ['src/shared/probe.ts', 'path'],
  ['src/shared/probe.ts', 'electron'],
  ['src/renderer/src/stores/probe.ts', '../../../main/engine/run'],
  ['src/renderer/src/probe.ts', 'node:path'],
  ['src/renderer/src/probe.ts', 'electron'],
  ['src/main/engineHost/probe.ts', '../handlers/index'],
  ['src/main/engineHost/handlers/probe.ts', '../../session/session'],
  ['src/main/handlers/probe.ts', '../server/server'],
  ['src/main/handlers/probe.ts', '../cli/commands/serve'],
  ['src/main/import/probe.ts', '../handlers/importHandlers'],
  ['src/main/session/probe.ts', '../engineHost/engineClient'],
  ['src/main/export/probe.ts', '../handlers/dispatch'],
  ['src/main/demo/probe.ts', '../cli/io'],
  ['src/main/server/probe.ts', '../cli/main'],
  ['src/main/warehouse/duckdb/probe.ts', '../../cli/main'],
  ['src/main/warehouse/solve/probe.ts', '../../handlers/dispatch'],
];

const ONE_WAY: [from: string, source: string][] = [
  [ENGINE, '../../shared/results'],
  [ENGINE, '../domain/identityRules'],
  [ENGINE, '../store/engineTables'],
  [ENGINE, '../store/engineSnapshot'],
  [ENGINE, '../store/dataRevision'],
  [ENGINE, '../store/database'],
  ['src/main/engine/arrays/probe.ts', '../../store/engineTables'],
  ['src/main/engine/models/car/probe.ts', '../journeys'],
  ['src/main/engine/models/probe.ts', '../arrays/dataset'],
  ['src/main/engine/cache/probe.ts', '../models/journeys'],
  ['src/main/engine/cache/probe.ts', '../arrays/projectSnapshot'],
  [STORE, '../../shared/errors'],
  [STORE, '../domain/identityRules'],
  ['src/shared/vocabulary/probe.ts', '../modelOptions'],
  ['src/shared/probe.ts', 'zod'],
  ['src/renderer/src/stores/probe.ts', '../../../shared/api'],
  ['src/main/engineHost/probe.ts', '../engine/cache/cache'],
  ['src/main/engineHost/handlers/probe.ts', '../../export/report'],
  ['src/main/handlers/probe.ts', '../engineHost/engineClient'],
  ['src/main/handlers/probe.ts', '../import/jobs'],
  ['src/main/handlers/probe.ts', '../session/session'],
  ['src/main/handlers/probe.ts', '../export/downloads'],
  ['src/main/handlers/probe.ts', '../store/summary'],
  ['src/main/export/probe.ts', '../engine/run'],
  ['src/main/session/probe.ts', '../demo/generate'],
  ['src/main/server/probe.ts', '../handlers/dispatch'],
  ['src/main/cli/commands/probe.ts', '../../server/server'],
  ['src/main/cli/commands/probe.ts', '../../engineHost/engineClient'],
  ['src/main/probe.ts', 'electron'],
  ['src/main/warehouse/duckdb/probe.ts', '../../store/canonicalRows'],
  ['src/main/warehouse/duckdb/probe.ts', '../sql/generate'],
  ['src/main/warehouse/solve/probe.ts', '../../engine/models/markov'],
  // Tests build their fixtures from any layer, like a shell; Electron stays out of the engine's all the same.
  ['src/main/engine/probe.test.ts', '../demo/generate'],
  ['src/main/store/probe.test.ts', '../import/run'],
];

describe('folder boundaries (eslint.config.js)', () => {
  it.each(WRONG_WAY)('fails lint on %s importing %s', async (from, source) => {
    const errors = await boundaryErrors(from, source);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^no-restricted-imports: '${source}' import is restricted`));
  });

  it.each(ONE_WAY)('lets %s import %s', async (from, source) => {
    expect(await boundaryErrors(from, source)).toEqual([]);
  });

  it('holds for type-only imports too', async () => {
    expect(await boundaryErrors(STORE, '../engine/arrays/dataset', true)).toHaveLength(1);
    expect(await boundaryErrors('src/shared/probe.ts', '../main/engine/run', true)).toHaveLength(1);
  });

  it('keeps Electron out of the engine and store tests', async () => {
    expect(await boundaryErrors('src/main/engine/probe.test.ts', 'electron')).toHaveLength(1);
    expect(await boundaryErrors('src/main/store/probe.test.ts', 'electron')).toHaveLength(1);
  });
});
