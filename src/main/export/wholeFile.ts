import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Where a file being written gathers its text: written out a megabyte at a time, so memory stays flat. */
export interface TextSink {
  write(text: string): void;
}

const FLUSH_AT = 1 << 20;

/**
 * A file written to a partial file beside its path and renamed into place once whole: a write that fails (a full
 * disk, bad data, an interrupted stream) leaves no half file, and the partial one is removed.
 */
class PartialFile implements TextSink {
  private readonly partial: string;
  private readonly fd: number;
  private buffer = '';

  constructor(private readonly path: string) {
    this.partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
    this.fd = openSync(this.partial, 'w');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length > FLUSH_AT) {
      writeSync(this.fd, this.buffer);
      this.buffer = '';
    }
  }

  finish(): void {
    writeSync(this.fd, this.buffer);
    closeSync(this.fd);
    renameSync(this.partial, this.path);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // closed already, before the rename failed
    }
    rmSync(this.partial, { force: true });
  }
}

/** Writes `path` whole or not at all through `fill`; returns what `fill` returns (a row count). */
export function writeWholeFileSync<T>(path: string, fill: (sink: TextSink) => T): T {
  const file = new PartialFile(path);
  try {
    const result = fill(file);
    file.finish();
    return result;
  } catch (error) {
    file.abort();
    throw error;
  }
}

/** writeWholeFileSync for a `fill` that reads its rows asynchronously (a DuckDB result stream). */
export async function writeWholeFile<T>(path: string, fill: (sink: TextSink) => Promise<T>): Promise<T> {
  const file = new PartialFile(path);
  try {
    const result = await fill(file);
    file.finish();
    return result;
  } catch (error) {
    file.abort();
    throw error;
  }
}
