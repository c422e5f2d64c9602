import { z } from 'zod';
import type { ApiErrorShape } from './errors';
import { OPPORTUNITY_TYPES, STAGES, type ImportMapping } from './importSpec';
import { DATA_KINDS, type DataKind } from './kinds';
import { pathSchema } from './pathSchema';

/** Import and data-view methods of the API (merged into api.ts): argument schemas and result types. */

const filePath = pathSchema('a file path is required');

const kind = z.enum(DATA_KINDS);
const offset = z.number().int().min(0).default(0);
const limit = z.number().int().min(1).max(1000).default(200);
const jobId = z.string().min(1).max(64);

/** A mapping as the wizard sends it and as a project stores it (untrusted either way: checked on the way in). */
export const importMappingSchema = z.strictObject({
  kind,
  columns: z.record(z.string(), z.string()),
  stageValues: z.record(z.string(), z.enum(STAGES)).optional(),
  typeValues: z.record(z.string(), z.enum(OPPORTUNITY_TYPES)).optional(),
  formats: z.strictObject({
    dateOrder: z.enum(['iso', 'month-first', 'day-first']),
    decimalComma: z.boolean(),
  }),
});

export const importArgSchemas = {
  /** Reads a file's head: kind suggestions, the mapping to start from, detected formats and what stays open. */
  'import:inspect': z.strictObject({ path: filePath, kind: kind.optional() }),
  /** The first rows exactly as they would be stored under a mapping, with each row's issues. */
  'import:preview': z.strictObject({
    path: filePath,
    mapping: importMappingSchema,
    rows: z.number().int().min(1).max(200).default(20),
  }),
  /** Starts an import in the background; `dryRun` validates the whole file and writes nothing. */
  'import:start': z.strictObject({
    path: filePath,
    mapping: importMappingSchema,
    strict: z.boolean().default(false),
    dryRun: z.boolean().default(false),
    saveMappingAs: z.string().trim().min(1).max(200).optional(),
  }),
  'import:status': z.strictObject({ jobId }),
  'import:cancel': z.strictObject({ jobId }),
  'import:history': z.strictObject({}),
  'import:issues': z.strictObject({ importId: z.number().int().positive(), offset, limit }),
  /** Every issue of an import as CSV text, safe to open in a spreadsheet. */
  'import:issuesCsv': z.strictObject({ importId: z.number().int().positive() }),
  'data:overview': z.strictObject({}),
  'data:rows': z.strictObject({ kind, offset, limit }),
  'data:unresolved': z.strictObject({ offset, limit }),
  /** The names of community members, by id, for lists that would otherwise show ids. */
  'data:memberNames': z.strictObject({ ids: z.array(z.string().min(1).max(200)).max(2000) }),
  /** What a report scope can filter by (spec 9): segments, custom fields and their values, the data's dates. */
  'data:scopeChoices': z.strictObject({}),
  /** The span of the project's dated rows (the Overview's "Date range"). */
  'data:dateRange': z.strictObject({}),
};

export type Cell = string | number | null;

/** UTC milliseconds of the earliest and latest dated row; null for an empty project. */
export type DateRange = { first: number; last: number } | null;

export interface ImportIssue {
  line: number;
  /** The file's header of the column, or null for a problem with the whole row. */
  column: string | null;
  severity: 'rejected' | 'warning';
  reason: string;
}

export interface ImportProgress {
  rowsRead: number;
  bytesRead: number;
  totalBytes: number;
  percent: number;
  rowsPerSecond: number;
}

/** Which file an import read, as which kind, and what became of its rows: its report says it, its history keeps it. */
export interface ImportTally {
  kind: DataKind;
  fileName: string;
  sha256: string;
  rowsRead: number;
  rowsImported: number;
  rowsRejected: number;
}

export interface ImportReport extends ImportTally {
  /** The import's history row; null when nothing was written (dry run, or strict mode with rejected rows). */
  importId: number | null;
  committed: boolean;
  warnings: number;
  /** The first issues in file order; all of them are in the project's import history. */
  issues: ImportIssue[];
  mapping: ImportMapping;
  notes: string[];
  /** The file's columns kept as custom fields (data.md), by the name each is kept under; filled in some row. */
  customFields: string[];
  /** The file's columns neither mapped nor kept (a kind without custom fields, or past the most a kind keeps). */
  ignoredHeaders: string[];
}

export interface ImportInspection {
  fileName: string;
  size: number;
  delimiter: string;
  headers: string[];
  suggestions: { kind: DataKind; score: number; missingRequired: string[] }[];
  /** The kind asked for, else the best suggestion. */
  kind: DataKind;
  /** A saved mapping for these headers if there is one, else auto-mapped; formats as detected. */
  mapping: ImportMapping;
  savedMappingName: string | null;
  notes: string[];
  /** The custom fields the project already holds for this kind: a file's extra columns add to them. */
  existingCustomFields: string[];
  /** What the file's values could not settle: the wizard asks the user. */
  undecided: { dateOrder: boolean; decimalComma: boolean };
  /** Distinct words of the mapped stage and type columns in the sample, for value mapping. */
  stageWords: string[];
  typeWords: string[];
}

export interface ImportPreview {
  /** Stored columns, in the order of each row's values. */
  columns: string[];
  /** The file's columns kept as custom fields, by the name each is kept under (data.md). */
  customFields: string[];
  /** The file's columns neither mapped nor kept. */
  ignoredHeaders: string[];
  /** `custom`: the row's custom fields with a value, by name (absent for a rejected row). */
  rows: { line: number; values: Cell[] | null; custom?: Record<string, string>; issues: ImportIssue[] }[];
}

export interface ImportJobStatus {
  jobId: string;
  state: 'running' | 'done' | 'failed' | 'cancelled';
  dryRun: boolean;
  progress: ImportProgress | null;
  report: ImportReport | null;
  error: ApiErrorShape | null;
}

export interface ImportHistoryRow extends ImportTally {
  importId: number;
  strict: boolean;
  startedAt: number;
  finishedAt: number;
}

export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export interface DataOverview {
  counts: Record<DataKind, number>;
  /** References to rows the project does not have: kept, and flagged here (data.md). */
  orphans: { relation: string; label: string; count: number }[];
  members: { total: number; unresolved: number; byMethod: Record<string, number> };
  /** Job moves whose target domain matched no account: from then on the member's actions count for no account. */
  jobMoves: { total: number; unresolved: number };
}

/** What the scope bar offers (spec 9). */
export interface ScopeChoices {
  /** Account segments, '' for accounts without one (when some have none). */
  segments: string[];
  /**
   * The custom fields a scope can filter by: the opportunity's, then the account's not named like one of them (a
   * filter by that name reads the opportunity's). `values`: the most common values first, at most 200, '' = none.
   */
  fields: { field: string; kind: 'opportunities' | 'accounts'; values: string[]; more: boolean }[];
  /** The first and latest dates of the project's deals and touches (YYYY-MM-DD, UTC), null when it has none. */
  dates: { first: string; latest: string } | null;
}

export interface UnresolvedMember {
  memberId: string;
  email: string | null;
  name: string | null;
  companyDomain: string | null;
  reason: string;
}

export interface ImportResults {
  'import:inspect': ImportInspection;
  'import:preview': ImportPreview;
  'import:start': { jobId: string };
  'import:status': ImportJobStatus;
  'import:cancel': null;
  'import:history': ImportHistoryRow[];
  'import:issues': Page<ImportIssue>;
  'import:issuesCsv': { fileName: string; csv: string };
  'data:overview': DataOverview;
  /** `columns`: the stored ones, then the kind's custom fields by name (the last `customColumns` of them). */
  'data:rows': Page<Cell[]> & { columns: string[]; customColumns: number };
  'data:unresolved': Page<UnresolvedMember>;
  /** Name by member id; members without a name are left out. */
  'data:memberNames': Record<string, string>;
  'data:scopeChoices': ScopeChoices;
  'data:dateRange': DateRange;
}
