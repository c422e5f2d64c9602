/** Demo generation at 1M touches against plain prepared inserts of the same number of rows. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../../src/main/demo/generate';
import { connect } from '../../src/main/store/database';
import { createProject } from '../../src/main/store/project';
import { emit, peakRssMiB, time } from '../measure';

const scale = Number(process.env['BENCH_SCALE'] ?? 1_000_000);
const dir = mkdtempSync(join(tmpdir(), 'tributary-bench-'));

/** The floor for any generator: the same number of rows, of the touchpoints' shape, in one prepared transaction. */
function rawInsertSeconds(rows: number): number {
  const db = connect(join(dir, 'baseline.sqlite'));
  db.pragma('journal_mode = WAL');
  db.exec(`CREATE TABLE touchpoints (touchpoint_id TEXT PRIMARY KEY, contact_id TEXT, account_id TEXT,
    occurred_at INTEGER NOT NULL, channel TEXT NOT NULL, campaign TEXT, source TEXT, medium TEXT) STRICT`);
  const insert = db.prepare('INSERT INTO touchpoints VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const { seconds } = time(() =>
    db.transaction(() => {
      for (let i = 0; i < rows; i++) {
        const id = `TP-${String(i).padStart(8, '0')}`;
        insert.run(id, `CON-${i % 50_000}`, null, 1_700_000_000_000 + i, 'email', 'Q1', 'x', 'y');
      }
    })(),
  );
  db.close();
  return seconds;
}

try {
  const project = createProject(join(dir, 'demo.sqlite'), { name: 'Bench', currency: 'USD' });
  const { seconds, result } = time(() => generateDemo(project.db, { scale }));
  project.close();
  const rows = Object.values(result).reduce((sum, n) => sum + n, 0);
  const touches = result.touchpoints + result.communityActions;
  emit({
    name: `demo generator, scale ${scale.toLocaleString('en-US')}`,
    detail: `${touches.toLocaleString('en-US')} touches, ${rows.toLocaleString('en-US')} rows in all`,
    seconds,
    baseline: `${rows.toLocaleString('en-US')} plain inserts, one transaction`,
    baselineSeconds: rawInsertSeconds(rows),
    peakRssMiB: peakRssMiB(),
  });
} finally {
  rmSync(dir, { recursive: true, force: true });
}
