import { z } from 'zod';
import type { ApiErrorShape } from './errors';
import { exportArgSchemas, type ExportResults } from './exportApi';
import { importArgSchemas, type ImportResults } from './importApi';
import { journeyArgSchemas, type JourneyResults } from './journeyApi';
import { modelArgSchemas, type ModelResults } from './modelApi';
import { restoreArgSchemas, type RestoreResults } from './restoreApi';
import { scenarioArgSchemas, type ScenarioResults } from './scenarioApi';
import { reportArgSchemas, type ReportResults } from './reportApi';
import { robustnessArgSchemas, type RobustnessResults } from './robustnessApi';
import type { DataKind } from './kinds';
import type { MethodName } from './methods';
import { pathSchema } from './pathSchema';
import { THEMES, type Theme } from './preferences';

/**
 * The one contract between the UI and the engine: every method's argument schema (validated at the boundary by
 * both transports) and result type. Handlers in src/main/handlers implement it once.
 */

const projectPath = pathSchema('a project path is required');

const currency = z
  .string()
  .regex(/^[A-Z]{3}$/, 'use a three-letter ISO 4217 code such as USD or EUR')
  .default('USD');

const noArgs = z.strictObject({});

export const argSchemas = {
  'app:info': noArgs,
  'project:create': z.strictObject({
    name: z.string().trim().min(1, 'a project name is required').max(200),
    /** Where to create it; defaults to `<name>.sqlite` in the app's projects folder. */
    path: projectPath.optional(),
    currency,
  }),
  'project:open': z.strictObject({ path: projectPath }),
  'project:openDemo': noArgs,
  'project:current': noArgs,
  'project:close': noArgs,
  /** Reopens the project that was open when the app last quit (not one the user closed), if it still exists. */
  'project:reopenLast': noArgs,
  'prefs:get': noArgs,
  'prefs:set': z.strictObject({ theme: z.enum(THEMES) }),
  'project:saveAs': z.strictObject({ path: projectPath, overwrite: z.boolean().default(false) }),
  'project:summary': noArgs,
  /** SQLite's full integrity check and the schema check on the open project; reads only. */
  'project:check': noArgs,
  'recent:list': noArgs,
  'recent:forget': z.strictObject({ path: projectPath }),
  /** Desktop only: the system's file dialog, to open a project or choose where to create or save one. */
  'dialog:pickProject': z.strictObject({
    purpose: z.enum(['open', 'save', 'csv']),
    suggestedName: z.string().max(200).optional(),
  }),
  ...importArgSchemas,
  ...modelArgSchemas,
  ...journeyArgSchemas,
  ...scenarioArgSchemas,
  ...reportArgSchemas,
  ...robustnessArgSchemas,
  ...exportArgSchemas,
  ...restoreArgSchemas,
} satisfies Record<MethodName, z.ZodType>;

export interface ProjectMetaInfo {
  name: string;
  currency: string;
  createdAt: string;
  appVersion: string;
  /** Set in a copy made by `project:saveAnonymised`: when its personal data was replaced. */
  anonymisedAt?: string;
}

export interface ProjectInfo {
  path: string;
  meta: ProjectMetaInfo;
  /** Present when opening upgraded the file's schema: the copy made beforehand, next to it. */
  upgraded?: { fromVersion: number; toVersion: number; backup: string };
}

/** What `project:check` found; `problems` is empty when the project is sound. */
export interface ProjectCheckReport {
  path: string;
  ok: boolean;
  schemaVersion: number;
  problems: string[];
}

export interface ProjectSummary extends ProjectInfo {
  counts: Record<DataKind, number>;
  wonOpportunities: number;
  wonRevenue: number;
}

export type { DateRange } from './importApi';

export interface RecentProject {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface AppInfo {
  version: string;
  mode: 'desktop' | 'browser';
  schemaVersion: number;
  projectsDir: string;
}

export interface Results
  extends
    ImportResults,
    ModelResults,
    JourneyResults,
    ScenarioResults,
    ReportResults,
    RobustnessResults,
    ExportResults,
    RestoreResults {
  'app:info': AppInfo;
  'project:create': ProjectInfo;
  'project:open': ProjectInfo;
  'project:openDemo': ProjectInfo;
  'project:current': ProjectInfo | null;
  'project:close': null;
  'project:reopenLast': ProjectInfo | null;
  'prefs:get': { theme: Theme };
  'prefs:set': { theme: Theme };
  'project:saveAs': ProjectInfo;
  'project:summary': ProjectSummary;
  'project:check': ProjectCheckReport;
  'recent:list': RecentProject[];
  'recent:forget': RecentProject[];
  /** The chosen path, or null when the user cancelled. */
  'dialog:pickProject': string | null;
}

export type Method = MethodName;
export type Args<M extends Method> = z.input<(typeof argSchemas)[M]>;
export type ValidArgs<M extends Method> = z.output<(typeof argSchemas)[M]>;

/** What the renderer calls: one async function per method, the same in Electron and in browser mode. */
export type TributaryApi = { [M in Method]: (args: Args<M>) => Promise<Results[M]> };

/** What crosses a transport: the result, or a typed error. Transports never throw across the boundary. */
export type Envelope<T> = { ok: true; result: T } | { ok: false; error: ApiErrorShape };

/** What a transport carries for each method: arguments in, an envelope out. The preload exposes exactly this. */
export type TributaryBridge = { [M in Method]: (args: Args<M>) => Promise<Envelope<Results[M]>> };
