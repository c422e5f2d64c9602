/** What a command may touch of the outside world, so tests can run the CLI in-process and read what it wrote. */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Whether progress may be drawn (on stderr). The launcher sets it when both stdout and stderr are terminals:
   * spec cli.md says long work stays quiet when stdout is not a terminal.
   */
  isTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
  /** Stops a long-running command (serve) as SIGINT/SIGTERM do; when absent, serve listens for those signals. */
  signal?: AbortSignal;
}

/** Spec cli.md: 0 done; 1 failed (the message says why, on stderr); 2 bad usage; 3 import rejected rows. */
export const EXIT = { ok: 0, failed: 1, usage: 2, rejected: 3 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
