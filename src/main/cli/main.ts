import { TributaryError } from '../../shared/errors';
import { APP_VERSION } from '../../shared/version';
import { UsageError, didYouMean, wantsHelp } from './args';
import { COMMANDS, findCommand } from './commands/index';
import { EXIT, type CliIo } from './io';
import { commandUsage, usage } from './usage';

export type { CliIo } from './io';

const TOP_LEVEL_OPTIONS = ['--help', '--version'];
const COMMAND_NAMES = COMMANDS.map((command) => command.name);

/**
 * The `tributary` command line (spec cli.md). Returns the exit code instead of exiting, so tests run it
 * in-process; bin/tributary.mjs wires it to the real process.
 */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.stderr(usage());
    return EXIT.usage;
  }
  if (name === '--help' || name === '-h') {
    io.stdout(usage());
    return EXIT.ok;
  }
  if (name === '--version') {
    io.stdout(`${APP_VERSION}\n`);
    return EXIT.ok;
  }
  if (name === 'help') return help(rest, io);

  const command = findCommand(name);
  if (!command) {
    const what = name.startsWith('-')
      ? `unknown option ${name}${didYouMean(name, TOP_LEVEL_OPTIONS)}`
      : `unknown command ${JSON.stringify(name)}${didYouMean(name, COMMAND_NAMES)}`;
    io.stderr(`tributary: ${what}\n\n${usage()}`);
    return EXIT.usage;
  }
  if (wantsHelp(rest)) {
    io.stdout(commandUsage(command));
    return EXIT.ok;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`tributary ${command.name}: ${error.message}\n\n${commandUsage(command)}`);
      return EXIT.usage;
    }
    if (error instanceof TributaryError) {
      io.stderr(`${error.message}\n`);
      return EXIT.failed;
    }
    // Not a failure anyone foresaw: the stack is what a bug report needs.
    io.stderr(`Internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.failed;
  }
}

function help(topics: string[], io: CliIo): number {
  const [topic, ...extra] = topics;
  const command = topic === undefined ? undefined : findCommand(topic);
  if (topic === undefined) {
    io.stdout(usage());
    return EXIT.ok;
  }
  if (!command || extra.length > 0) {
    const asked = topics.join(' ');
    io.stderr(`tributary help: no command ${JSON.stringify(asked)}${didYouMean(asked, COMMAND_NAMES)}\n\n${usage()}`);
    return EXIT.usage;
  }
  io.stdout(commandUsage(command));
  return EXIT.ok;
}
