import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { INPUT_COLUMNS, type SqlDialect, type SqlStatement } from '../../src/main/warehouse/sql/contract';

export type Row = Record<string, unknown>;

/** A SQL engine the generated script runs on, holding the canonical tables of one project. */
export interface SqlEngine {
  dialect: SqlDialect;
  run(statements: SqlStatement[]): Promise<void>;
  all(sql: string): Promise<Row[]>;
  close(): Promise<void>;
}

type InputTable = keyof typeof INPUT_COLUMNS;
const TABLES = Object.keys(INPUT_COLUMNS) as InputTable[];

/** The input form of contract.ts: times BIGINT UTC ms, amounts DOUBLE, the rest text. */
function columnType(column: string): 'BIGINT' | 'DOUBLE PRECISION' | 'TEXT' {
  if (column.endsWith('_at')) return 'BIGINT';
  if (column === 'amount') return 'DOUBLE PRECISION';
  return 'TEXT';
}

const createInput = (table: InputTable): string =>
  `CREATE TABLE "${table}" (${INPUT_COLUMNS[table].map((c) => `"${c}" ${columnType(c)}`).join(', ')})`;

/** The project's rows of one input table, read by better-sqlite3 from the project file. */
function projectRows(project: Database.Database, table: InputTable): unknown[][] {
  const columns = INPUT_COLUMNS[table].map((c) => `"${c}"`).join(', ');
  return project.prepare(`SELECT ${columns} FROM "${table}"`).raw().all() as unknown[][];
}

/** (a) SQLite: the script runs on a copy of the project file itself. */
export function sqliteEngine(projectPath: string, dir: string): SqlEngine {
  const copy = join(dir, `sql-${Math.random().toString(36).slice(2)}.sqlite`);
  copyFileSync(projectPath, copy);
  const db = new Database(copy);
  return {
    dialect: 'sqlite',
    run: async (statements) => {
      for (const s of statements) db.exec(s.sql);
    },
    all: async (sql) => db.prepare(sql).all() as Row[],
    close: async () => {
      db.close();
    },
  };
}

/**
 * (b) DuckDB, in memory, the project's tables handed over by its appender (the test's own loading; part B's loader
 * reads files). A new database per project: starting one takes milliseconds.
 */
export async function duckdbEngine(projectPath: string): Promise<SqlEngine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const project = new Database(projectPath, { readonly: true });
  try {
    for (const table of TABLES) {
      await connection.run(createInput(table));
      await append(connection, table, projectRows(project, table));
    }
  } finally {
    project.close();
  }
  return {
    dialect: 'duckdb',
    run: async (statements) => {
      for (const s of statements) await connection.run(s.sql);
    },
    all: async (sql) => (await connection.runAndReadAll(sql)).getRowObjectsJS() as Row[],
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function append(connection: DuckDBConnection, table: InputTable, rows: unknown[][]): Promise<void> {
  const appender = await connection.createAppender(table);
  const types = INPUT_COLUMNS[table].map(columnType);
  for (const row of rows) {
    row.forEach((value, i) => {
      if (value === null || value === undefined) appender.appendNull();
      else if (types[i] === 'BIGINT') appender.appendBigInt(BigInt(value as number));
      else if (types[i] === 'DOUBLE PRECISION') appender.appendDouble(value as number);
      else appender.appendVarchar(String(value));
    });
    appender.endRow();
  }
  appender.closeSync();
}

/**
 * (c) PostgreSQL: PGlite, a real Postgres in WASM. Starting one takes seconds, so one instance serves a whole test
 * file: each project goes into a fresh schema of its own, rows inserted in batches with parameters.
 */
let sharedPg: Promise<PGlite> | undefined;
let schemas = 0;

export async function postgresEngine(projectPath: string): Promise<SqlEngine> {
  const pg = await (sharedPg ??= PGlite.create());
  const schema = `project_${++schemas}`;
  await pg.exec(`CREATE SCHEMA ${schema}; SET search_path TO ${schema}`);
  const project = new Database(projectPath, { readonly: true });
  try {
    for (const table of TABLES) {
      await pg.exec(createInput(table));
      const columns = INPUT_COLUMNS[table];
      const rows = projectRows(project, table);
      const perBatch = Math.floor(30_000 / columns.length);
      for (let start = 0; start < rows.length; start += perBatch) {
        const batch = rows.slice(start, start + perBatch);
        const placeholders = batch
          .map((_, r) => `(${columns.map((__, c) => `$${r * columns.length + c + 1}`).join(', ')})`)
          .join(', ');
        await pg.query(`INSERT INTO "${table}" VALUES ${placeholders}`, batch.flat());
      }
    }
  } finally {
    project.close();
  }
  return {
    dialect: 'postgres',
    run: async (statements) => {
      await pg.exec(`SET search_path TO ${schema}`);
      for (const s of statements) await pg.exec(s.sql);
    },
    all: async (sql) => {
      await pg.exec(`SET search_path TO ${schema}`);
      return (await pg.query<Row>(sql)).rows;
    },
    close: async () => {
      await pg.exec(`DROP SCHEMA ${schema} CASCADE`);
    },
  };
}

export async function openEngine(dialect: SqlDialect, projectPath: string, dir: string): Promise<SqlEngine> {
  if (dialect === 'sqlite') return sqliteEngine(projectPath, dir);
  if (dialect === 'duckdb') return duckdbEngine(projectPath);
  return postgresEngine(projectPath);
}

/** Ends the shared PostgreSQL, if one was started (afterAll). */
export async function closePostgres(): Promise<void> {
  const pg = sharedPg;
  sharedPg = undefined;
  if (pg) await (await pg).close();
}
