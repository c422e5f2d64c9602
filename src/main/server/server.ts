import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ExportDownloads } from '../export/downloads';
import { dispatch } from '../handlers/dispatch';
import type { HandlerTable } from '../handlers/index';
import { DOWNLOAD_PREFIX, sendDownload } from './download';
import { checkHostAndOrigin, cookieName, newToken, presentedToken, tokenMatches, type Guard } from './guard';
import { resolveStaticFile, sendFile } from './static';
import { receiveUpload } from './upload';

export interface ServerOptions {
  handlers: HandlerTable;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** Where files dropped on the page are stored for import (POST /upload). */
  uploadsDir: string;
  /** Exports the handlers wrote for the page to fetch (GET /download/<id>); the same store the handlers use. */
  downloads?: ExportDownloads;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const API_PREFIX = '/api/';
const UPLOAD_PATH = '/upload';
/** Where browsers look for a tab icon on their own, and the app icon in the built renderer (from resources/). */
const FAVICON_PATH = '/favicon.ico';
const FAVICON_FILE = '/icon.png';

/** Headers on every answer: nothing is cached, no referrer carries the token away, nothing frames the app. */
const SECURITY_HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
};

/**
 * Browser mode: the renderer and the API on 127.0.0.1 only, behind a random per-run token. The token arrives once
 * in the printed URL; the server then sets it as a same-site cookie and redirects to a clean URL, so later requests
 * (assets, API calls) carry it without it staying in the address bar.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const token = options.token ?? newToken();
  const guard: Guard = { token, port: 0 };
  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    handle(request, response, guard, options).catch((error: unknown) => {
      if (!response.headersSent) sendText(response, 500, `Internal error: ${String(error)}`);
      else response.destroy();
    });
  });
  // Headers must arrive promptly; a body may take long (an upload of a large export on a slow disk).
  server.headersTimeout = 60_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(
  request: IncomingMessage,
  response: ServerResponse,
  guard: Guard,
  options: ServerOptions,
): Promise<void> {
  const refusal = checkHostAndOrigin(request, guard);
  if (refusal) return sendText(response, 403, `Forbidden: ${refusal}.`);
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${guard.port}`);
  // Browsers ask for /favicon.ico by themselves, without the token: no query string, and no cookie yet on the 401
  // page. The app icon is no secret, so it is the one answer given without the token; Host and Origin still hold.
  if (url.pathname === FAVICON_PATH && (request.method === 'GET' || request.method === 'HEAD')) {
    const icon = resolveStaticFile(options.rendererDir, FAVICON_FILE);
    return icon ? sendFile(response, icon) : sendText(response, 404, 'Not found.');
  }
  if (!tokenMatches(presentedToken(request, url, guard.port), guard.token)) {
    return sendText(response, 401, 'Unauthorized: open the URL that `tributary serve` printed, with its token.');
  }
  if (url.searchParams.has('token') && (request.method === 'GET' || request.method === 'HEAD')) {
    response.setHeader('set-cookie', `${cookieName(guard.port)}=${guard.token}; Path=/; HttpOnly; SameSite=Strict`);
    response.writeHead(303, { location: url.pathname });
    response.end();
    return;
  }
  if (url.pathname.startsWith(API_PREFIX)) return handleApi(request, response, url, options.handlers);
  if (url.pathname === UPLOAD_PATH) return receiveUpload(request, response, url, options.uploadsDir);
  if (url.pathname.startsWith(DOWNLOAD_PREFIX)) return sendDownload(request, response, url, options.downloads);
  if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.');
  const file = resolveStaticFile(options.rendererDir, url.pathname);
  if (!file) return sendText(response, 404, 'Not found.');
  sendFile(response, file);
}

async function handleApi(
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  handlers: HandlerTable,
): Promise<void> {
  if (request.method !== 'POST') return sendText(response, 405, 'API calls are POST requests.');
  let method: string;
  try {
    method = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
  } catch {
    return sendText(response, 400, 'Malformed method name.');
  }
  if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
    return sendText(response, 415, 'API calls send application/json.');
  }
  const body = await readBody(request, MAX_BODY_BYTES);
  if (body === null) {
    // Stop reading the rest: answer, then drop the connection.
    response.setHeader('connection', 'close');
    response.on('finish', () => request.destroy());
    return sendText(response, 413, `Request body over ${MAX_BODY_BYTES} bytes.`);
  }
  let args: unknown;
  try {
    args = body.length === 0 ? {} : JSON.parse(body);
  } catch {
    return sendJson(response, 400, {
      ok: false,
      error: { code: 'bad_request', message: 'The request body is not valid JSON.' },
    });
  }
  const envelope = await dispatch(handlers, method, args);
  sendJson(response, 200, envelope);
}

function readBody(request: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.pause();
        request.removeAllListeners('data');
        resolve(null);
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(text);
}

function sendJson(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(value));
}
