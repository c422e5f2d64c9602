import type Database from 'better-sqlite3';

export interface ProjectMeta {
  name: string;
  currency: string;
  /** ISO 8601 timestamp of creation. */
  createdAt: string;
  /** Version of the Tributary that created the project. */
  appVersion: string;
  /** ISO 8601 timestamp of when this copy was anonymised; absent in an original project. */
  anonymisedAt?: string;
}

const KEYS: Record<keyof ProjectMeta, string> = {
  name: 'name',
  currency: 'currency',
  createdAt: 'created_at',
  appVersion: 'app_version',
  anonymisedAt: 'anonymised_at',
};

export function writeMeta(db: Database.Database, meta: Partial<ProjectMeta>): void {
  const upsert = db.prepare(
    'INSERT INTO project_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  for (const [field, key] of Object.entries(KEYS) as [keyof ProjectMeta, string][]) {
    const value = meta[field];
    if (value !== undefined) upsert.run(key, value);
  }
}

export function readMeta(db: Database.Database): ProjectMeta {
  const rows = db.prepare('SELECT key, value FROM project_meta').all() as { key: string; value: string }[];
  const byKey = new Map(rows.map((row) => [row.key, row.value]));
  return {
    name: byKey.get(KEYS.name) ?? '',
    currency: byKey.get(KEYS.currency) ?? 'USD',
    createdAt: byKey.get(KEYS.createdAt) ?? '',
    appVersion: byKey.get(KEYS.appVersion) ?? '',
    ...(byKey.has(KEYS.anonymisedAt) ? { anonymisedAt: byKey.get(KEYS.anonymisedAt) } : {}),
  };
}
