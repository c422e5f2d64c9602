import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { resolveMemberIdentities } from '../../src/main/store/memberIdentities';
import type { Dataset } from '../../src/main/engine/arrays/dataset';
import { loadDataset } from '../../src/main/engine/arrays/load';
import { createProject, type Project } from '../../src/main/store/project';

/** Small projects for engine tests, written through the real schema into a real SQLite file. */
export interface Rows {
  /** `custom`: the row's custom fields as stored (schema 0004), a JSON object. */
  accounts?: { account_id: string; name?: string; domain?: string; segment?: string; custom?: string | null }[];
  contacts?: {
    contact_id: string;
    account_id: string | null;
    email?: string;
    first_name?: string;
    last_name?: string;
    lead_created_at?: number | null;
  }[];
  opportunities?: {
    opportunity_id: string;
    account_id: string;
    type?: 'new_business' | 'upgrade' | 'renewal';
    stage: 'won' | 'lost' | 'open';
    amount: number;
    created_at: number;
    closed_at?: number | null;
    custom?: string | null;
  }[];
  touchpoints?: {
    touchpoint_id: string;
    contact_id?: string | null;
    account_id?: string | null;
    occurred_at: number;
    channel: string;
    campaign?: string | null;
    source?: string | null;
    medium?: string | null;
    custom?: string | null;
  }[];
  community_members?: { member_id: string; email?: string | null; name?: string; company_domain?: string | null }[];
  community_actions?: {
    action_id: string;
    member_id: string;
    occurred_at: number;
    action_type: string;
    channel?: string | null;
    target_email?: string | null;
    target_domain?: string | null;
    feature_id?: string | null;
    opportunity_id?: string | null;
  }[];
  features?: { feature_id: string; name?: string; shipped_at?: number | null }[];
  opportunity_features?: { opportunity_id: string; feature_id: string }[];
}

const DEFAULTS: Record<string, Record<string, unknown>> = {
  opportunities: { type: 'new_business', closed_at: null, name: null },
  touchpoints: { contact_id: null, account_id: null, campaign: null },
  contacts: { email: null, lead_created_at: null },
  accounts: { domain: null, segment: null },
  community_members: { email: null, company_domain: null },
  community_actions: {
    channel: null,
    target_email: null,
    target_domain: null,
    feature_id: null,
    opportunity_id: null,
  },
  features: { name: null, shipped_at: null },
};

export function writeRows(project: Project, rows: Rows): void {
  project.db.transaction(() => {
    for (const [table, list] of Object.entries(rows) as [string, Record<string, unknown>[]][]) {
      for (const row of list) {
        const full = { ...DEFAULTS[table], ...row };
        const columns = Object.keys(full);
        project.db
          .prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`)
          .run(full);
      }
    }
    resolveMemberIdentities(project.db);
  })();
}

/** `read` over a fresh project holding the rows, deleted after. */
export function readRows<T>(rows: Rows, read: (db: Database.Database) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tributary-engine-'));
  const project = createProject(join(dir, 'p.sqlite'), { name: 'Engine', currency: 'USD' });
  try {
    writeRows(project, rows);
    return read(project.db);
  } finally {
    project.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Writes the rows to a fresh project and loads it as the engine does. */
export const datasetOf = (rows: Rows): Dataset => readRows(rows, (db) => loadDataset(db));

/** Creates the project file at `path` holding the rows, closed, for a command or a session to open. */
export function writeProjectFile(path: string, meta: { name: string; currency: string }, rows: Rows): string {
  const project = createProject(path, meta);
  try {
    writeRows(project, rows);
  } finally {
    project.close();
  }
  return path;
}

/** UTC milliseconds of a date, or of a date's end when the date is a milestone given without time (spec 1). */
export const at = (iso: string): number => Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
export const endOf = (day: string): number => Date.parse(`${day}T23:59:59.999Z`);
