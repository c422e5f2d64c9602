import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { mulberry32 } from '../../src/main/engine/models/random';

/** Columns that record when or that something ran, not what the project holds: two equal imports differ only there. */
const VOLATILE: Record<string, string[]> = {
  imports: ['started_at', 'finished_at'],
  schema_migrations: ['applied_at'],
  mappings: ['updated_at'],
  // Drawn at random by every write (migration 0002): two equal imports give two tokens.
  data_revision: ['token'],
};

/**
 * Tables that hold a cache of the others, not what the user made: the engine's snapshot (migration 0003) is written
 * in a transaction of its own after the data's (the CLI's import, the app in the background), so a kill between the
 * two leaves the data of after the import without it, which is a whole state. Its rows are left out.
 */
const CACHES = new Set(['engine_snapshot']);

export interface Fingerprint {
  schemaVersion: number;
  /** Rows per table, by name. */
  counts: Record<string, number>;
  /** sha256 over every table's columns and rows in a fixed order (volatile timestamps left out). */
  digest: string;
}

/** What a project holds, as one comparable value: equal fingerprints mean the same tables, rows and values. */
export function fingerprintOf(db: Database.Database): Fingerprint {
  const tables = db
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as { name: string; sql: string }[];
  const hash = createHash('sha256');
  const counts: Record<string, number> = {};
  for (const { name, sql } of tables) {
    const columns = (db.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(name) as string[]).filter(
      (column) => !(VOLATILE[name] ?? []).includes(column),
    );
    hash.update(`table ${sql}\n`);
    if (CACHES.has(name)) continue;
    const quoted = columns.map((column) => `"${column}"`).join(', ');
    // rowid order is the insert order, kept by backups and by an UPDATE: the same for equal contents, and cheaper
    // than sorting by every column.
    const order = /WITHOUT\s+ROWID/i.test(sql) ? quoted : 'rowid';
    const rows = db.prepare(`SELECT ${quoted} FROM "${name}" ORDER BY ${order}`).raw().iterate() as Iterable<unknown[]>;
    let count = 0;
    for (const row of rows) {
      hash.update(JSON.stringify(row));
      count++;
    }
    counts[name] = count;
  }
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, counts, digest: hash.digest('hex') };
}

export function integrityOf(db: Database.Database): string[] {
  return (db.pragma('integrity_check') as { integrity_check: string }[]).map((row) => row.integrity_check);
}

/** The engine's seeded generator, so a failing run's kill moments can be replayed. */
export const seededRandom = mulberry32;

/** How long a run of the operation takes, as far as the test has seen: the timed run, or a shorter one since. */
export interface KillSpan {
  ms: number;
}

/**
 * Run numbers and kill moments over [0, span): first one per equal slice, at a random point inside it, so every
 * phase of the child's run (start-up, reading, writing, commit, checkpoint, close) is hit once its share of the
 * span is larger than a slice; then, for each run that ended before its kill, another random moment, until
 * `kills()` reaches `wanted`. `ranUnkilled` shrinks the span to a run that ended first: a timed run slowed by a busy
 * moment would otherwise put later moments past the end of every run.
 */
export function* killMoments(
  wanted: number,
  span: KillSpan,
  random: () => number,
  kills: () => number,
): Generator<[run: number, delayMs: number]> {
  for (let run = 0; kills() < wanted; run++) {
    if (run >= 3 * wanted) throw new Error(`only ${kills()} of ${run} runs were killed before they ended`);
    yield [run, run < wanted ? ((run + random()) * span.ms) / wanted : random() * span.ms];
  }
}

/** A run ended before its kill: later moments are drawn within its length. */
export function ranUnkilled(span: KillSpan, ms: number): void {
  span.ms = Math.min(span.ms, ms);
}
