// Starts the parsing worker of a pipelined import from the TypeScript sources (CLI, browser mode, tests), as
// workerBoot.mjs does for the import worker. A build runs the bundled parseThread.js instead.
import { register } from 'tsx/esm/api';

register();
await import('./parseThread.ts');
