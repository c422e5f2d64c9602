import { resolve } from 'node:path';
import { TributaryError } from '../../../shared/errors';
import { anonymiseFile } from '../../store/anonymise';
import { PROJECT_FILE, statInputFile } from '../../store/filePaths';
import { openProject } from '../../store/project';
import { UsageError, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';

/**
 * `tributary anonymise <project> <out>`: a copy without personal data (store/anonymise.ts) that computes the same
 * attribution and CAR; the project itself is not changed.
 */
export async function runAnonymise(argv: string[], io: CliIo): Promise<number> {
  const { positionals } = parseCommandArgs(argv, {});
  if (positionals.length !== 2) throw new UsageError('expected <project> <out>');
  const path = resolve(positionals[0] as string);
  const out = resolve(positionals[1] as string);
  statInputFile(path, PROJECT_FILE);
  if (out === path) throw new TributaryError('already_exists', `${out} is the project itself; choose another file.`);
  const project = openProject(path);
  let anonymisedAt = '';
  try {
    await project.saveAs(out, { prepare: (copy) => void (anonymisedAt = anonymiseFile(copy)) });
  } finally {
    project.close();
  }
  io.stdout(`Wrote ${out}, an anonymised copy of ${path} (${anonymisedAt}).\n`);
  return EXIT.ok;
}
