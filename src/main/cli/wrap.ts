/** Help text is kept within this many columns, so it reads in a terminal of the usual widths without breaking. */
export const HELP_WIDTH = 100;

/**
 * Words laid out on lines of at most `width` columns, the first starting after `first` and the rest after `rest`
 * (the indents count toward the width). A word too long for any line has one of its own.
 */
export function wrapWords(words: readonly string[], width: number, first: string, rest: string): string[] {
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of words) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = rest;
      empty = true;
    }
    line += empty ? word : ` ${word}`;
    empty = false;
  }
  lines.push(line);
  return lines;
}

/** A synopsis in words that are never split: `[--mapping <file.json>]` stays on one line. */
export function synopsisWords(synopsis: string): string[] {
  return synopsis.match(/\[[^\]]*\]|\S+/g) ?? [];
}

/** An option with its description in a column from `column`, wrapped under itself. */
export function optionHelp(option: string, description: string, column: number): string[] {
  const indent = ' '.repeat(column);
  const first = option.length < column - 1 ? option.padEnd(column) : `${option}  `;
  return wrapWords(description.split(' '), HELP_WIDTH - 2, first, indent);
}
