import type Database from 'better-sqlite3';
import { CUSTOM_FIELD_KINDS, hasCustomFields, type CustomFieldKind } from '../../shared/customFields';
import type { DataKind } from '../../shared/kinds';
import { hasTable } from './database';

/** The custom fields a kind holds (schema 0004), in the order they were first imported; none for other kinds. */
export function readCustomFields(db: Database.Database, kind: DataKind): string[] {
  if (!hasCustomFields(kind) || !hasTable(db, 'custom_fields')) return [];
  return db.prepare('SELECT name FROM custom_fields WHERE kind = ? ORDER BY position').pluck().all(kind) as string[];
}

/** Every kind's custom fields, for the data view and the report filters. */
export function readAllCustomFields(db: Database.Database): Record<CustomFieldKind, string[]> {
  return Object.fromEntries(CUSTOM_FIELD_KINDS.map((kind) => [kind, readCustomFields(db, kind)])) as Record<
    CustomFieldKind,
    string[]
  >;
}

/**
 * Adds the fields an import filled that the kind does not list yet, after the ones it has, inside the import's
 * transaction. The import plan has already kept the count within MAX_CUSTOM_FIELDS.
 */
export function registerCustomFields(db: Database.Database, kind: CustomFieldKind, names: Iterable<string>): void {
  const known = new Set(readCustomFields(db, kind));
  const add = db.prepare('INSERT INTO custom_fields (kind, name, position) VALUES (?, ?, ?)');
  let position = known.size;
  for (const name of names) {
    if (known.has(name)) continue;
    add.run(kind, name, position++);
    known.add(name);
  }
}
