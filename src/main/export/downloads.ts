import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Exports run to ~100 MB each; only the newest few are kept for the browser to fetch. */
const KEEP_DOWNLOADS = 3;
/** What an earlier run left behind is gone after a day, like uploads. */
const KEEP_LEFTOVERS_MS = 24 * 60 * 60 * 1000;

export interface DownloadFile {
  id: string;
  /** The file on disk, inside this store's folder. */
  path: string;
  /** The name the browser saves it under. */
  fileName: string;
}

const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Browser mode's way to hand a large export to the page: the engine writes the file into a folder of its own in
 * the user-data folder, and the server serves it by an id this store issued (GET /download/<id>). The client
 * never names a path; an id this store did not issue, or one it has since dropped, is simply unknown.
 */
export class ExportDownloads {
  private readonly dir: string;
  private readonly files = new Map<string, DownloadFile>();

  constructor(dir: string) {
    this.dir = dir;
    forgetLeftovers(dir);
  }

  /** A new file slot: write to `path`, then `lookup(id)` serves it. Older slots past the newest few are deleted. */
  reserve(fileName: string): DownloadFile {
    const id = randomUUID();
    const folder = join(this.dir, id);
    mkdirSync(folder, { recursive: true });
    const file = { id, path: join(folder, safeFileName(fileName)), fileName };
    this.files.set(id, file);
    for (const old of [...this.files.keys()].slice(0, -KEEP_DOWNLOADS)) this.drop(old);
    return file;
  }

  lookup(id: string): DownloadFile | null {
    if (!ID_PATTERN.test(id)) return null;
    return this.files.get(id) ?? null;
  }

  /** Forgets a slot and deletes its file (a failed export, or one pushed out by newer ones). */
  drop(id: string): void {
    if (!this.files.delete(id)) return;
    rmSync(join(this.dir, id), { recursive: true, force: true });
  }
}

/** The name on disk: the export's own name, made safe for any file system. */
function safeFileName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N} ._-]+/gu, '_').slice(0, 120);
  return cleaned.replace(/^\.+/, '') || 'export';
}

function forgetLeftovers(dir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    const path = join(dir, entry);
    if (now - statSync(path).mtimeMs > KEEP_LEFTOVERS_MS) rmSync(path, { recursive: true, force: true });
  }
}
