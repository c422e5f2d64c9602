import type Database from 'better-sqlite3';
import { TributaryError } from '../../shared/errors';
import { groupConditionSchema, groupRulesSchema, type GroupRule } from '../../shared/channelGroups';
import { hasTable } from './database';

/**
 * The project's channel-group rules (schema 0005), in order. Each row is checked as it is read: the file comes from
 * whoever sent it, and a rule Tributary would not have written is reported, not half-applied.
 */
export function readGroupRules(db: Database.Database): GroupRule[] {
  if (!hasTable(db, 'channel_group_rules')) return [];
  const rows = db
    .prepare('SELECT position, group_name, conditions_json FROM channel_group_rules ORDER BY position')
    .all() as { position: number; group_name: string; conditions_json: string }[];
  return rows.map((row) => {
    const conditions = groupConditionSchema.array().min(1).safeParse(JSON.parse(row.conditions_json));
    if (!conditions.success) {
      throw new TributaryError(
        'damaged',
        `The project's channel-group rule ${row.position + 1} (${row.group_name}) is not one Tributary writes: ${conditions.error.issues[0]?.message}.`,
      );
    }
    return { group: row.group_name, conditions: conditions.data };
  });
}

/** Replaces every rule with `rules`, in the caller's transaction (one write, all or nothing). */
export function writeGroupRules(db: Database.Database, rules: readonly GroupRule[]): void {
  const checked = groupRulesSchema.parse(rules);
  db.prepare('DELETE FROM channel_group_rules').run();
  const insert = db.prepare('INSERT INTO channel_group_rules (position, group_name, conditions_json) VALUES (?, ?, ?)');
  checked.forEach((rule, position) => insert.run(position, rule.group, JSON.stringify(rule.conditions)));
}
