import { resolve } from 'node:path';
import { TributaryError } from '../../../shared/errors';
import { DATA_KINDS } from '../../../shared/kinds';
import { formatMoneyAmount } from '../../../shared/money';
import { checkProject, type CheckReport } from '../../store/project';
import { exactlyOne, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';

/**
 * `tributary check <project>`: verifies a project without changing it (spec cli.md): the header before SQLite opens
 * the file, then a connection that only reads.
 */
export function runCheck(argv: string[], io: CliIo): number {
  const { positionals } = parseCommandArgs(argv, {});
  const path = resolve(exactlyOne(positionals, '<project>'));
  const report = checkProject(path);
  if (!report.ok) {
    // Names come from the file; at most a screenful is shown, the count says how many more.
    const shown = report.problems.slice(0, 20);
    const more = report.problems.length - shown.length;
    const lines = [...shown, ...(more > 0 ? [`and ${more} more`] : [])];
    throw new TributaryError('damaged', `${path} failed its check:\n  ${lines.join('\n  ')}`);
  }
  const lines = [`ok ${path}`, row('schema version', report.schemaVersion)];
  // A project on an older schema lacks tables the summary reads; it is upgraded on its next open.
  if (report.contents) lines.push(...describeContents(report.contents));
  else lines.push(...report.problems.map((note) => `note: ${note}`));
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

function describeContents(contents: NonNullable<CheckReport['contents']>): string[] {
  const { meta } = contents;
  return [
    row('name', meta.name),
    row('currency', meta.currency),
    row('created', `${meta.createdAt} by Tributary ${meta.appVersion}`),
    ...(meta.anonymisedAt ? [row('anonymised', `${meta.anonymisedAt} (a copy without personal data)`)] : []),
    ...DATA_KINDS.map((kind) => row(kind, contents.counts[kind])),
    row('won opportunities', contents.wonOpportunities),
    row('won revenue', `${formatMoneyAmount(contents.wonRevenue, meta.currency)} ${meta.currency}`),
  ];
}

function row(label: string, value: string | number): string {
  return `  ${`${label}:`.padEnd(22)}${value}`;
}
