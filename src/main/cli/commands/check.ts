import { resolve } from 'node:path';
import type { ProjectSummary } from '../../../shared/api';
import { TributaryError } from '../../../shared/errors';
import { DATA_KINDS } from '../../../shared/kinds';
import { connect, translateSqliteError } from '../../store/database';
import { readMeta } from '../../store/meta';
import { checkProject } from '../../store/project';
import { summarizeProject } from '../../store/summary';
import { exactlyOne, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';

type ReadOnlySummary = Omit<ProjectSummary, 'path'>;

/**
 * `tributary check <project>`: verifies a project without changing it (spec cli.md). Everything here reads: the
 * header before SQLite opens the file, then read-only connections.
 */
export function runCheck(argv: string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(argv, {});
  const path = resolve(exactlyOne(positionals, '<project>'));
  const report = checkProject(path);
  const notes = report.problems.filter((problem) => problem.includes('will be upgraded'));
  if (!report.ok) {
    const problems = report.problems.filter((problem) => !notes.includes(problem));
    throw new TributaryError('damaged', `${path} is damaged:\n  ${problems.join('\n  ')}`);
  }
  const lines = [`ok ${path}`, row('schema version', report.schemaVersion)];
  // A project on an older schema lacks tables the summary reads; it is upgraded on its next open.
  if (notes.length > 0) lines.push(...notes.map((note) => `note: ${note}`));
  else lines.push(...describeSummary(readSummary(path)));
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function readSummary(path: string): ReadOnlySummary {
  const db = connect(path, { readonly: true });
  try {
    return { meta: readMeta(db), ...summarizeProject(db) };
  } catch (error) {
    throw translateSqliteError(error, path);
  } finally {
    db.close();
  }
}

function describeSummary(summary: ReadOnlySummary): string[] {
  const { meta } = summary;
  return [
    row('name', meta.name),
    row('currency', meta.currency),
    row('created', `${meta.createdAt} by Tributary ${meta.appVersion}`),
    ...DATA_KINDS.map((kind) => row(kind, summary.counts[kind])),
    row('won opportunities', summary.wonOpportunities),
    row('won revenue', `${summary.wonRevenue} ${meta.currency}`),
  ];
}

function row(label: string, value: string | number): string {
  return `  ${`${label}:`.padEnd(22)}${value}`;
}
