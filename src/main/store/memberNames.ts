import type Database from 'better-sqlite3';

/**
 * The names of the community members given by id (data.md: `community_members.name`), for lists that would
 * otherwise show ids; a member without a name, or not in the project, is left out.
 */
export function readMemberNames(db: Database.Database, ids: readonly string[]): Record<string, string> {
  if (ids.length === 0) return {};
  const rows = db
    .prepare(
      `SELECT member_id, name FROM community_members
       WHERE member_id IN (SELECT value FROM json_each(?)) AND name IS NOT NULL AND trim(name) <> ''`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [string, string][];
  return Object.fromEntries(rows);
}
