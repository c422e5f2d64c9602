import type Database from 'better-sqlite3';
import { importMappingSchema } from '../../shared/importApi';
import type { ImportMapping } from '../../shared/importSpec';
import type { DataKind } from '../../shared/kinds';

export interface SavedMapping {
  name: string;
  mapping: ImportMapping;
}

/** The mapping saved for files of this kind with this header set (data.md: reused automatically), if any. */
export function findSavedMapping(db: Database.Database, kind: DataKind, signature: string): SavedMapping | null {
  const row = db
    .prepare(
      `SELECT name, mapping_json FROM mappings WHERE kind = ? AND header_signature = ?
       ORDER BY updated_at DESC, mapping_id DESC LIMIT 1`,
    )
    .get(kind, signature) as { name: string; mapping_json: string } | undefined;
  const mapping = row === undefined ? null : parseStoredMapping(row.mapping_json);
  return row && mapping ? { name: row.name, mapping } : null;
}

function parseStoredMapping(json: string): ImportMapping | null {
  try {
    const parsed = importMappingSchema.safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveMapping(db: Database.Database, name: string, signature: string, mapping: ImportMapping): void {
  db.prepare(
    `INSERT INTO mappings (name, kind, header_signature, mapping_json, updated_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET kind = excluded.kind, header_signature = excluded.header_signature,
       mapping_json = excluded.mapping_json, updated_at = excluded.updated_at`,
  ).run(name, mapping.kind, signature, JSON.stringify(mapping), Date.now());
}
