import type Database from 'better-sqlite3';
import type { Cell, DataOverview, Page, ScopeChoices, UnresolvedMember } from '../../shared/importApi';
import type { DataKind } from '../../shared/kinds';
import { readCustomFields } from './customFields';
import { countRows, projectDateRange } from './summary';

interface OrphanCheck {
  relation: string;
  label: string;
  sql: string;
}

/**
 * Counts the rows of `table` whose `column` names a row `parent` does not hold (keyed by a column of the same name).
 * A null names no row; `carrying` says which rows carry the reference when that is not every row with a value.
 */
function missingParent(
  table: string,
  column: string,
  parent: string,
  label: string,
  carrying = `${column} IS NOT NULL`,
): OrphanCheck {
  return {
    relation: `${table}.${column}`,
    label,
    sql: `SELECT count(*) FROM ${table} r WHERE ${carrying}
          AND NOT EXISTS (SELECT 1 FROM ${parent} p WHERE p.${column} = r.${column})`,
  };
}

/**
 * References to rows the project does not hold. data.md keeps such rows (a touch of an unknown contact is still a
 * touch once the contacts arrive) and the data view flags them.
 */
const ORPHAN_CHECKS: OrphanCheck[] = [
  missingParent('contacts', 'account_id', 'accounts', 'Contacts whose account is not in the project'),
  missingParent('opportunities', 'account_id', 'accounts', 'Opportunities whose account is not in the project'),
  missingParent('touchpoints', 'contact_id', 'contacts', 'Touchpoints whose contact is not in the project'),
  // An account-level touch (no contact) is the one whose account is its reference.
  missingParent(
    'touchpoints',
    'account_id',
    'accounts',
    'Account-level touchpoints whose account is not in the project',
    'contact_id IS NULL',
  ),
  missingParent(
    'community_actions',
    'member_id',
    'community_members',
    'Community actions whose member is not in the project',
  ),
  missingParent(
    'community_actions',
    'feature_id',
    'features',
    'Community actions naming a feature that is not in the project',
  ),
  missingParent(
    'community_actions',
    'opportunity_id',
    'opportunities',
    'Community actions naming an opportunity that is not in the project',
  ),
  {
    relation: 'opportunity_features',
    label: 'Opportunity–feature links to an opportunity or feature that is not in the project',
    sql: `SELECT count(*) FROM opportunity_features l
          WHERE NOT EXISTS (SELECT 1 FROM opportunities o WHERE o.opportunity_id = l.opportunity_id)
             OR NOT EXISTS (SELECT 1 FROM features f WHERE f.feature_id = l.feature_id)`,
  },
];

export function dataOverview(db: Database.Database): DataOverview {
  // The counts only: the rest of the summary (the date range scans four columns, 0.13 s at a million touches) is
  // the dashboard's.
  const counts = countRows(db);
  const orphans = ORPHAN_CHECKS.map(({ relation, label, sql }) => ({
    relation,
    label,
    count: db.prepare(sql).pluck().get() as number,
  }));
  const methods = db.prepare('SELECT method, count(*) AS n FROM member_identities GROUP BY method').all() as {
    method: string;
    n: number;
  }[];
  const byMethod = Object.fromEntries(methods.map((row) => [row.method, row.n]));
  const moves = db
    .prepare('SELECT count(*) AS total, count(*) - count(to_account_id) AS unresolved FROM member_moves')
    .get() as { total: number; unresolved: number };
  return {
    counts,
    orphans,
    members: { total: counts.community_members, unresolved: byMethod['unresolved'] ?? 0, byMethod },
    jobMoves: moves,
  };
}

/**
 * One page of a kind's stored rows, in the order they were first imported; for the virtualised table. The row's
 * custom fields (schema 0004) are columns of their own, by name, after the stored ones (`customColumns` of them).
 */
export function dataRows(
  db: Database.Database,
  kind: DataKind,
  offset: number,
  limit: number,
): Page<Cell[]> & { columns: string[]; customColumns: number } {
  // `kind` is one of the fixed table names, validated by the API schema.
  const statement = db.prepare(`SELECT * FROM ${kind} ORDER BY rowid LIMIT ? OFFSET ?`).raw();
  const stored = statement.all(limit, offset) as Cell[][];
  const total = db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get() as number;
  const names = statement.columns().map((column) => column.name);
  const customAt = names.indexOf('custom');
  if (customAt === -1) return { total, offset, rows: stored, columns: names, customColumns: 0 };
  const fields = readCustomFields(db, kind);
  const rows = stored.map((row) => {
    const custom = parseCustom(row[customAt]);
    return [...row.filter((_, i) => i !== customAt), ...fields.map((field) => custom[field] ?? null)];
  });
  return {
    total,
    offset,
    rows,
    columns: [...names.filter((_, i) => i !== customAt), ...fields],
    customColumns: fields.length,
  };
}

/** A stored `custom` value as its fields; anything but a JSON object (another program's write) as none. */
function parseCustom(value: Cell | undefined): Record<string, string> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(Object.entries(parsed).map(([name, text]) => [name, String(text)]));
  } catch {
    return {};
  }
}

export function unresolvedMembers(db: Database.Database, offset: number, limit: number): Page<UnresolvedMember> {
  const total = db
    .prepare("SELECT count(*) FROM member_identities WHERE method = 'unresolved'")
    .pluck()
    .get() as number;
  const rows = db
    .prepare(
      `SELECT i.member_id AS memberId, m.email, m.name, m.company_domain AS companyDomain, i.reason
       FROM member_identities i JOIN community_members m USING (member_id)
       WHERE i.method = 'unresolved' ORDER BY i.member_id LIMIT ? OFFSET ?`,
    )
    .all(limit, offset) as UnresolvedMember[];
  return { total, offset, rows };
}

const SCOPE_VALUES = 200;

/**
 * What a report scope can filter by (spec 9): the segments, each custom field of opportunities and accounts with its
 * most common values, and the span of the data's dates (the period presets count from its latest date).
 */
export function scopeChoices(db: Database.Database): ScopeChoices {
  const segments = db
    .prepare("SELECT DISTINCT coalesce(segment, '') FROM accounts ORDER BY 1")
    .pluck()
    .all() as string[];
  const fields: ScopeChoices['fields'] = [];
  const taken = new Set<string>();
  for (const kind of ['opportunities', 'accounts'] as const) {
    const rows = db.prepare(`SELECT count(*) FROM ${kind}`).pluck().get() as number;
    for (const field of readCustomFields(db, kind)) {
      if (taken.has(field)) continue;
      taken.add(field);
      const counted = db
        .prepare(
          `SELECT CAST(j.value AS TEXT) AS value, count(*) AS n FROM ${kind} t, json_each(t.custom) j
           WHERE t.custom IS NOT NULL AND j.key = ? GROUP BY 1 ORDER BY n DESC, 1 LIMIT ?`,
        )
        .all(field, SCOPE_VALUES + 1) as { value: string; n: number }[];
      const filled = counted.reduce((sum, row) => sum + row.n, 0);
      const values = counted.slice(0, SCOPE_VALUES).map((row) => row.value);
      // Rows without the field are a value too ('' = none), when there are some (counted exactly only when all
      // values were listed; otherwise offered anyway).
      if (counted.length > SCOPE_VALUES || filled < rows) values.push('');
      fields.push({ field, kind, values, more: counted.length > SCOPE_VALUES });
    }
  }
  const span = projectDateRange(db);
  const day = (time: number): string => new Date(time).toISOString().slice(0, 10);
  return {
    segments,
    fields,
    dates: span === null ? null : { first: day(span.first), latest: day(span.last) },
  };
}
