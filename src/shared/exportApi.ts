import { z } from 'zod';
import { modelOptionsSchema } from './modelOptions';
import { pathSchema } from './pathSchema';

const exportPath = pathSchema('a file path is required');

function isLocale(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

/** Export methods of the API (merged into api.ts): files for people to keep, from the options the UI shows. */
export const exportArgSchemas = {
  /** Desktop only: the system's save dialog for an export file. */
  'dialog:pickExport': z.strictObject({
    format: z.enum(['csv', 'html']),
    suggestedName: z.string().max(200).optional(),
  }),
  /**
   * Per-touch credits of spec cli.md `--out`, written by the engine's process: a million touches make ~100 MB,
   * which must not cross as one string. With `path` (desktop, from dialog:pickExport) the file goes there;
   * without it (browser mode) it goes to the user-data folder and the answer names a download.
   */
  'export:credits': z.strictObject({ options: modelOptionsSchema, path: exportPath.optional() }),
  /** The one-page summary of the scenario as a self-contained HTML page; small, so it crosses as a string. */
  'export:report': z.strictObject({
    options: modelOptionsSchema,
    /** The UI's locale, so the report formats numbers and dates as the screen does; the system's otherwise. */
    locale: z.string().max(35).refine(isLocale, 'not a BCP 47 locale such as en-US').optional(),
    /** A finished bootstrap of these options (model:bootstrapStart) whose intervals the report shows. */
    bootstrapJobId: z.string().min(1).max(100).optional(),
  }),
};

export interface CreditsExport {
  rows: number;
  fileName: string;
  /** Where the file was written, when the caller chose the path. */
  path: string | null;
  /** Browser mode: fetch the file at `/download/<downloadId>`. */
  downloadId: string | null;
}

export interface ExportResults {
  /** The chosen path, or null when the user cancelled. */
  'dialog:pickExport': string | null;
  'export:credits': CreditsExport;
  'export:report': { fileName: string; html: string };
}
