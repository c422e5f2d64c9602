import type Database from 'better-sqlite3';
import type { DataKind } from '../../shared/kinds';
import type { StoredValue } from './importWriter';

/** The demo's tables and the columns it fills, in the order of a row's values. */
export const DEMO_COLUMNS = {
  accounts: ['account_id', 'name', 'domain', 'segment', 'employees', 'custom'],
  contacts: ['contact_id', 'account_id', 'email', 'first_name', 'last_name', 'title', 'lead_created_at'],
  opportunities: [
    'opportunity_id',
    'account_id',
    'name',
    'type',
    'type_raw',
    'stage',
    'stage_raw',
    'amount',
    'created_at',
    'closed_at',
    'custom',
  ],
  touchpoints: ['touchpoint_id', 'contact_id', 'account_id', 'occurred_at', 'channel', 'campaign', 'source', 'medium'],
  community_members: ['member_id', 'email', 'name', 'platform', 'company_domain', 'joined_at'],
  community_actions: [
    'action_id',
    'member_id',
    'occurred_at',
    'action_type',
    'action_type_raw',
    'channel',
    'target_email',
    'target_domain',
    'feature_id',
    'opportunity_id',
  ],
  features: ['feature_id', 'name', 'shipped_at'],
  opportunity_features: ['opportunity_id', 'feature_id'],
} as const satisfies Partial<Record<DataKind, readonly string[]>>;

export type DemoTable = keyof typeof DEMO_COLUMNS;

/** Demo rows by table, each table's rows one after another in one flat array (a row is its columns' values). */
export type DemoBatch = Partial<Record<DemoTable, StoredValue[]>>;

/** Rows one INSERT statement carries: fewer statements, each binding more values, as a bulk load does. */
const ROWS_PER_INSERT = 64;

interface TableInserts {
  width: number;
  many: Database.Statement;
  one: Database.Statement;
}

/**
 * The demo generator's inserts (demo/ makes and numbers the rows): whole rows of the data tables, in batches, each
 * table's rows in the order they were made, so they get the same rowids whichever thread made them. Run inside the
 * generator's transaction.
 */
export class DemoRows {
  private readonly tables = new Map<DemoTable, TableInserts>();

  constructor(private readonly db: Database.Database) {}

  write(batch: DemoBatch): void {
    for (const [table, values] of Object.entries(batch) as [DemoTable, StoredValue[]][]) {
      const { width, many, one } = this.inserts(table);
      const chunk = width * ROWS_PER_INSERT;
      let offset = 0;
      for (; offset + chunk <= values.length; offset += chunk) many.run(values.slice(offset, offset + chunk));
      for (; offset < values.length; offset += width) one.run(values.slice(offset, offset + width));
    }
  }

  private inserts(table: DemoTable): TableInserts {
    let inserts = this.tables.get(table);
    if (!inserts) {
      const columns = DEMO_COLUMNS[table];
      const row = `(${columns.map(() => '?').join(', ')})`;
      const into = `INSERT INTO ${table} (${columns.join(', ')}) VALUES `;
      inserts = {
        width: columns.length,
        many: this.db.prepare(into + Array<string>(ROWS_PER_INSERT).fill(row).join(', ')),
        one: this.db.prepare(into + row),
      };
      this.tables.set(table, inserts);
    }
    return inserts;
  }
}
