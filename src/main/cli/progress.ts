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

export interface ProgressBar {
  update(fraction: number, text: string): void;
  clear(): void;
}

const BAR_WIDTH = 30;

/** A progress bar on stderr for long work, drawn only on a terminal (spec cli.md). */
export function showProgressBar(io: CliIo, label: string): ProgressBar {
  if (!io.isTTY) return { update: () => undefined, clear: () => undefined };
  return {
    update(fraction, text) {
      const filled = Math.round(Math.min(1, Math.max(0, fraction)) * BAR_WIDTH);
      const percent = `${Math.floor(fraction * 100)}`.padStart(3);
      io.stderr(`${CLEAR_LINE}${label} [${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${percent}% ${text}`);
    },
    clear: () => io.stderr(CLEAR_LINE),
  };
}
