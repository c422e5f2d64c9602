import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CHANNEL_GROUP_PRESET,
  parseGroupRules,
  ruleFieldProblems,
  type GroupRule,
} from '../../../shared/channelGroups';
import { TributaryError } from '../../../shared/errors';
import { plural } from '../../../shared/plural';
import { readGroupRules, writeGroupRules } from '../../store/channelGroups';
import { readCustomFields } from '../../store/customFields';
import { inOneTransaction } from '../../store/database';
import { statInputFile, type FileRole } from '../../store/filePaths';
import { UsageError, exactlyOne, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { openProjectForCli } from '../project';

const OPTIONS = {
  import: { type: 'string' },
  export: { type: 'string' },
  preset: { type: 'boolean' },
} as const;

const RULES_FILE: FileRole = { noun: 'channel-group rules file', kind: 'a JSON file of rules' };

/**
 * `tributary groups <project> [--import rules.json] [--export rules.json] [--preset]` (cli.md, attribution.md 10):
 * prints the project's channel-group rules, replaces them with a file's (or the web-analytics preset), or writes
 * them to a file as `{ "rules": [...] }`. A replacement is one transaction and is checked whole first.
 */
export function runGroups(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = resolve(exactlyOne(positionals, '<project>'));
  if (values.import !== undefined && values.preset)
    throw new UsageError('--import and --preset both replace the rules; give one');
  const incoming =
    values.import !== undefined ? readRulesFile(resolve(values.import)) : values.preset ? CHANNEL_GROUP_PRESET : null;
  const project = openProjectForCli(path, io);
  try {
    const { db } = project;
    if (incoming !== null) {
      const problems = ruleFieldProblems(incoming, readCustomFields(db, 'touchpoints'));
      if (problems.length > 0) {
        const source = values.import ?? 'the preset';
        throw new TributaryError('bad_request', `${source}: ${problems[0]}; nothing was changed.`);
      }
      inOneTransaction(db, () => writeGroupRules(db, incoming));
      io.stdout(`Saved ${plural(incoming.length, 'channel-group rule')} in ${path}.\n`);
    }
    const rules = readGroupRules(db);
    if (values.export !== undefined) {
      writeFileSync(resolve(values.export), `${JSON.stringify({ rules }, null, 2)}\n`);
      io.stdout(`Wrote ${plural(rules.length, 'rule')} to ${resolve(values.export)}.\n`);
    } else if (incoming === null) {
      io.stdout(describeRules(rules));
    }
    return EXIT.ok;
  } finally {
    project.close();
  }
}

function readRulesFile(path: string): GroupRule[] {
  statInputFile(path, RULES_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TributaryError('bad_request', `The rules file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = parseGroupRules(json);
  if ('problem' in parsed) {
    throw new TributaryError('bad_request', `The rules file ${path} is not a list of rules: ${parsed.problem}.`);
  }
  return parsed.rules;
}

function describeRules(rules: readonly GroupRule[]): string {
  if (rules.length === 0) return 'No channel-group rules: every touch reports its own channel.\n';
  const lines = rules.map(
    (rule, i) =>
      `${String(i + 1).padStart(3)}. ${rule.group} <- ${rule.conditions.map((c) => `${c.field} ${c.operator.replace('_', ' ')} ${JSON.stringify(c.value)}`).join(' and ')}`,
  );
  return `${lines.join('\n')}\nA touch reports the group of the first rule it matches, else its own channel.\n`;
}
