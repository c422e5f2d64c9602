// Starts the demo's generating worker from the TypeScript sources (CLI, browser mode, tests), as the import
// worker's boot file does. A build runs the bundled demoThread.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./demoThread.ts');
