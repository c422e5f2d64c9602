import { randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

/** Exports run to hundreds of megabytes; past this, import from a path on the machine instead. */
const MAX_UPLOAD_BYTES = 4 * 1024 ** 3;
const KEEP_UPLOADS_MS = 24 * 60 * 60 * 1000;

/**
 * Browser mode's answer to a file dropped on the page: the browser cannot tell the server the file's path, so the
 * file's bytes come up once and land in the user-data folder, and the import then reads them from there like any
 * other file. The desktop app gets dropped files' paths from Electron and needs none of this.
 */
export async function receiveUpload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  uploadsDir: string,
): Promise<void> {
  const send = (status: number, body: unknown): void => {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(body));
  };
  if (request.method !== 'POST') return send(405, { error: 'Uploads are POST requests.' });
  const declared = Number(request.headers['content-length'] ?? Number.NaN);
  if (!Number.isFinite(declared)) return send(411, { error: 'Uploads need a Content-Length.' });
  if (declared > MAX_UPLOAD_BYTES) {
    response.setHeader('connection', 'close');
    return send(413, { error: `Files over ${MAX_UPLOAD_BYTES / 1024 ** 3} GiB: import them by their path instead.` });
  }
  const name = safeName(url.searchParams.get('name') ?? 'upload.csv');
  mkdirSync(uploadsDir, { recursive: true });
  forgetOldUploads(uploadsDir);
  // A folder of its own per upload keeps the file's own name, which the import history records.
  const folder = join(uploadsDir, randomUUID());
  mkdirSync(folder);
  const target = join(folder, name);
  try {
    await pipeline(request, createWriteStream(target, { flags: 'wx' }));
  } catch (error) {
    rmSync(folder, { recursive: true, force: true });
    return send(400, { error: `The upload did not finish: ${(error as Error).message}` });
  }
  send(200, { path: target });
}

function safeName(name: string): string {
  const cleaned = basename(name)
    .replace(/[^\p{L}\p{N} ._-]+/gu, '_')
    .slice(0, 120);
  return cleaned.replace(/^\.+/, '') || 'upload.csv';
}

function forgetOldUploads(dir: string): void {
  const now = Date.now();
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    if (now - statSync(path).mtimeMs > KEEP_UPLOADS_MS) rmSync(path, { recursive: true, force: true });
  }
}
