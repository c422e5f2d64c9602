// Starts the import worker from the TypeScript sources (CLI, browser mode, tests), the way bin/tributary.mjs
// starts the CLI: each worker thread registers its own loader. The Electron build runs the bundled worker instead.
import { register } from 'tsx/esm/api';

register();
await import('./importThread.ts');
