import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { hasTable } from './database';
import { TRIBUTARY_APPLICATION_ID, assertKnownVersion } from './header';

export interface Migration {
  version: number;
  name: string;
  sql: string;
  sha256: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * The migrations folder sits next to this module in the source tree; the Electron build copies it next to the
 * bundled main script (electron.vite.config.ts), so the same lookup works in both.
 */
export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'migrations');
}

export function loadMigrations(dir: string = defaultMigrationsDir()): Migration[] {
  const migrations = readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .sort()
    .map((file, index) => {
      const match = MIGRATION_FILE.exec(file);
      if (!match) throw new Error(`Migration file ${file} is not named NNNN_name.sql.`);
      const version = Number(match[1]);
      if (version !== index + 1) throw new Error(`Migration ${file} is out of sequence: expected ${index + 1}.`);
      const sql = readFileSync(join(dir, file), 'utf8');
      return { version, name: match[2] as string, sql, sha256: sha256(sql) };
    });
  if (migrations.length === 0) throw new Error(`No migrations found in ${dir}.`);
  return migrations;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  applied_at INTEGER NOT NULL
) STRICT`;

interface LedgerRow {
  version: number;
  name: string;
  sha256: string;
}

/** The ledger's rows, oldest first; none when the file has no ledger yet (an empty, version 0 file). */
function readLedger(db: Database.Database): LedgerRow[] {
  return hasTable(db, 'schema_migrations')
    ? (db.prepare('SELECT version, name, sha256 FROM schema_migrations ORDER BY version').all() as LedgerRow[])
    : [];
}

/**
 * What is wrong with a file's migration ledger: a migration applied with another hash than the shipped one (edited
 * after it shipped, or not Tributary's), or a ledger that does not list exactly versions 1 to `userVersion`, which
 * would make the next migration run twice or be skipped. Only read once the schema check has made sure
 * schema_migrations is the table Tributary creates.
 */
export function ledgerProblems(db: Database.Database, migrations: Migration[], userVersion: number): string[] {
  const problems: string[] = [];
  const applied = readLedger(db);
  for (const row of applied) {
    const known = migrations[row.version - 1];
    const label = `${String(row.version).padStart(4, '0')}_${printableName(row.name)}`;
    if (!known) problems.push(`has migration ${label} applied, which this Tributary does not ship`);
    else if (known.name !== row.name || known.sha256 !== row.sha256) {
      problems.push(`has migration ${label} applied with a different hash than the one this Tributary ships`);
    }
  }
  const versions = applied.map((row) => row.version).join(',');
  const wanted = Array.from({ length: userVersion }, (_, i) => i + 1).join(',');
  if (versions !== wanted) {
    problems.push(`has a migration ledger listing versions [${versions}] while its schema version is ${userVersion}`);
  }
  return problems;
}

function printableName(name: string): string {
  const clean = String(name).replace(/[^a-z0-9_]/gi, '?');
  return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
}

/**
 * Checks the migrations already applied against the known ones (same name and hash, none unknown) and applies the
 * missing ones, each in its own transaction together with its ledger row and `user_version`, so a crash leaves the
 * project at one schema version or the next, never between.
 */
export function migrate(db: Database.Database, path: string, migrations: Migration[]): number {
  const latest = migrations.length;
  const applied = readLedger(db);
  for (const row of applied) {
    assertKnownVersion(path, row.version, latest);
    const known = migrations[row.version - 1] as Migration;
    if (known.name !== row.name || known.sha256 !== row.sha256) {
      throw new TributaryError(
        'damaged',
        `${path} was migrated with a different migration ${String(row.version).padStart(4, '0')}_${row.name} than this Tributary ships (hash mismatch); refusing to open it.`,
      );
    }
  }
  for (const migration of migrations.slice(applied.length)) {
    db.transaction(() => {
      db.exec(CREATE_LEDGER);
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)').run(
        migration.version,
        migration.name,
        migration.sha256,
        Date.now(),
      );
      db.pragma(`application_id = ${TRIBUTARY_APPLICATION_ID}`);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return latest;
}
