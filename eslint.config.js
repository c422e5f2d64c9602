import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/*
 * Which way dependencies point (docs/architecture.md): shells (src/main/index.ts, server, cli) -> handlers ->
 * engineHost -> engine and store; src/shared under both processes, src/renderer never in the main process's code.
 * Each rule below names what a folder must not import. Imports are relative, so a folder is matched where an import
 * climbs into it ('../store/x' from engine/, '../../store/x' from engine/arrays/). Tests (*.test.ts) may reach across
 * layers to build their fixtures, like a shell; Electron stays out of them all the same.
 * test/architecture.test.ts shows each rule failing a wrong-way import.
 */
const ELECTRON = {
  regex: '^electron(/|$)',
  caseSensitive: true,
  message: "Plain Node only here: Electron is the desktop shell's (src/main/index.ts, menu.ts, preload.ts).",
};
/** A relative import that climbs into one of `folders`. */
const into = (folders, message) => ({ regex: `^(\\.\\./)+(${folders.join('|')})/`, caseSensitive: true, message });
/** Node's built-in modules, with and without `node:`: the renderer and src/shared run in a browser too. */
const NODE_BUILTINS = [
  { regex: '^node:', caseSensitive: true, message: 'This code runs in the browser too: no Node built-ins.' },
  {
    regex: `^(${builtinModules.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(/|$)`,
    caseSensitive: true,
    message: 'This code runs in the browser too: no Node built-ins.',
  },
];
const SHELLS = ['handlers', 'engineHost', 'server', 'cli'];
/** What the engine, and each of its parts, must not import from outside it. */
const ENGINE_OUTWARD = [
  into(
    ['import', 'session', 'export', 'demo', ...SHELLS, 'renderer'],
    'The engine runs the same under every shell: it imports src/shared, domain/ and the store query modules it reads.',
  ),
  {
    // The store's modules the engine reads the project through; the rest of the store is not its business.
    regex: '^(\\.\\./)+store/(?!(engineTables|engineSnapshot|dataRevision|database|customFields|channelGroups)$)',
    caseSensitive: true,
    message:
      'The engine reads the project only through store/engineTables, engineSnapshot, dataRevision, database, customFields, channelGroups.',
  },
];
const layers = [
  {
    files: ['src/shared/**/*.ts'],
    patterns: [
      into(['main', 'renderer'], 'src/shared holds what both processes use: it imports neither of them.'),
      ...NODE_BUILTINS,
    ],
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    patterns: [
      into(['main'], 'The renderer reaches the main process only through the API (src/shared/api.ts, api/client.ts).'),
      ...NODE_BUILTINS,
    ],
  },
  {
    files: ['src/main/domain/**/*.ts'],
    patterns: [
      into(
        ['engine', 'store', 'import', 'session', 'export', 'demo', ...SHELLS, 'renderer'],
        'Domain rules are plain functions the engine and the store both use: they import only src/shared.',
      ),
    ],
  },
  {
    files: ['src/main/store/**/*.ts'],
    patterns: [
      into(
        ['engine', 'import', 'session', 'export', 'demo', ...SHELLS, 'renderer'],
        'The store answers every caller and calls none: it imports src/shared and domain/ only.',
      ),
    ],
  },
  {
    files: ['src/main/warehouse/sql/**/*.ts'],
    patterns: [
      into(
        ['engine', 'store', 'import', 'session', 'export', 'demo', ...SHELLS, 'renderer'],
        'The SQL generator writes the rules as text: it imports src/shared and domain/ only.',
      ),
    ],
  },
  { files: ['src/main/engine/**/*.ts'], patterns: ENGINE_OUTWARD },
  // The engine's parts point one way too: cache/ -> models/ -> arrays/ (run.ts, the entry, over them all).
  {
    files: ['src/main/engine/arrays/**/*.ts'],
    patterns: [
      ...ENGINE_OUTWARD,
      into(['models', 'cache'], 'The arrays are what the models read: they import neither the models nor the cache.'),
    ],
  },
  {
    files: ['src/main/engine/models/**/*.ts'],
    patterns: [
      ...ENGINE_OUTWARD,
      into(['cache'], 'The models are functions of the arrays: they never reach for the cache.'),
    ],
  },
  {
    files: ['src/main/{import,session,export,demo}/**/*.ts'],
    patterns: [into([...SHELLS, 'renderer'], 'Handlers and shells call this code; it does not call them.')],
  },
  {
    // The warehouse runner (embedded DuckDB) and the path-summary solver: like export/, they read through the engine
    // and the store, and the CLI calls them.
    files: ['src/main/warehouse/{duckdb,solve}/**/*.ts'],
    patterns: [into([...SHELLS, 'renderer'], 'The CLI calls the warehouse runner and solver; they do not call it.')],
  },
  {
    files: ['src/main/engineHost/**/*.{ts,mjs}'],
    patterns: [
      into(
        ['handlers', 'session', 'server', 'cli', 'renderer'],
        "The engine thread answers the main thread's handlers, which import it: never the other way.",
      ),
    ],
  },
  {
    files: ['src/main/handlers/**/*.ts'],
    patterns: [into(['server', 'cli', 'renderer'], 'The shells import the handler table, not the other way.')],
  },
  {
    files: ['src/main/server/**/*.ts'],
    patterns: [into(['cli', 'renderer'], 'The CLI starts the server, not the other way.')],
  },
  { files: ['src/main/cli/**/*.ts'], patterns: [into(['renderer'], 'The CLI is plain Node.')] },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/main/**/*.{ts,mjs}', 'src/shared/**/*.ts', 'test/**/*.ts', 'scripts/**/*', 'bin/**/*', '*.config.*'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    // Everything but the desktop shell's own files runs under the CLI, browser mode and tests: never Electron.
    files: ['src/main/*/**/*.{ts,mjs}', 'src/shared/**/*.ts', 'src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON] }] },
  },
  // A later block replaces the rule's options for the files it matches, so each layer repeats the Electron ban.
  ...layers.map(({ files, patterns }) => ({
    files,
    ignores: ['**/*.test.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [ELECTRON, ...patterns] }] },
  })),
);
