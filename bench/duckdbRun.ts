/**
 * One DuckDB run of the generated SQL over a folder of canonical CSV files, in its own process: every position model,
 * linear and time decay, CAR and the path summary, then the additive figures as one JSON line on stdout. With
 * `<index> <count>` it runs one shard by account (src/main/warehouse/duckdb/shard.ts), as a distributed engine's
 * worker would. Used by bench/cases/duckdb.ts.
 */
import { performance } from 'node:perf_hooks';
import { loadCanonicalFolder } from '../src/main/warehouse/duckdb/loadFolder';
import { inputBytes } from '../src/main/warehouse/duckdb/folderFiles';
import { openEmbeddedDuckDb, runsOnDisk } from '../src/main/warehouse/duckdb/open';
import { runStatements } from '../src/main/warehouse/duckdb/runStatements';
import { keepShard } from '../src/main/warehouse/duckdb/shard';
import { generateAttributionSql } from '../src/main/warehouse/sql/generate';

const [folder, index, count, threads] = process.argv.slice(2);
const start = performance.now();
// As tributary attribute --engine duckdb decides: in memory, or in a temporary file for an input large for the machine.
const onDisk = runsOnDisk(inputBytes(folder as string));
const db = await openEmbeddedDuckDb({
  onDisk,
  ...(threads ? { threads: Number(threads) } : {}),
});
try {
  await loadCanonicalFolder(db.connection, folder as string);
  const loaded = performance.now();
  if (index !== undefined && count !== undefined) await keepShard(db.connection, Number(index), Number(count));
  await runStatements(db.connection, generateAttributionSql('duckdb'));
  const totals: Record<string, number> = {};
  const rows = async (sql: string) => (await db.connection.runAndReadAll(sql)).getRowsJS();
  const [[won, unattributed] = []] = await rows('SELECT won_revenue, unattributed_revenue FROM tributary_revenue');
  totals['won revenue'] = Number(won);
  totals['unattributed revenue'] = Number(unattributed);
  for (const [model, category, attributed, influenced, sourced] of await rows('SELECT * FROM tributary_car')) {
    for (const [measure, value] of Object.entries({ attributed, influenced, sourced })) {
      if (value !== null) totals[`${String(model)} ${String(category)} ${measure}`] = Number(value);
    }
  }
  const [[touches, paths] = []] = await rows(
    'SELECT (SELECT count(*) FROM touchpoints) + (SELECT count(*) FROM community_actions), (SELECT count(*) FROM tributary_path_summary)',
  );
  process.stdout.write(
    `${JSON.stringify({
      seconds: (performance.now() - start) / 1000,
      onDisk,
      loadSeconds: (loaded - start) / 1000,
      touches: Number(touches),
      paths: Number(paths),
      peakRssMiB: process.resourceUsage().maxRSS / 1024,
      totals,
    })}\n`,
  );
} finally {
  db.close();
}
