import type Database from 'better-sqlite3';
import type { ProjectSummary } from '../../shared/api';
import { DATA_KINDS, type DataKind } from '../../shared/kinds';

/**
 * Counts per kind and won revenue: what the dashboard shows first, on the main thread as the project opens (tens of
 * milliseconds at ten million touches). The span of dates is asked apart (projectDateRange): it scans four unindexed
 * columns, 0.13 s at a million touches and 1-2 s at ten million.
 */
export function summarizeProject(db: Database.Database): Omit<ProjectSummary, 'path' | 'meta'> {
  const counts = countRows(db);
  const won = db
    .prepare("SELECT count(*) AS n, coalesce(sum(amount), 0) AS total FROM opportunities WHERE stage = 'won'")
    .get() as { n: number; total: number };
  return { counts, wonOpportunities: won.n, wonRevenue: won.total };
}

/** The rows of each kind the project holds. */
export function countRows(db: Database.Database): Record<DataKind, number> {
  return Object.fromEntries(
    DATA_KINDS.map((kind) => [kind, (db.prepare(`SELECT count(*) AS n FROM ${kind}`).get() as { n: number }).n]),
  ) as Record<DataKind, number>;
}

/** The first and last timestamps of the project's touches and deals (UTC milliseconds), null when it has none. */
export function projectDateRange(db: Database.Database): { first: number; last: number } | null {
  const range = db
    .prepare(
      `SELECT min(t) AS first, max(t) AS last FROM (
         SELECT occurred_at AS t FROM touchpoints
         UNION ALL SELECT occurred_at FROM community_actions
         UNION ALL SELECT created_at FROM opportunities
         UNION ALL SELECT closed_at FROM opportunities WHERE closed_at IS NOT NULL)`,
    )
    .get() as { first: number | null; last: number | null };
  return range.first === null || range.last === null ? null : { first: range.first, last: range.last };
}
