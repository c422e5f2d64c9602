import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index';
import { commandUsage, usage } from './usage';

const WIDTH = 100;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text's words with any run of spaces or a line break between them, as a wrapped help shows them. */
function wrapped(text: string): string {
  return text.split(' ').map(escape).join('\\s+');
}

describe('tributary --help', () => {
  it('keeps every line within 100 columns', () => {
    for (const line of usage().split('\n')) expect(line.length, line).toBeLessThanOrEqual(WIDTH);
  });

  it('sets each summary apart from its synopsis, by a gap or a line of its own', () => {
    const help = usage();
    for (const command of COMMANDS) {
      expect(help).toMatch(
        new RegExp(`^ {2}${wrapped(command.synopsis)}( {2,}|\\n {4,})${wrapped(command.summary)}$`, 'm'),
      );
    }
  });

  it('lists the short synopses in one column', () => {
    const lines = usage().split('\n');
    const columns = COMMANDS.filter((command) => command.synopsis.length < 44).map((command) => {
      const line = lines.find((candidate) => candidate.startsWith(`  ${command.synopsis}  `)) ?? '';
      return line.length - line.slice(2 + command.synopsis.length).trimStart().length;
    });
    expect(new Set(columns).size).toBe(1);
  });
});

describe('tributary <command> --help', () => {
  it.each(COMMANDS.map((command) => [command.name, command] as const))(
    '%s keeps every line within 100 columns',
    (_, command) => {
      const help = commandUsage(command);
      for (const line of help.split('\n')) expect(line.length, line).toBeLessThanOrEqual(WIDTH);
      expect(help).toMatch(new RegExp(`^Usage: tributary ${wrapped(command.synopsis)}\\n`));
    },
  );
});
