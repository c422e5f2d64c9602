import type Database from 'better-sqlite3';
import type { TouchPerson } from '../../shared/journeyApi';

/** Where each kind of row keeps its name (data.md): the tables names are read from, never a caller's text. */
const NAMED = {
  accounts: { table: 'accounts', id: 'account_id' },
  community_members: { table: 'community_members', id: 'member_id' },
} as const;

/**
 * The names of the rows of one kind given by id, for lists that would otherwise show ids; a row without a name, or
 * not in the project, is left out.
 */
function readNames(db: Database.Database, kind: keyof typeof NAMED, ids: readonly string[]): Record<string, string> {
  if (ids.length === 0) return {};
  const { table, id } = NAMED[kind];
  const rows = db
    .prepare(
      `SELECT ${id}, name FROM ${table}
       WHERE ${id} IN (SELECT value FROM json_each(?)) AND name IS NOT NULL AND trim(name) <> ''`,
    )
    .raw()
    .all(JSON.stringify(ids)) as [string, string][];
  return Object.fromEntries(rows);
}

/** The names of the accounts given by id (data.md: `accounts.name`). */
export function readAccountNames(db: Database.Database, ids: readonly string[]): Record<string, string> {
  return readNames(db, 'accounts', ids);
}

/** The names of the community members given by id (data.md: `community_members.name`). */
export function readMemberNames(db: Database.Database, ids: readonly string[]): Record<string, string> {
  return readNames(db, 'community_members', ids);
}

/**
 * The accounts whose name holds `text`, case-insensitively (SQLite's lower() folds ASCII letters only, as the
 * engine's filter of ids and deal names does not need to: those are matched in JavaScript).
 */
export function findAccountsByName(db: Database.Database, text: string): Set<string> {
  const rows = db
    .prepare(`SELECT account_id FROM accounts WHERE name IS NOT NULL AND instr(lower(name), lower(?)) > 0`)
    .pluck()
    .all(text) as string[];
  return new Set(rows);
}

/** Who made each touch, by touch id: marketing touches by `touchpoint_id`, community ones by `action_id` (spec 1). */
export interface TouchPeople {
  marketing: Map<string, TouchPerson>;
  community: Map<string, TouchPerson>;
}

/**
 * The person behind each touch (issue 17, people not ids): a touchpoint's contact, named by first and last name
 * (data.md: contacts), and a community action's member, named by `community_members.name`. A touchpoint that names
 * only an account has no person and is left out; a person without a name, or missing from the project (an orphan
 * reference), keeps its id with a null name.
 */
export function readTouchPeople(
  db: Database.Database,
  marketingIds: readonly string[],
  communityIds: readonly string[],
): TouchPeople {
  const toMap = (rows: [string, string, string | null][]) =>
    new Map(rows.map(([touch, id, name]) => [touch, { id, name }] as const));
  const marketing =
    marketingIds.length === 0
      ? []
      : (db
          .prepare(
            `SELECT t.touchpoint_id, t.contact_id,
                    nullif(trim(coalesce(c.first_name, '') || ' ' || coalesce(c.last_name, '')), '')
             FROM touchpoints t LEFT JOIN contacts c ON c.contact_id = t.contact_id
             WHERE t.touchpoint_id IN (SELECT value FROM json_each(?)) AND t.contact_id IS NOT NULL`,
          )
          .raw()
          .all(JSON.stringify(marketingIds)) as [string, string, string | null][]);
  const community =
    communityIds.length === 0
      ? []
      : (db
          .prepare(
            `SELECT a.action_id, a.member_id, nullif(trim(m.name), '')
             FROM community_actions a LEFT JOIN community_members m ON m.member_id = a.member_id
             WHERE a.action_id IN (SELECT value FROM json_each(?))`,
          )
          .raw()
          .all(JSON.stringify(communityIds)) as [string, string, string | null][]);
  return { marketing: toMap(marketing), community: toMap(community) };
}
