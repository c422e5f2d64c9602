import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
    // The engine and store run under the CLI, browser mode and tests: they must never reach for Electron.
    files: [
      'src/main/engine/**/*.ts',
      'src/main/store/**/*.ts',
      'src/main/session/**/*.ts',
      'src/main/server/**/*.ts',
      'src/main/handlers/**/*.ts',
      'src/main/cli/**/*.ts',
      'src/main/demo/**/*.ts',
      'src/main/import/**/*.ts',
      'src/main/export/**/*.ts',
      'src/shared/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Plain Node only here (STYLE.md).' }] },
      ],
    },
  },
);
