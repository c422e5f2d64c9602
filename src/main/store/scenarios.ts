import type Database from 'better-sqlite3';
import { modelOptionsSchema, type ModelOptions } from '../../shared/modelOptions';
import type { SavedScenario } from '../../shared/scenarioApi';

interface ScenarioRow {
  name: string;
  options_json: string;
  updated_at: number;
}

/** Saved scenarios by name. Stored options are checked again here: a project file may come from anywhere. */
export function listScenarios(db: Database.Database): SavedScenario[] {
  const rows = db.prepare('SELECT name, options_json, updated_at FROM scenarios ORDER BY name').all() as ScenarioRow[];
  return rows.map((row) => {
    const parsed = parseStoredOptions(row.options_json);
    const base = { name: row.name, updatedAt: row.updated_at };
    return parsed.ok
      ? { ...base, options: parsed.options, invalid: null }
      : { ...base, options: null, invalid: parsed.reason };
  });
}

function parseStoredOptions(json: string): { ok: true; options: ModelOptions } | { ok: false; reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'the stored options are not valid JSON' };
  }
  const parsed = modelOptionsSchema.safeParse(value);
  if (parsed.success) return { ok: true, options: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
  return { ok: false, reason: `${where}${issue?.message ?? 'the stored options are not valid'}` };
}

/** Saves under `name`, replacing the scenario of that name if there is one. */
export function saveScenario(db: Database.Database, name: string, options: ModelOptions, now = Date.now()): void {
  db.transaction(() => {
    db.prepare(
      `INSERT INTO scenarios (name, model, options_json, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET model = excluded.model, options_json = excluded.options_json,
         updated_at = excluded.updated_at`,
    ).run(name, options.model, JSON.stringify(options), now);
  })();
}

/** Deletes the scenario of that name; false when there was none. */
export function deleteScenario(db: Database.Database, name: string): boolean {
  return db.prepare('DELETE FROM scenarios WHERE name = ?').run(name).changes > 0;
}
