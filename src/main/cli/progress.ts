import type { CliIo } from './io';

export interface StatusLine {
  clear(): void;
}

const CLEAR_LINE = '\r\x1b[2K';

/**
 * One line on stderr saying what is being done, erased when it is done; nothing at all when not on a terminal
 * (spec cli.md). The demo generator works synchronously and reports no progress, so a line is all it can have.
 */
export function showStatus(io: CliIo, text: string): StatusLine {
  if (!io.isTTY) return { clear: () => undefined };
  io.stderr(`${text}…`);
  return { clear: () => io.stderr(CLEAR_LINE) };
}
