import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { tributaryBin } from '../helpers/cli';
import { useTempDir } from '../helpers/files';

const tempDir = useTempDir();
const TARGET_BYTES = 100 * 2 ** 20;
/**
 * Far below the file's size: an import that held the file, or its rows, in memory would run out of heap. The import
 * needs about 24 MB of heap whatever the file's size (16 MB fails at start): 32 leaves it room, a third of the file.
 */
const HEAP_LIMIT_MB = 32;

async function writeLargeExport(path: string): Promise<number> {
  const out = createWriteStream(path);
  out.write('touchpoint_id,contact_id,account_id,occurred_at,channel,campaign,source,medium\n');
  let bytes = 0;
  let rows = 0;
  while (bytes < TARGET_BYTES) {
    let chunk = '';
    for (let k = 0; k < 10_000; k++, rows++) {
      chunk += `TP-${rows},CON-${rows % 100_000},,2024-03-01T10:00:00Z,paid_search,2024 Q2 search campaign,google,cpc\n`;
    }
    bytes += chunk.length;
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return rows;
}

describe('a 100 MB export', () => {
  it('imports completely with a V8 heap far smaller than the file', { timeout: 240_000 }, async () => {
    const dir = tempDir();
    const file = join(dir, 'touchpoints.csv');
    const rows = await writeLargeExport(file);
    expect(statSync(file).size).toBeGreaterThanOrEqual(TARGET_BYTES);
    const project = join(dir, 'large.sqlite');
    const child = spawn(
      process.execPath,
      [`--max-old-space-size=${HEAP_LIMIT_MB}`, tributaryBin(), 'import', project, 'touchpoints', file],
      { env: { ...process.env, TRIBUTARY_HOME: dir } },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const [code] = (await once(child, 'close')) as [number];
    expect(stderr).not.toMatch(/heap out of memory/);
    expect(code).toBe(0);
    const db = new Database(project, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM touchpoints').pluck().get()).toBe(rows);
      expect(db.prepare('SELECT rows_read, rows_imported FROM imports').get()).toEqual({
        rows_read: rows,
        rows_imported: rows,
      });
    } finally {
      db.close();
    }
  });
});
