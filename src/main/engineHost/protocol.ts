import type { Method } from '../../shared/api';
import type { ApiErrorShape } from '../../shared/errors';
import type { Handlers } from '../handlerTable';

/**
 * The engine methods that only read the project and the engine's cache: a model run may be answered before them
 * (engineHost/requestOrder.ts). A new method goes here only if it writes nothing, the project's files included.
 */
export const ENGINE_READS = [
  'model:car',
  'model:compare',
  'model:series',
  'model:pipeline',
  'model:velocity',
  'model:working',
  'model:robustness',
  'model:bootstrapStatus',
  'groups:get',
  'groups:preview',
  'journey:list',
  'journey:detail',
  'scenario:list',
  'data:overview',
  'data:scopeChoices',
  'data:dateRange',
] as const satisfies readonly Method[];

/** The API methods the engine worker answers; every other method stays on the main thread. */
export const ENGINE_METHODS = [
  ...ENGINE_READS,
  'model:run',
  'model:bootstrapStart',
  'model:bootstrapCancel',
  'groups:set',
  'export:credits',
  'export:report',
  'scenario:save',
  'scenario:delete',
  'project:check',
] as const satisfies readonly Method[];

export type EngineMethod = (typeof ENGINE_METHODS)[number];

/**
 * Engine methods that read whole tables and need none of the engine's arrays: each runs in a thread started for it
 * (EngineClient.callAside), beside the worker's requests. The data health's orphan checks take 0.6-1 s at a million
 * touches; in the worker's queue they held up the Model tab's answer, and on the main thread every answer.
 */
export const ASIDE_METHODS = [
  'data:overview',
  'data:scopeChoices',
  'data:dateRange',
] as const satisfies readonly EngineMethod[];

export type EngineHandlerTable = Handlers<EngineMethod>;

/**
 * A project as the worker knows it: its file, and which opening of it this is, so a file replaced at the same path
 * (a new project created over it, a Save As over it) is read afresh rather than through an old connection.
 */
export interface EngineProjectRef {
  path: string;
  generation: number;
}

/** What the worker reports about itself (tests, diagnostics). */
export interface EngineStatus {
  project: EngineProjectRef | null;
  /** How many times the worker read a whole project into arrays since it started. */
  loads: number;
  /**
   * Of those, how many came from the project's tables and how many from the snapshot it keeps of them
   * (engine/arrays/projectSnapshot.ts), and of these how many were read ahead, while the project's checks ran.
   */
  reads: { project: number; snapshot: number; ahead: number };
  /** How many times the default model was computed before anyone asked (the prewarm), since the worker started. */
  prewarms: number;
}

export interface EngineThreadInput {
  nativeBinding?: string;
}

/** Main thread → worker. Messages are handled in order, one at a time, so a call waits for a load before it. */
export type EngineRequest =
  /** Opens the project and loads it at once (prewarm); answered when loaded, or with the error that stopped it. */
  | { type: 'open'; id: number; project: EngineProjectRef }
  | { type: 'status'; id: number }
  /**
   * Opens `project` before the session has finished checking it (all but its quick_check passed): its arrays are
   * loaded and its default model computed while quick_check runs, through a connection that refuses every write
   * until the `open` of the same project confirms it.
   */
  | { type: 'readAhead'; id: number; project: EngineProjectRef }
  /** Anonymises the project copy at `path` (a worker of its own runs this, see EngineClient.alone). */
  | { type: 'anonymise'; id: number; path: string }
  /** checkProject over the file at `path`, a restore point (a worker of its own runs this too). */
  | { type: 'checkFile'; id: number; path: string }
  /** One engine method over `project`, opened first if the worker holds another (or none). */
  | { type: 'call'; id: number; project: EngineProjectRef; method: EngineMethod; args: unknown };

/** Worker → main thread: the answer to the request with the same id. */
export type EngineResponse =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: ApiErrorShape };
