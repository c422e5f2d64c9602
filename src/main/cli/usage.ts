import { COMMANDS, type Command } from './commands/index';

const SYNOPSIS_WIDTH = 44;

export function usage(): string {
  const line = (command: Command): string =>
    `  ${command.synopsis.padEnd(SYNOPSIS_WIDTH)} ${command.summary}`.trimEnd();
  return [
    'Usage: tributary <command> [options]',
    '',
    'Commands:',
    ...COMMANDS.map(line),
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

export function commandUsage(command: Command): string {
  const lines = [`Usage: tributary ${command.synopsis}`, '', `${capitalize(command.summary)}.`];
  if (command.details.length > 0) lines.push('', ...command.details.map((detail) => `  ${detail}`));
  return `${lines.join('\n')}\n`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
