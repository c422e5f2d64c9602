import { cpSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/** The store reads its SQL migrations from a folder next to the main bundle, as it does next to its source. */
function copyMigrations(): Plugin {
  return {
    name: 'tributary-copy-migrations',
    apply: 'build',
    closeBundle() {
      cpSync(resolve('src/main/store/migrations'), resolve('out/main/migrations'), { recursive: true });
    },
  };
}

export default defineConfig({
  main: {
    plugins: [copyMigrations()],
    build: {
      // zod is a hundred small ES modules: bundled, a CLI command starts ~0.1 s sooner. better-sqlite3 (native) and
      // papaparse (one file) stay in node_modules.
      externalizeDeps: { exclude: ['zod'] },
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The tributary command line (bin/tributary.mjs loads it): plain Node, no Electron.
          cli: resolve('src/main/cli/bin.ts'),
          importThread: resolve('src/main/import/importThread.ts'),
          // A large import parses in a worker of its own while the importing thread writes (import/pipeline.ts).
          parseThread: resolve('src/main/import/parseThread.ts'),
          // A large demo is made in a worker while the calling thread writes it (demo/inWorker.ts).
          demoThread: resolve('src/main/demo/demoThread.ts'),
          engineThread: resolve('src/main/engineHost/engineThread.ts'),
        },
        // Shared chunks beside the entries, so modules that find files next to themselves (migrations) still do.
        output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js' },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot load ES modules or other files: one self-contained CommonJS bundle.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve('src/main/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    // resources/ holds the app icon: copied beside index.html, it is the page's icon and browser mode's favicon.
    publicDir: resolve('resources'),
    plugins: [react()],
    build: {
      minify: true,
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
