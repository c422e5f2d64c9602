import { COMMANDS, type Command } from './commands/index';
import { HELP_WIDTH, synopsisWords, wrapWords } from './wrap';

/** Synopses up to this long share one column with their summaries beside them; a longer one gets lines of its own. */
const SYNOPSIS_WIDTH = 44;

export function usage(): string {
  return [
    'Usage: tributary <command> [options]',
    '',
    'Commands:',
    ...commandList(),
    '',
    'Options:',
    '  -h, --help   this help; `tributary <command> --help` for one command',
    '  --version    print the version',
    '',
    'A project is one .sqlite file. Exit codes: 0 done, 1 failed (the message says why), 2 bad usage,',
    '3 import finished but rejected some rows.',
    '',
  ].join('\n');
}

/**
 * One entry per command, the summaries in a column two spaces after the longest short synopsis. A synopsis too long
 * for that column is wrapped on lines of its own and its summary starts on the next line, in the column, so the two
 * never run together.
 */
function commandList(): string[] {
  const short = COMMANDS.map((command) => command.synopsis.length).filter((length) => length <= SYNOPSIS_WIDTH);
  const column = 2 + Math.max(...short) + 2;
  const indent = ' '.repeat(column);
  return COMMANDS.flatMap((command) => {
    const summary = command.summary.split(' ');
    if (command.synopsis.length <= SYNOPSIS_WIDTH) {
      return wrapWords(summary, HELP_WIDTH, `  ${command.synopsis}`.padEnd(column), indent);
    }
    return [
      ...wrapWords(synopsisWords(command.synopsis), HELP_WIDTH, '  ', '      '),
      ...wrapWords(summary, HELP_WIDTH, indent, indent),
    ];
  });
}

export function commandUsage(command: Command): string {
  const prefix = 'Usage: tributary ';
  const lines = [
    ...wrapWords(synopsisWords(command.synopsis), HELP_WIDTH, prefix, ' '.repeat(prefix.length)),
    '',
    `${capitalize(command.summary)}.`,
  ];
  if (command.details.length > 0) lines.push('', ...command.details.map((detail) => `  ${detail}`));
  return `${lines.join('\n')}\n`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
