/**
 * Importing a large touchpoints export (300 MB by default) against two baselines measured in the same run on the same
 * file: papaparse alone streaming it in chunk mode (the ratio is what the import adds on top of parsing: conversion,
 * upsert, duplicate check, indexes), and issue 16's floor, papaparse plus plain inserts of the same rows, as parsed,
 * into an unindexed table in one transaction (the ratio is what the import costs over the least any importer does).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Papa from 'papaparse';
import { connect } from '../../src/main/store/database';
import { importCsv } from '../../src/main/import/run';
import { createProject } from '../../src/main/store/project';
import { emit, peakRssMiB, timeAsync } from '../measure';

const targetBytes = Number(process.env['BENCH_IMPORT_MB'] ?? 300) * 2 ** 20;
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-import-'));
const CHANNELS = ['paid_search', 'paid_social', 'email', 'webinar', 'events', 'organic_search', 'content', 'direct'];

async function writeExport(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('touchpoint_id,contact_id,account_id,occurred_at,channel,campaign,source,medium\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < targetBytes) {
    let chunk = '';
    for (let k = 0; k < 10_000; k++, rows++) {
      const day = String(1 + (rows % 28)).padStart(2, '0');
      const channel = CHANNELS[rows % CHANNELS.length] as string;
      chunk += `TP-${String(rows).padStart(9, '0')},CON-${rows % 250_000},,2024-03-${day}T10:${String(rows % 60).padStart(2, '0')}:00Z,${channel},2024-Q2 ${channel} campaign,newsletter,cpc\n`;
    }
    bytes += Buffer.byteLength(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

function papaparseOnly(path: string): Promise<number> {
  return new Promise((resolve, reject) => {
    let rows = 0;
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
      chunk: (results) => {
        rows += results.data.length;
      },
      complete: () => resolve(rows),
      error: reject,
    });
  });
}

/** papaparse streaming the file, each data row inserted as parsed into a table with no key and no index. */
function papaparsePlusPlainInserts(path: string): Promise<number> {
  const db = connect(join(dir, 'plain.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE plain (touchpoint_id TEXT, contact_id TEXT, account_id TEXT, occurred_at TEXT, channel TEXT,
    campaign TEXT, source TEXT, medium TEXT)`);
  const insert = db.prepare('INSERT INTO plain VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  db.exec('BEGIN IMMEDIATE');
  return new Promise<number>((resolve, reject) => {
    let rows = -1; // the header
    Papa.parse<string[]>(createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }) as unknown as File, {
      chunk: (results) => {
        for (const fields of results.data) {
          if (rows++ >= 0 && fields.length === 8) insert.run(fields);
        }
      },
      complete: () => {
        db.exec('COMMIT');
        resolve(rows);
      },
      error: reject,
    });
  }).finally(() => db.close());
}

try {
  const file = join(dir, 'touchpoints.csv');
  const rows = await writeExport(file);
  const mib = statSync(file).size / 2 ** 20;
  const baseline = await timeAsync(() => papaparseOnly(file));
  const floor = await timeAsync(() => papaparsePlusPlainInserts(file));
  if (floor.result !== rows) throw new Error(`the baseline inserted ${floor.result} of ${rows} rows`);
  const project = createProject(join(dir, 'import.sqlite'), { name: 'Bench', currency: 'USD' });
  const imported = await timeAsync(() => importCsv(project.db, file, { kind: 'touchpoints' }));
  project.close();
  if (imported.result.rowsImported !== rows) throw new Error(`imported ${imported.result.rowsImported} of ${rows}`);
  emit({
    name: `import ${mib.toFixed(0)} MiB touchpoints CSV`,
    detail:
      `${rows.toLocaleString('en-US')} rows: ${(mib / imported.seconds).toFixed(1)} MiB/s, ` +
      `${Math.round(rows / imported.seconds).toLocaleString('en-US')} rows/s`,
    seconds: imported.seconds,
    baseline: `papaparse chunk streaming alone, ${(mib / baseline.seconds).toFixed(1)} MiB/s`,
    baselineSeconds: baseline.seconds,
    peakRssMiB: peakRssMiB(),
  });
  emit({
    name: `import ${mib.toFixed(0)} MiB touchpoints CSV vs parse + plain inserts`,
    detail: `the same import, against issue 16's floor for any importer`,
    seconds: imported.seconds,
    baseline: `papaparse + plain inserts of the same rows, unindexed table, one transaction`,
    baselineSeconds: floor.seconds,
    peakRssMiB: peakRssMiB(),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
