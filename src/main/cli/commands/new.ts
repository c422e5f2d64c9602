import { basename, extname, resolve } from 'node:path';
import { argSchemas } from '../../../shared/api';
import { createProject } from '../../store/project';
import { UsageError, exactlyOne, parseCommandArgs } from '../args';
import { EXIT, type CliIo } from '../io';

const OPTIONS = { name: { type: 'string' }, currency: { type: 'string' } } as const;

/** `tributary new <project>`: an empty project, named after its file unless --name says otherwise. */
export function runNew(argv: string[], io: CliIo): number {
  const { values, positionals } = parseCommandArgs(argv, OPTIONS);
  const path = resolve(exactlyOne(positionals, '<project>'));
  const { name, currency } = projectSettings(values.name ?? basename(path, extname(path)), values.currency);
  createProject(path, { name, currency }).close();
  io.stdout(`Created ${path} (${JSON.stringify(name)}, ${currency}).\n`);
  return EXIT.ok;
}

/** The same rules the app applies when it creates a project (src/shared/api.ts). */
export function projectSettings(name: string, currency: string | undefined): { name: string; currency: string } {
  const parsed = argSchemas['project:create'].safeParse({ name, currency });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const flag = issue?.path[0] === 'currency' ? '--currency' : '--name';
  throw new UsageError(`${flag}: ${issue?.message ?? 'invalid value'}`);
}
