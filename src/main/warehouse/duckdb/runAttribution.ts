import { statSync } from 'node:fs';
import { POSITION_MODELS, type ModelOptions } from '../../../shared/modelOptions';
import { SqlOptionError } from '../sql/contract';
import { generateAttributionSql } from '../sql/generate';
import type { ChannelWeights } from '../solve/solveSummary';
import { writeSqlCreditsCsv } from './creditsCsv';
import { writeSqlPathsCsv } from './pathsCsv';
import { creditDataDriven } from './dataDriven';
import { inputBytes } from './folderFiles';
import { loadCanonicalFolder } from './loadFolder';
import { loadProjectTables } from './loadProject';
import { openEmbeddedDuckDb, runsOnDisk } from './open';
import { readAttribution, type SqlAttribution } from './results';
import { runStatements } from './runStatements';
import { isDataDriven, sqlOptionsFor } from './sqlOptions';

/** One model run in embedded DuckDB, over a project file or a folder of canonical files. */
export interface DuckDbRun {
  options: ModelOptions;
  /** The project's currency; a folder has none, so the caller's (USD unless told). */
  currency: string;
  attribution: SqlAttribution;
  /** The data-driven model's channel weights (spec 6); null for the other models. */
  weights: ChannelWeights | null;
  /** Things to tell the user: words a folder's files were read with a caveat, a project file upgraded. */
  notes: string[];
  /** Writes the credits CSV of cli.md; returns its rows. */
  writeCredits(path: string): Promise<number>;
  /** Writes the path summary CSV of `attribute --paths`; returns its rows. */
  writePaths(path: string): Promise<number>;
  close(): void;
}

export interface DuckDbRunOptions {
  /** The currency of a folder's amounts (a project file names its own). */
  currency?: string;
  threads?: number;
  /** Keep DuckDB's tables in a temporary file (true) or in memory (false); by default, as runsOnDisk says. */
  onDisk?: boolean;
}

/**
 * `tributary attribute <project.sqlite | folder> --engine duckdb`: loads the canonical tables into an in-memory
 * DuckDB (loadProject.ts, loadFolder.ts), runs the generated attribution script (sql/generate.ts) and, for Markov
 * and Shapley, solves its path summary and spreads the weights (dataDriven.ts), then reads the figures. What the
 * SQL path does not implement is refused with SqlOptionError before any data is read.
 */
export async function runOnDuckDb(
  source: string,
  options: ModelOptions,
  runOptions: DuckDbRunOptions = {},
): Promise<DuckDbRun> {
  const statements = generateAttributionSql('duckdb', sqlOptionsFor(options));
  const onDisk = runOptions.onDisk ?? runsOnDisk(inputBytes(source));
  const db = await openEmbeddedDuckDb({
    onDisk,
    ...(runOptions.threads === undefined ? {} : { threads: runOptions.threads }),
  });
  try {
    const { connection } = db;
    let currency = runOptions.currency ?? 'USD';
    const notes: string[] = [];
    if (onDisk) notes.push('DuckDB kept its tables in a temporary file: the input is large for this computer’s memory');
    if (isFolder(source)) notes.push(...(await loadCanonicalFolder(connection, source)));
    else {
      if (runOptions.currency !== undefined) {
        throw new SqlOptionError('--currency goes with a folder of files: a project file names its own currency');
      }
      const facts = await loadProjectTables(connection, source);
      if (facts.groupRules > 0) {
        throw new SqlOptionError(
          `the project has channel-group rules (spec 10), which the SQL path does not apply: run it without --engine duckdb (the built-in engine)`,
        );
      }
      currency = facts.currency;
      if (facts.migrated) {
        const { migrated } = facts;
        notes.push(
          `Upgraded ${source} from schema ${migrated.fromVersion} to ${migrated.toVersion}; the file as it was is saved as ${migrated.backup}`,
        );
      }
    }
    await runStatements(connection, statements);
    let weights: ChannelWeights | null = null;
    if (isDataDriven(options.model)) {
      weights = await creditDataDriven(connection, options.model, options.markovOrder);
      await connection.run('CREATE OR REPLACE TEMP VIEW run_credits AS SELECT * FROM tributary_data_driven_credits');
    } else {
      // The script credited this one model.
      await connection.run('CREATE OR REPLACE TEMP VIEW run_credits AS SELECT * FROM tributary_credits');
    }
    const attribution = await readAttribution(connection, isDataDriven(options.model));
    const withPositions = (POSITION_MODELS as readonly string[]).includes(options.model);
    return {
      options,
      currency,
      attribution,
      weights,
      notes,
      writeCredits: (path) => writeSqlCreditsCsv(connection, path, withPositions),
      writePaths: (path) => writeSqlPathsCsv(connection, path),
      close: () => db.close(),
    };
  } catch (error) {
    db.close();
    throw error;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
