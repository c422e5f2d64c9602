import type Database from 'better-sqlite3';

/**
 * The project's data revision (migration 0002) in hex: a random token that triggers draw afresh with every change to
 * a table the engine reads, so equal tokens mean equal engine data. Null for a file without one, which is then never
 * cached. Its length is checked in SQL, so a planted huge value is never read into memory.
 */
export function readDataRevision(db: Database.Database): string | null {
  const hasTable = db.prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'data_revision'").get();
  if (!hasTable) return null;
  const token = db.prepare('SELECT hex(token) FROM data_revision WHERE id = 1 AND length(token) = 16').pluck().get() as
    string | undefined;
  return token ?? null;
}
