import { z } from 'zod';
import type { ProjectInfo } from './api';
import type { DataKind } from './kinds';
import { pathSchema } from './pathSchema';

/** Why a restore point was made: periodically while data changed, before an import, before a restore. */
export const RESTORE_POINT_REASONS = ['auto', 'import', 'restore'] as const;
export type RestorePointReason = (typeof RESTORE_POINT_REASONS)[number];

export interface RestorePointInfo {
  /** Names the point; `restore:apply` takes it back. */
  id: string;
  /** ISO 8601, UTC. */
  createdAt: string;
  reason: RestorePointReason;
  /** Size of the point's file. */
  bytes: number;
  /** Rows per kind, to tell points apart; absent when the point cannot be read. */
  counts?: Record<DataKind, number>;
}

const pathArg = pathSchema('a file path is required');

/**
 * Restore points and anonymised copies (merged into api.ts): both copy the open project with the SQLite backup API.
 */
export const restoreArgSchemas = {
  'restore:list': z.strictObject({}),
  'restore:apply': z.strictObject({
    id: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z._-]{1,80}$/, 'a restore point id is letters, digits, dots, dashes and underscores'),
  }),
  'project:saveAnonymised': z.strictObject({ path: pathArg, overwrite: z.boolean().default(false) }),
};

export interface RestoreResults {
  /** Newest first. */
  'restore:list': RestorePointInfo[];
  /** The project, reopened on the restored state. */
  'restore:apply': ProjectInfo;
  /** Where the copy went; the open project stays the original. */
  'project:saveAnonymised': { path: string; anonymisedAt: string };
}
