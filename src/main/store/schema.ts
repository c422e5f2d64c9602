import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { connect, type OpenOptions } from './database';
import { migrate, type Migration } from './migrations';

/** One row of sqlite_schema, as far as it decides what a file can do: its kind, name, table and definition. */
export interface SchemaObject {
  type: string;
  name: string;
  tblName: string;
  sql: string | null;
}

/**
 * Tables SQLite itself adds: ANALYZE's statistics only steer the query planner, so a file that has them (a user ran
 * ANALYZE, or a later Tributary does) is still ours; they are never read as data.
 */
const PLANNER_STATISTICS = new Set(['sqlite_stat1', 'sqlite_stat2', 'sqlite_stat3', 'sqlite_stat4']);

const expectedCache = new Map<string, SchemaObject[]>();

/**
 * What the first `version` migrations create, built once per migration list on an in-memory database by the same
 * `migrate` that builds real projects, so the comparison never drifts from the migrations themselves.
 */
export function expectedSchema(migrations: Migration[], version: number, options: OpenOptions = {}): SchemaObject[] {
  const applied = migrations.slice(0, version);
  const key = createHash('sha256')
    .update(applied.map((m) => `${m.version}\0${m.sql}`).join('\0'))
    .digest('hex');
  const cached = expectedCache.get(key);
  if (cached) return cached;
  // Through connect, so the desktop app's Electron build of SQLite is the one used here too.
  const db = connect(':memory:', options);
  try {
    migrate(db, ':memory:', applied);
    const schema = readSchema(db);
    expectedCache.set(key, schema);
    return schema;
  } finally {
    db.close();
  }
}

/**
 * Reads sqlite_schema itself (no view or trigger can stand in for it: SQLite reserves the name), sorted so two
 * schemas compare row by row.
 */
export function readSchema(db: Database.Database): SchemaObject[] {
  const rows = db.prepare('SELECT type, name, tbl_name AS tblName, sql FROM sqlite_schema').all() as SchemaObject[];
  return rows
    .filter((row) => !(row.type === 'table' && PLANNER_STATISTICS.has(row.name)))
    .map((row) => ({ ...row, sql: row.sql === null ? null : normaliseSql(row.sql) }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Whitespace is the only difference tolerated: SQLite keeps the text as written, and editors reflow it. */
function normaliseSql(sql: string): string {
  return sql.replace(/\s+/g, ' ').trim();
}

/**
 * Each difference between a file's schema and the expected one, in words naming the object: anything Tributary
 * did not create could run SQL on a read (a trigger, a view standing in for a table) or change what a query
 * returns, so any difference is a reason to refuse the file.
 */
export function schemaDifferences(actual: SchemaObject[], expected: SchemaObject[]): string[] {
  const wanted = new Map(expected.map((object) => [object.name, object]));
  const found = new Map(actual.map((object) => [object.name, object]));
  const differences: string[] = [];
  for (const object of actual) {
    const twin = wanted.get(object.name);
    if (!twin) {
      differences.push(`has ${describe(object)} that Tributary does not create`);
    } else if (twin.type !== object.type) {
      differences.push(`has ${describe(object)} where Tributary creates ${describe(twin)}`);
    } else if (twin.tblName !== object.tblName || twin.sql !== object.sql) {
      differences.push(`has ${describe(object)} defined differently from the one Tributary creates`);
    }
  }
  for (const object of expected) {
    if (!found.has(object.name)) differences.push(`lacks ${describe(object)} that Tributary creates`);
  }
  return differences;
}

function describe(object: SchemaObject): string {
  const article = /^[aeiou]/.test(object.type) ? 'an' : 'a';
  const on = object.type === 'index' || object.type === 'trigger' ? ` on \`${printable(object.tblName)}\`` : '';
  return `${article} ${object.type} \`${printable(object.name)}\`${on}`;
}

/** Names come from the file: control characters and very long names would garble the message they appear in. */
export function printable(name: string): string {
  // eslint-disable-next-line no-control-regex
  const clean = name.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 77)}...` : clean;
}
