import { createReadStream, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { ExportDownloads } from '../export/downloads';

export const DOWNLOAD_PREFIX = '/download/';

const CONTENT_TYPES: Record<string, string> = {
  '.csv': 'text/csv; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
};

/**
 * GET /download/<id>: an export the engine wrote for this page, by an id the store issued. The URL carries only
 * the id, never a path; anything else is 404. Sent as an attachment, so the browser saves it and never renders it.
 */
export async function sendDownload(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  downloads: ExportDownloads | undefined,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('Downloads are GET requests.');
    return;
  }
  const file = downloads?.lookup(url.pathname.slice(DOWNLOAD_PREFIX.length)) ?? null;
  let size: number | null = null;
  try {
    if (file) size = statSync(file.path).size;
  } catch {
    size = null;
  }
  if (!file || size === null) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    response.end('No such download: exports are kept for a short while only; export again.');
    return;
  }
  response.writeHead(200, {
    'content-type': CONTENT_TYPES[extname(file.fileName)] ?? 'application/octet-stream',
    'content-length': size,
    'content-disposition': contentDisposition(file.fileName),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  await pipeline(createReadStream(file.path), response);
}

/** RFC 6266: an ASCII fallback name and the exact one in RFC 5987 encoding. */
function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
