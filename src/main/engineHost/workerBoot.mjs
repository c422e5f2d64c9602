// Starts the engine worker from the TypeScript sources (CLI, browser mode, tests), as the import worker's boot file
// does. The Electron build runs the bundled worker (engineThread.js) instead.
import { register } from 'tsx/esm/api';

register();
await import('./engineThread.ts');
