import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

/** An embedded DuckDB database in memory, with its one connection. */
export interface EmbeddedDuckDb {
  connection: DuckDBConnection;
  close(): void;
}

/**
 * Whether DuckDB should keep its tables in a temporary file rather than in memory, for an input of `inputBytes` (the
 * canonical files, or the project file). In memory DuckDB works up to its memory limit (80% of the machine's) and
 * spills what it can to its temporary folder: 50M touches (2.9 GB of CSV) completed there in 255 s on 24 GB, peaking
 * at 20.8 GB. In a file it compresses its tables and evicts their pages, but is slower (the same run 306 s, 15.6 GB;
 * 10M 64 s against 48 s). So memory up to an input of an eighth of the machine's memory, the largest measured, and
 * a file beyond it, where nothing says memory would hold.
 */
export function runsOnDisk(inputBytes: number, memoryBytes = totalmem()): boolean {
  return inputBytes * 8 > memoryBytes;
}

/**
 * Opens an in-memory DuckDB (or one in a temporary file, `onDisk`) that never reaches the network. DuckDB downloads a
 * known extension the first time a statement needs one (its SQLite scanner, httpfs); a user's laptop may be offline,
 * so that is switched off and a missing extension fails at once, the same on every machine. What Tributary uses
 * (Parquet, JSON, ICU for time zones) is built into the npm package's binary (duckdb_extensions() lists them as
 * BUILT-IN), so nothing else is needed. The session's time zone is UTC: a timestamp without an offset reads as UTC, as
 * the spec's times are.
 * What does not fit in memory spills to a folder of its own under the system's temporary folder (by default an
 * in-memory DuckDB spills to `.tmp` in the current folder, wherever the user ran the command), removed on close; the
 * temporary database file, when there is one, lives and goes with it.
 */
export async function openEmbeddedDuckDb(
  options: { threads?: number; memoryLimit?: string; onDisk?: boolean } = {},
): Promise<EmbeddedDuckDb> {
  const spill = mkdtempSync(join(tmpdir(), 'tributary-duckdb-'));
  let instance: DuckDBInstance;
  try {
    instance = await DuckDBInstance.create(options.onDisk ? join(spill, 'run.duckdb') : ':memory:', {
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'false',
      allow_community_extensions: 'false',
      temp_directory: spill,
      ...(options.threads !== undefined ? { threads: String(options.threads) } : {}),
      ...(options.memoryLimit !== undefined ? { memory_limit: options.memoryLimit } : {}),
    });
  } catch (error) {
    rmSync(spill, { recursive: true, force: true });
    throw error;
  }
  const connection = await instance.connect();
  // A setting of ICU's, which the instance's options do not take.
  await connection.run("SET TimeZone = 'UTC'");
  return {
    connection,
    close: () => {
      connection.closeSync();
      instance.closeSync();
      rmSync(spill, { recursive: true, force: true });
    },
  };
}
