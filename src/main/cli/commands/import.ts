import { existsSync, readFileSync, rmSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { z } from 'zod';
import { TributaryError } from '../../../shared/errors';
import { KIND_SPECS, OPPORTUNITY_TYPES, STAGES } from '../../../shared/importSpec';
import { DATA_KINDS, type DataKind } from '../../../shared/kinds';
import { plural } from '../../../shared/plural';
import type { ImportReport } from '../../../shared/importApi';
import { importCsv } from '../../import/run';
import { csvFileSize } from '../../import/source';
import { statInputFile, type FileRole } from '../../store/filePaths';
import { createProject, type Project } from '../../store/project';
import { UsageError, didYouMean, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';
import { keepEngineSnapshotForCli, openProjectForCli } from '../project';
import { showProgressBar } from '../progress';

const OPTIONS = {
  mapping: { type: 'string' },
  strict: { type: 'boolean' },
  'day-first': { type: 'boolean' },
  'decimal-comma': { type: 'boolean' },
} as const;

/** A mapping file: which header fills each canonical column, and CRM words for stage and type. */
const mappingFileSchema = z.strictObject({
  columns: z.record(z.string(), z.string()).optional(),
  stageValues: z.record(z.string(), z.enum(STAGES)).optional(),
  typeValues: z.record(z.string(), z.enum(OPPORTUNITY_TYPES)).optional(),
});

const MAPPING_FILE: FileRole = { noun: 'mapping file', kind: 'a mapping file (JSON)' };

const ISSUES_PRINTED = 200;

/** `tributary import <project> <kind> <file.csv>` (spec cli.md): creates the project if it does not exist. */
export async function runImport(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const [projectArg, kindArg, fileArg, ...extra] = positionals;
  if (projectArg === undefined || kindArg === undefined || fileArg === undefined) {
    throw new UsageError('import needs <project> <kind> <file.csv>');
  }
  if (extra.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(extra[0])}`);
  if (!(DATA_KINDS as readonly string[]).includes(kindArg)) {
    throw new UsageError(
      `unknown kind ${JSON.stringify(kindArg)}${didYouMean(kindArg, DATA_KINDS)}; the kinds are ${DATA_KINDS.join(', ')}`,
    );
  }
  const kind = kindArg as DataKind;
  const file = resolve(fileArg);
  const mappingFile = values.mapping === undefined ? undefined : resolve(values.mapping);
  const mapping = mappingFile ? readMappingFile(mappingFile, kind) : undefined;

  // Checked before a project is made for it: a file that cannot be read leaves no empty project behind.
  csvFileSize(file);
  const projectPath = resolve(projectArg);
  const created = !existsSync(projectPath);
  const project: Project = created
    ? createProject(projectPath, { name: basename(projectPath, extname(projectPath)), currency: 'USD' })
    : openProjectForCli(projectPath, io);
  const bar = showProgressBar(io, `Importing ${basename(file)}`);
  let report: ImportReport;
  try {
    report = await importCsv(project.db, file, {
      kind,
      ...(mapping ? { mapping } : {}),
      ...(values['day-first'] ? { dateOrder: 'day-first' as const } : {}),
      ...(values['decimal-comma'] ? { decimalComma: true } : {}),
      strict: values.strict ?? false,
      // Saved under the mapping file's name, so the next file with these headers maps itself (data.md).
      ...(mappingFile ? { saveMappingAs: basename(mappingFile, extname(mappingFile)) } : {}),
      onProgress: (p) =>
        bar.update(
          p.percent / 100,
          `${p.rowsRead.toLocaleString('en-US')} read, ${Math.round(p.rowsPerSecond)} rows/s`,
        ),
    });
    bar.clear();
    // An import refused whole (--strict) wrote no data, so the snapshot the project has still holds.
    if (report.importId !== null && report.rowsImported > 0) keepEngineSnapshotForCli(project, io);
  } catch (error) {
    // A project this command made a moment ago, for a file it could not import, is worth nothing: it goes.
    if (created) {
      project.close();
      for (const path of [projectPath, `${projectPath}-wal`, `${projectPath}-shm`]) rmSync(path, { force: true });
    }
    throw error;
  } finally {
    bar.clear();
    project.close();
  }
  printReport(io, report);
  return report.rowsRejected > 0 ? EXIT.rejected : EXIT.ok;
}

function readMappingFile(path: string, kind: DataKind): z.infer<typeof mappingFileSchema> {
  statInputFile(path, MAPPING_FILE);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TributaryError('bad_request', `The mapping file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
  const parsed = mappingFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TributaryError(
      'bad_request',
      `The mapping file ${path} is not a mapping: ${issue?.path.join('.') || 'top level'}: ${issue?.message}.`,
    );
  }
  // A misspelt column (`domian`) would otherwise take its header away from auto-mapping and lose it in silence.
  const columns = KIND_SPECS[kind].columns.map((column) => column.name);
  const unknown = Object.keys(parsed.data.columns ?? {}).find((name) => !columns.includes(name));
  if (unknown !== undefined) {
    throw new TributaryError(
      'bad_request',
      `The mapping file ${path} maps ${JSON.stringify(unknown)}, which is not a column of ${kind}` +
        `${didYouMean(unknown, columns)}; the columns are ${columns.join(', ')}.`,
    );
  }
  return parsed.data;
}

function printReport(io: CliIo, report: ImportReport): void {
  for (const note of report.notes) io.stderr(`note: ${note}\n`);
  if (report.customFields.length > 0) {
    io.stderr(`note: kept as custom fields: ${report.customFields.map((h) => JSON.stringify(h)).join(', ')}\n`);
  }
  if (report.ignoredHeaders.length > 0) {
    io.stderr(`note: columns not imported: ${report.ignoredHeaders.map((h) => JSON.stringify(h)).join(', ')}\n`);
  }
  const shown = report.issues.slice(0, ISSUES_PRINTED);
  for (const issue of shown) {
    const where =
      issue.column === null ? `line ${issue.line}` : `line ${issue.line}, column ${JSON.stringify(issue.column)}`;
    io.stderr(
      `${issue.severity === 'rejected' ? 'rejected' : 'warning'}: ${report.fileName}: ${where}: ${issue.reason}\n`,
    );
  }
  const hidden = report.rowsRejected + report.warnings - shown.length;
  if (hidden > 0) io.stderr(`… and ${plural(hidden, 'more issue')}, all kept in the project's import history.\n`);
  if (!report.committed) {
    const were = report.rowsRejected === 1 ? 'was' : 'were';
    io.stderr(
      `Nothing imported: --strict and ${report.rowsRejected} of ${plural(report.rowsRead, 'row')} of ${report.fileName} ${were} rejected.\n`,
    );
    return;
  }
  io.stdout(
    `Imported ${plural(report.rowsImported, `${report.kind} row`)} from ${report.fileName}: ${report.rowsRead} read, ` +
      `${report.rowsRejected} rejected, ${plural(report.warnings, 'warning')}.\n`,
  );
}
