/**
 * Importing a large touchpoints export (300 MB by default) against papaparse alone streaming the same file in
 * chunk mode: the ratio is what the import adds on top of parsing (conversion, upsert, duplicate check, indexes).
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import Papa from 'papaparse';
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

try {
  const file = join(dir, 'touchpoints.csv');
  const rows = await writeExport(file);
  const mib = statSync(file).size / 2 ** 20;
  const baseline = await timeAsync(() => papaparseOnly(file));
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
} finally {
  rmSync(dir, { recursive: true, force: true });
}
