import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { TributaryError } from '../../../shared/errors';
import type { DataKind } from '../../../shared/kinds';
import { CANONICAL_KINDS, REQUIRED_KINDS } from './canonicalTables';

export type FileFormat = 'csv' | 'parquet';

export interface CanonicalFile {
  kind: DataKind;
  path: string;
  /** The name as the folder spells it, for messages. */
  name: string;
  format: FileFormat;
}

/**
 * The canonical files of a folder: `<kind>.csv` or `<kind>.parquet` for each kind of data.md (the name compared
 * without regard to case). Opportunities and touchpoints are required; a kind with no file is an empty table. A kind
 * given twice (both a CSV and a Parquet file) is refused rather than one picked silently.
 */
export function findCanonicalFiles(folder: string): CanonicalFile[] {
  let names: string[];
  try {
    if (!statSync(folder).isDirectory()) throw new Error('not a folder');
    names = readdirSync(folder);
  } catch {
    throw new TributaryError('not_found', `${folder} is not a folder Tributary can read`);
  }
  const found = new Map<DataKind, CanonicalFile>();
  for (const name of names) {
    const match = /^(.+)\.(csv|parquet)$/i.exec(name);
    const kind = CANONICAL_KINDS.find((k) => k === match?.[1]?.toLowerCase());
    if (match === null || kind === undefined) continue;
    const earlier = found.get(kind);
    if (earlier !== undefined) {
      throw new TributaryError(
        'bad_request',
        `${folder} holds both ${earlier.name} and ${name}: keep one file per kind (${kind})`,
      );
    }
    found.set(kind, { kind, path: join(folder, name), name, format: (match[2] as string).toLowerCase() as FileFormat });
  }
  const missing = REQUIRED_KINDS.filter((kind) => !found.has(kind));
  if (missing.length > 0) {
    const files = missing.map((kind) => `${kind}.csv (or ${kind}.parquet)`).join(' and ');
    throw new TributaryError(
      'bad_request',
      `${folder} has no ${files}: a folder of canonical files needs at least opportunities and touchpoints`,
    );
  }
  return CANONICAL_KINDS.flatMap((kind) => found.get(kind) ?? []);
}

/**
 * The bytes DuckDB will read from `source`: a folder's canonical files, or a project file; 0 for one it cannot read,
 * which the load then refuses with its own message.
 */
export function inputBytes(source: string): number {
  try {
    const stats = statSync(source);
    if (!stats.isDirectory()) return stats.size;
    return findCanonicalFiles(source).reduce((sum, file) => sum + statSync(file.path).size, 0);
  } catch {
    return 0;
  }
}
